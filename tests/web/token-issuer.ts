import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { SignInSettings } from '../../src/web/http/sign-in.js';

/**
 * An Entra ID stand-in for tests: an RSA key pair made here, its public key published as a JWKS on
 * loopback (as at `AZURE_OPENID_CONFIG_JWKS_URI`), and tokens signed with it — or with a key it does
 * not publish — with whatever claims a test wants.
 */
export interface TokenIssuer {
  /** What the app is told: this issuer, this audience, this JWKS. */
  settings: SignInSettings;
  /** A token for `oid`, valid for an hour unless `claims` say otherwise. */
  token(claims?: JWTPayload, options?: { unpublishedKey?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export const ISSUER = 'https://login.microsoftonline.com/test-tenant/v2.0';
export const AUDIENCE = 'styringssok-test-client';

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const published = await generateKeyPair('RS256');
  const unpublished = await generateKeyPair('RS256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(published.publicKey)), kid: 'publisert', alg: 'RS256', use: 'sig' }] });
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    settings: { issuer: ISSUER, audience: AUDIENCE, jwksUri: `http://127.0.0.1:${port}/discovery/v2.0/keys` },
    token: (claims = {}, { unpublishedKey = false } = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'subjekt-1', oid: 'ansatt-1', iat: now, nbf: now - 60, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: unpublishedKey ? 'ukjent' : 'publisert', typ: 'JWT' })
        .sign(unpublishedKey ? unpublished.privateKey : published.privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
