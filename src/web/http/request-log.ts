/**
 * Every request gets an id: the caller's `X-Request-Id` when it is a short plain token (a proxy's
 * trace id, say), otherwise a fresh one — anything else could smuggle markup or line breaks into
 * headers, logs and pages. The id is sent back in `X-Request-Id`, carried by every log line of the
 * request, and shown with a 5xx so that a user can quote it when reporting the fault.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Locals {
    requestId: string;
    /** The app's logger, bound to this request's id. */
    log: Logger;
  }
}

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('X-Request-Id');
    const id = incoming !== undefined && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.locals.log = logger.child({ reqId: id });
    res.set('X-Request-Id', id);
    res.on('finish', () => res.locals.log.info({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request'));
    next();
  };
}
