import request from 'supertest';
import { SearchEngine } from '../../../src/search/engine.js';
import { createApp } from '../../../src/web/app.js';
import { smallCorpus } from '../fixtures.js';
import { startTokenIssuer } from '../token-issuer.js';

describe('rate limit', () => {
  const engine = SearchEngine.build(smallCorpus());

  test('beyond the limit a client gets 429 with { error } and the RateLimit headers; pages count too, static files and the health check do not', async () => {
    const app = createApp({ index: { current: engine }, rateLimit: 3 });
    for (let i = 0; i < 3; i++) {
      const res = await request(app).get('/api/search?q=unge').expect(200);
      expect(res.headers['ratelimit-policy']).toMatch(/^"3-in-1min"; q=3; w=60\b/);
      expect(res.headers.ratelimit).toMatch(new RegExp(`^"3-in-1min"; r=${2 - i}; t=\\d+\\b`));
    }
    const refused = await request(app).get('/api/documents').expect(429).expect('Content-Type', /json/);
    expect(refused.body).toEqual({ error: 'For mange forespørsler: høyst 3 i minuttet. Vent litt og prøv igjen.' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const page = await request(app).get('/?q=unge').expect(429).expect('Content-Type', /html/);
    expect(page.text).toContain('For mange forespørsler');
    await request(app).get('/healthz').expect(200);
    await request(app).get('/static/css/app.css').expect(200);
  });

  test('clients behind a trusted proxy are counted apart by their forwarded address', async () => {
    const app = createApp({ index: { current: engine }, rateLimit: 1, trustProxy: 1 });
    await request(app).get('/api/documents').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await request(app).get('/api/documents').set('X-Forwarded-For', '203.0.113.2').expect(200);
    await request(app).get('/api/documents').set('X-Forwarded-For', '203.0.113.1').expect(429);
  });

  test('0, or no limit given, means no limit and no headers', async () => {
    for (const app of [createApp({ index: { current: engine }, rateLimit: 0 }), createApp({ index: { current: engine } })]) {
      const responses = await Promise.all(Array.from({ length: 50 }, () => request(app).get('/api/documents')));
      expect(responses.every((res) => res.status === 200 && res.headers.ratelimit === undefined)).toBe(true);
    }
  });

  test('with several replicas, each process allows its share of the limit, and says the whole limit', async () => {
    const app = createApp({ index: { current: engine }, rateLimit: 5, replicas: 2 });
    for (let i = 0; i < 3; i++) await request(app).get('/api/documents').expect(200);
    const refused = await request(app).get('/api/documents').expect(429);
    expect(refused.body.error).toBe('For mange forespørsler: høyst 5 i minuttet. Vent litt og prøv igjen.');
  });

  test('with sign-in on, each signed-in user is counted apart, whatever address they share', async () => {
    const issuer = await startTokenIssuer();
    try {
      const app = createApp({ index: { current: engine }, rateLimit: 2, signIn: issuer.settings });
      const [first, second] = await Promise.all([issuer.token({ oid: 'ansatt-1' }), issuer.token({ oid: 'ansatt-2' })]);
      for (let i = 0; i < 2; i++) await request(app).get('/api/documents').set('Authorization', `Bearer ${first}`).expect(200);
      await request(app).get('/api/documents').set('Authorization', `Bearer ${first}`).expect(429);
      await request(app).get('/api/documents').set('Authorization', `Bearer ${second}`).expect(200);
    } finally {
      await issuer.close();
    }
  });
});
