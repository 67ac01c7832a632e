/**
 * Requests per minute one client (an IP address; an IPv6 /56) may make to the API and the pages
 * (static files and the health check are not counted). Generous for a person clicking and typing, a
 * brake on a script that would take the server for itself. Counts are kept per process; behind a proxy,
 * the app must be told to trust it (`trustProxy`) to see clients.
 */
import type { RequestHandler } from 'express';
import { rateLimit as expressRateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { HttpError } from './http-error.js';

export const DEFAULT_RATE_LIMIT = 600;

export function rateLimit(perMinute: number, logger: Logger): RequestHandler {
  return expressRateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Through the error handler: the API answers `{ error }`, a page says it in Norwegian.
    handler: (_req, _res, next) => next(new HttpError(429, `For mange forespørsler: høyst ${perMinute} i minuttet. Vent litt og prøv igjen.`)),
    logger: { error: (err, message) => logger.error({ err }, message), warn: (err, message) => logger.warn({ err }, message) },
  });
}
