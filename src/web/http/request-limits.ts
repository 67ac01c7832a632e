/**
 * Every route reads its input from the URL; nothing reads a body. An absurdly long URL is refused
 * before any parsing (Node itself answers 431 beyond its 16 KB header limit), and so is a request
 * that carries more than a token body: its connection is closed rather than read to the end.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

export const MAX_URL_LENGTH = 8 * 1024;
export const MAX_BODY_BYTES = 1024;

export function requestLimits(): RequestHandler {
  return (req, res, next) => {
    if (req.originalUrl.length > MAX_URL_LENGTH) {
      next(new HttpError(414, `Adressen er for lang: ${req.originalUrl.length} tegn. Bruk høyst ${MAX_URL_LENGTH} tegn.`));
      return;
    }
    // A chunked body does not say how long it is.
    const length = req.headers['transfer-encoding'] === undefined ? Number(req.headers['content-length'] ?? 0) : Infinity;
    if (!(length <= MAX_BODY_BYTES)) {
      res.set('Connection', 'close');
      next(new HttpError(413, 'Forespørselen er for stor. Søk og oppslag sendes i adressen, uten innhold.'));
      return;
    }
    next();
  };
}
