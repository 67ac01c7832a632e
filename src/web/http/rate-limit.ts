/**
 * Requests per minute one client may make to the API and the pages (static files, the health check
 * and the probes are not counted). Generous for a person clicking and typing, a brake on a script that
 * would take the server for itself. A client is the signed-in user when sign-in is on — behind NAV's
 * network many employees share an address — and otherwise an IP address (an IPv6 /56); behind a proxy,
 * the app must be told to trust it (`trustProxy`) to see clients' addresses. Counts are kept in each
 * process: with several replicas behind a load balancer that spreads each client's requests over them,
 * each process allows its share of the limit.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit as expressRateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { HttpError } from './http-error.js';

export const DEFAULT_RATE_LIMIT = 600;

/** The address's prefix that one client is taken to hold. */
const IPV6_SUBNET = 56;

export function rateLimit(perMinute: number, logger: Logger, replicas = 1): RequestHandler {
  return expressRateLimit({
    windowMs: 60_000,
    limit: Math.ceil(perMinute / replicas),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => (res.locals.user ? `user:${res.locals.user.id}` : ipKeyGenerator(req.ip ?? '', IPV6_SUBNET)),
    // Through the error handler: the API answers `{ error }`, a page says it in Norwegian.
    handler: (_req, _res, next) => next(new HttpError(429, `For mange forespørsler: høyst ${perMinute} i minuttet. Vent litt og prøv igjen.`)),
    logger: { error: (err, message) => logger.error({ err }, message), warn: (err, message) => logger.warn({ err }, message) },
  });
}
