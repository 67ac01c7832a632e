/**
 * What `serve` reads from its environment. A value that makes no sense stops the start with a
 * message, rather than serving with a setting nobody asked for.
 */
import pino, { type LevelWithSilent } from 'pino';
import { DEFAULT_RATE_LIMIT } from './rate-limit.js';

export interface ServeSettings {
  /** `PORT`, default 3000; 0 picks a free one. */
  port: number;
  /** `RATE_LIMIT`: API requests per minute per client, default 600; 0 means no limit. */
  rateLimit: number;
  /** `LOG_LEVEL`: pino's levels, default info (a line per request). */
  logLevel: LevelWithSilent;
  /** `TRUST_PROXY`: how many proxies stand in front (1 for one load balancer), or their addresses. */
  trustProxy: number | string | false;
}

export function serveSettings(env: NodeJS.ProcessEnv): ServeSettings {
  const port = wholeNumber(env, 'PORT', 3000);
  if (port > 65535) throw new Error(`PORT must be a port number, not «${env.PORT}»`);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!isLevel(logLevel)) throw new Error(`LOG_LEVEL must be one of ${[...Object.keys(pino.levels.values), 'silent'].join(', ')}, not «${logLevel}»`);
  const proxies = env.TRUST_PROXY;
  const trustProxy = !proxies ? false : /^\d+$/.test(proxies) ? Number(proxies) : proxies;
  return { port, rateLimit: wholeNumber(env, 'RATE_LIMIT', DEFAULT_RATE_LIMIT), logLevel, trustProxy };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not «${value}»`);
  return Number(value);
}

function isLevel(level: string): level is LevelWithSilent {
  return level === 'silent' || Object.hasOwn(pino.levels.values, level);
}
