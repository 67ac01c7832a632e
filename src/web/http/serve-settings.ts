/**
 * What `serve` reads from its environment. A value that makes no sense stops the start with a
 * message, rather than serving with a setting nobody asked for.
 */
import pino, { type LevelWithSilent } from 'pino';
import { DEFAULT_RATE_LIMIT } from './rate-limit.js';
import type { SignInSettings } from './sign-in.js';

export interface ServeSettings {
  /** `PORT`, default 3000; 0 picks a free one. */
  port: number;
  /** `RATE_LIMIT`: API requests per minute per client, default 600; 0 means no limit. */
  rateLimit: number;
  /** `REPLICAS`: how many processes behind the load balancer share each client's `RATE_LIMIT`, default 1. */
  replicas: number;
  /** `LOG_LEVEL`: pino's levels, default info (a line per request). */
  logLevel: LevelWithSilent;
  /** `LOG_QUERIES`: `false` keeps what users search for out of the logs; default `true`. */
  logQueries: boolean;
  /** `TRUST_PROXY`: how many proxies stand in front (1 for one load balancer), or their addresses. */
  trustProxy: number | string | false;
  /** `SIGN_IN=azure`: every request but the probes must carry a valid Entra ID token (NAIS's `AZURE_*` variables); null when off. */
  signIn: SignInSettings | null;
}

export function serveSettings(env: NodeJS.ProcessEnv): ServeSettings {
  const port = wholeNumber(env, 'PORT', 3000);
  if (port > 65535) throw new Error(`PORT must be a port number, not «${env.PORT}»`);
  const replicas = wholeNumber(env, 'REPLICAS', 1);
  if (replicas < 1) throw new Error('REPLICAS must be at least 1');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!isLevel(logLevel)) throw new Error(`LOG_LEVEL must be one of ${[...Object.keys(pino.levels.values), 'silent'].join(', ')}, not «${logLevel}»`);
  const proxies = env.TRUST_PROXY;
  const trustProxy = !proxies ? false : /^\d+$/.test(proxies) ? Number(proxies) : proxies;
  return { port, rateLimit: wholeNumber(env, 'RATE_LIMIT', DEFAULT_RATE_LIMIT), replicas, logLevel, logQueries: flag(env, 'LOG_QUERIES', true), trustProxy, signIn: signIn(env) };
}

/** NAIS sets the `AZURE_*` variables when the manifest asks for `azure.application`. */
function signIn(env: NodeJS.ProcessEnv): SignInSettings | null {
  const kind = env.SIGN_IN || 'off';
  if (kind === 'off') return null;
  if (kind !== 'azure') throw new Error(`SIGN_IN must be off or azure, not «${kind}»`);
  const names = ['AZURE_APP_CLIENT_ID', 'AZURE_OPENID_CONFIG_ISSUER', 'AZURE_OPENID_CONFIG_JWKS_URI'] as const;
  const missing = names.filter((name) => !env[name]);
  if (missing.length) throw new Error(`SIGN_IN=azure needs ${missing.join(', ')} (NAIS sets them with azure.application.enabled)`);
  const jwksUri = env.AZURE_OPENID_CONFIG_JWKS_URI!;
  if (!/^https?:\/\//.test(jwksUri) || !URL.canParse(jwksUri)) throw new Error(`AZURE_OPENID_CONFIG_JWKS_URI must be an http(s) address, not «${jwksUri}»`);
  return { audience: env.AZURE_APP_CLIENT_ID!, issuer: env.AZURE_OPENID_CONFIG_ISSUER!, jwksUri };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not «${value}»`);
  return Number(value);
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value !== 'true' && value !== 'false') throw new Error(`${name} must be true or false, not «${value}»`);
  return value === 'true';
}

function isLevel(level: string): level is LevelWithSilent {
  return level === 'silent' || Object.hasOwn(pino.levels.values, level);
}
