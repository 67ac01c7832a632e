/**
 * Sign-in behind NAV's login proxy (the NAIS Entra ID sidecar): the proxy adds the signed-in employee's
 * access token to every request as `Authorization: Bearer …`, and the app checks it before answering —
 * signed with a key from the issuer's JWKS, issued by the tenant's issuer, meant for this app (its
 * audience), and valid now. Without a valid token a page says so in Norwegian and links to the proxy's
 * login, which comes back to the page asked for; the API answers 401 `{ error }`. The probes, metrics
 * and static files are mounted before this and are not asked for a token.
 */
import type { Request, RequestHandler, Response } from 'express';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { wantsJson } from './error-handler.js';
import { HttpError } from './http-error.js';

export interface SignInSettings {
  /** The app's client id (`AZURE_APP_CLIENT_ID`): a token must be issued for it. */
  audience: string;
  /** Who must have issued the token (`AZURE_OPENID_CONFIG_ISSUER`). */
  issuer: string;
  /** Where the issuer publishes its signing keys (`AZURE_OPENID_CONFIG_JWKS_URI`). */
  jwksUri: string;
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** Who is signed in, when sign-in is on: the token's object id (or else its subject). */
    user?: { id: string };
  }
}

/** Entra ID signs with RS256: a token naming another algorithm, `none` included, is refused unread. */
const ALGORITHMS = ['RS256'];
/** The cluster's clock and the issuer's may differ by a moment. */
const CLOCK_TOLERANCE_S = 5;

/** Failures that are the issuer's key set's, not the token's: the token cannot be judged now. */
const KEY_SET_UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);

export function signIn({ audience, issuer, jwksUri }: SignInSettings): RequestHandler {
  // Fetched when first needed, cached, and fetched again when a token names a key it does not hold.
  const keys = createRemoteJWKSet(new URL(jwksUri));
  return async (req, res, next) => {
    const token = /^Bearer (\S+)$/i.exec(req.get('Authorization') ?? '')?.[1];
    if (!token) {
      refuse(req, res, 'missing');
      return;
    }
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ALGORITHMS, clockTolerance: CLOCK_TOLERANCE_S });
      const id = typeof payload.oid === 'string' ? payload.oid : payload.sub;
      if (id) res.locals.user = { id };
    } catch (error) {
      if (error instanceof errors.JOSEError && !KEY_SET_UNAVAILABLE.has(error.code)) {
        refuse(req, res, 'invalid');
        return;
      }
      res.locals.log.error({ err: error, jwksUri }, 'the signing keys could not be fetched; no token can be checked');
      next(new HttpError(503, 'Innloggingen kan ikke sjekkes akkurat nå. Prøv igjen om litt.'));
      return;
    }
    next();
  };
}

function refuse(req: Request, res: Response, why: 'missing' | 'invalid'): void {
  res.status(401).set('Cache-Control', 'no-store');
  res.set('WWW-Authenticate', why === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"');
  if (wantsJson(req)) {
    res.json({ error: why === 'missing' ? 'Du er ikke logget inn. Logg inn via /oauth2/login.' : 'Innloggingen er utløpt eller ugyldig. Logg inn på nytt via /oauth2/login.' });
    return;
  }
  res.render('sign-in', { loginUrl: loginUrl(req.originalUrl), again: why === 'invalid', hideHeaderSearch: true });
}

/** The proxy's login, back to where the user was; only a path on this site is a place to return to. */
export function loginUrl(originalUrl: string): string {
  const back = /^\/(?![/\\])/.test(originalUrl) ? originalUrl : '/';
  return `/oauth2/login?redirect=${encodeURIComponent(back)}`;
}
