/**
 * The web app: Norwegian pages and the JSON API over the served index, the platform's probes and
 * metrics, and — when asked for — sign-in. It does not listen; the caller (the `serve` command, a
 * test) decides where.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import ejs from 'ejs';
import express from 'express';
import helmet from 'helmet';
import pino, { type Logger } from 'pino';
import { healthz, probes } from './health.js';
import { errorHandler } from './http/error-handler.js';
import { notFound } from './http/http-error.js';
import { rateLimit } from './http/rate-limit.js';
import { requestLimits } from './http/request-limits.js';
import { requestLog } from './http/request-log.js';
import { signIn, type SignInSettings } from './http/sign-in.js';
import { Metrics } from './metrics.js';
import { apiRouter } from './routes/api.js';
import { pageRouter } from './routes/pages.js';
import { takeEngine, type ServedIndex } from './served-index.js';

export interface AppOptions {
  /** The index to serve; each request takes its current engine. */
  index: ServedIndex;
  /** Request and error log; silent when left out. */
  logger?: Logger;
  /** Requests per minute per client to the API and the pages (`DEFAULT_RATE_LIMIT` is what `serve` uses); 0 or left out: no limit. */
  rateLimit?: number;
  /** Processes behind the load balancer that share each client's `rateLimit`; 1 when left out. */
  replicas?: number;
  /** Express's `trust proxy`: the proxies in front, so that clients are told apart by their own address. */
  trustProxy?: number | string | false;
  /** False: what users search for (`q`) stays out of the request log. */
  logQueries?: boolean;
  /** Require a valid token from NAV's login proxy on every request but the probes and static files; off when left out. */
  signIn?: SignInSettings | null;
  /** Where requests, searches and ingests are counted; the app makes its own when left out. */
  metrics?: Metrics;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const designSystem = dirname(createRequire(import.meta.url).resolve('@navikt/ds-css'));

/** No inline script or style anywhere: every script and stylesheet is a file served from here. */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
} as const;

export function createApp(options: AppOptions): express.Express {
  const logger = options.logger ?? pino({ level: 'silent' });
  const metrics = options.metrics ?? new Metrics(options.index);
  const index = metrics.timingSearches(options.index);
  const app = express();
  app.set('query parser', 'simple');
  // No JSON body carries live markup, whatever it echoes: <, > and & are written as \u escapes.
  app.set('json escape', true);
  app.set('trust proxy', options.trustProxy ?? false);
  app.set('views', `${root}views`);
  app.set('view engine', 'ejs');
  app.engine('ejs', ejs.renderFile);
  app.set('view cache', true);

  // The platform's probes and scrapes: answered first, neither logged nor counted nor signed in.
  app.use(probes(index, metrics.serve()));
  app.use(requestLog(logger, { logQueries: options.logQueries ?? true }));
  app.use(metrics.timeRequests());
  app.use(['/api', '/static'], metrics.mount());
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  app.use(requestLimits());
  app.use(compression());
  app.use((req, res, next) => {
    res.locals.path = req.path;
    next();
  });
  // Files only: a directory is not found rather than redirected to itself with a slash.
  app.use('/static/ds', express.static(designSystem, { maxAge: '1d', index: false, redirect: false }));
  app.use('/static', express.static(`${root}public`, { maxAge: '1h', index: false, redirect: false }));
  // Stylesheets and scripts hold nothing to protect, and the sign-in page needs them.
  if (options.signIn) app.use(signIn(options.signIn));

  app.get('/healthz', healthz(index));
  if (options.rateLimit) app.use(rateLimit(options.rateLimit, logger, options.replicas));
  app.use(takeEngine(index));
  app.use('/api', apiRouter());
  app.use(pageRouter());
  app.use((_req, _res, next) => next(notFound()));
  app.use(errorHandler());
  return app;
}
