/**
 * Sign-in as NAV's login proxy hands it over: a bearer token, checked against a real JWKS served on
 * loopback by a key pair made here. Every kind of bad token is refused with 401 — a page in Norwegian
 * with the way back through the proxy's login, `{ error }` in the API — and the probes, metrics and
 * static files ask for none.
 */
import { UnsecuredJWT } from 'jose';
import request from 'supertest';
import { SearchEngine } from '../../../src/search/engine.js';
import { createApp } from '../../../src/web/app.js';
import { loginUrl } from '../../../src/web/http/sign-in.js';
import { smallCorpus } from '../fixtures.js';
import { startTokenIssuer, type TokenIssuer } from '../token-issuer.js';

let issuer: TokenIssuer;
let app: ReturnType<typeof createApp>;
const engine = SearchEngine.build(smallCorpus());

beforeAll(async () => {
  issuer = await startTokenIssuer();
  app = createApp({ index: { current: engine }, signIn: issuer.settings });
});

afterAll(() => issuer.close());

const now = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('sign-in', () => {
  test('a valid token opens the API and the pages', async () => {
    const token = await issuer.token();
    const api = await request(app).get('/api/search?q=unge').set(bearer(token)).expect(200);
    expect(api.body.total).toBeGreaterThan(0);
    await request(app).get('/?q=unge').set(bearer(token)).expect(200).expect('Content-Type', /html/);
    await request(app).get('/healthz').set(bearer(token)).expect(200);
  });

  test('without a token, a page says so in Norwegian and links to the login, back to the page', async () => {
    const res = await request(app).get('/?q=unge&year=2024').expect(401).expect('Content-Type', /html/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('Du må logge inn');
    expect(res.text).toContain(`href="/oauth2/login?redirect=${encodeURIComponent('/?q=unge&year=2024').replaceAll('&', '&amp;')}"`);
    expect(res.text).not.toContain('Ungdomsgarantien skal sikre');
  });

  test('without a token, the API answers { error }', async () => {
    const res = await request(app).get('/api/search?q=unge').expect(401).expect('Content-Type', /json/);
    expect(res.body).toEqual({ error: 'Du er ikke logget inn. Logg inn via /oauth2/login.' });
    await request(app).get('/api/documents').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
  });

  const bad: [string, () => Promise<string>][] = [
    ['expired', () => issuer.token({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })],
    ['not yet valid', () => issuer.token({ nbf: now() + 3600 })],
    ['for another audience', () => issuer.token({ aud: 'en-annen-app' })],
    ['from another issuer', () => issuer.token({ iss: 'https://login.microsoftonline.com/annen-tenant/v2.0' })],
    ['unsigned (alg: none)', async () => new UnsecuredJWT({ iss: issuer.settings.issuer, aud: issuer.settings.audience, oid: 'ansatt-1', exp: now() + 3600 }).encode()],
    [
      'with a tampered signature',
      async () => {
        const [header, payload, signature] = (await issuer.token()).split('.') as [string, string, string];
        const flipped = Buffer.from(signature, 'base64url');
        flipped[0]! ^= 0x01;
        return `${header}.${payload}.${flipped.toString('base64url')}`;
      },
    ],
    [
      'with claims changed under a valid signature',
      async () => {
        const [header, , signature] = (await issuer.token()).split('.') as [string, string, string];
        const payload = Buffer.from(JSON.stringify({ iss: issuer.settings.issuer, aud: issuer.settings.audience, oid: 'en-annen', exp: now() + 3600 })).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
    ['signed by a key not in the JWKS', () => issuer.token({}, { unpublishedKey: true })],
    ['not a token at all', async () => 'ikke.et.token'],
  ];

  test.each(bad)('a token %s gets 401: the page asks to log in again, the API says { error }', async (_what, make) => {
    const token = await make();
    const page = await request(app).get('/dok').set(bearer(token)).expect(401);
    expect(page.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(page.text).toContain('Logg inn på nytt');
    expect(page.text).toContain('href="/oauth2/login?redirect=%2Fdok"');
    const api = await request(app).get('/api/documents').set(bearer(token)).expect(401);
    expect(api.body).toEqual({ error: 'Innloggingen er utløpt eller ugyldig. Logg inn på nytt via /oauth2/login.' });
  });

  test('the probes, the metrics and the static files ask for no token', async () => {
    await request(app).get('/internal/isalive').expect(200);
    await request(app).get('/internal/isready').expect(200);
    await request(app).get('/internal/metrics').expect(200).expect('Content-Type', /text\/plain/);
    await request(app).get('/static/css/app.css').expect(200);
  });

  test('when the JWKS cannot be fetched, no token can be checked: 503, not 401', async () => {
    const unreachable = createApp({ index: { current: engine }, signIn: { ...issuer.settings, jwksUri: 'http://127.0.0.1:9/keys' } });
    const res = await request(unreachable).get('/api/documents').set(bearer(await issuer.token())).expect(503);
    expect(res.body.error).toMatch(/^Innloggingen kan ikke sjekkes akkurat nå/);
  });

  test('the login returns only to a path on this site', () => {
    expect(loginUrl('/dok/mdb-2024?q=unge')).toBe('/oauth2/login?redirect=%2Fdok%2Fmdb-2024%3Fq%3Dunge');
    for (const elsewhere of ['//evil.example/', '/\\evil.example', 'http://evil.example/']) expect(loginUrl(elsewhere)).toBe('/oauth2/login?redirect=%2F');
  });
});
