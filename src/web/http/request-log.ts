/**
 * Every request gets an id: the caller's `X-Request-Id` when it is a short plain token (a proxy's
 * trace id, say), otherwise a fresh one — anything else could smuggle markup or line breaks into
 * headers, logs and pages. The id is sent back in `X-Request-Id`, carried by every log line of the
 * request, and shown with a 5xx so that a user can quote it when reporting the fault. What users
 * search for may be kept out of the logs: the address is then logged without its `q`.
 */
import { randomUUID } from 'node:crypto';
import { unescape } from 'node:querystring';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Locals {
    requestId: string;
    /** The app's logger, bound to this request's id. */
    log: Logger;
    /** The request's address as its log lines give it. */
    loggedUrl: string;
  }
}

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestLog(logger: Logger, { logQueries = true }: { logQueries?: boolean } = {}): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('X-Request-Id');
    const id = incoming !== undefined && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.locals.log = logger.child({ reqId: id });
    res.locals.loggedUrl = logQueries ? req.originalUrl : withoutQuery(req.originalUrl);
    res.set('X-Request-Id', id);
    res.on('finish', () => res.locals.log.info({ method: req.method, url: res.locals.loggedUrl, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request'));
    next();
  };
}

/** The address without its `q` parameter, however its name is escaped (`%71`, say). */
function withoutQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const kept = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => unescape(pair.split('=')[0]!.replaceAll('+', ' ')) !== 'q');
  return kept.length ? `${url.slice(0, at)}?${kept.join('&')}` : url.slice(0, at);
}
