import fc from 'fast-check';
import request from 'supertest';
import { smallApp } from './fixtures.js';

/** Requests nobody should send: each must get a 2xx, 3xx or 4xx with a message, never a 500. */
describe('hostile requests', () => {
  const app = smallApp();

  test.each([
    '/api/search?q=' + 'a'.repeat(5000),
    '/api/search?limit=-5',
    '/api/search?limit=abc&offset=-1',
    '/api/search?limit=1e309',
    '/api/search?q=a&q=b',
    '/api/search?q[]=a',
    '/api/search?q[a]=b',
    '/api/search?year=abc',
    '/api/search?year=2024&year=2024&year=2023',
    '/api/search?__proto__=x&constructor=y&q=unge',
    '/api/search?__proto__[q]=x',
    '/api/search?q=%00%01%1b%7f',
    '/api/search?q=%E0%A4%A',
    '/api/search?q=%ED%A0%80',
    '/api/search?q=%22%22%22---OR%20OR',
    '/api/search?q=§§§%20§',
    '/api/compare?id=',
    '/api/compare?id=a&id=b',
    '/api/documents/%E0%A4%A',
    '/api/documents/..%2F..%2Fpackage.json',
    '/?q=' + 'a'.repeat(5000),
    '/?side=-1',
    '/?side=99999999999999999999',
    '/?side=abc',
    '/?year=2024&year=x',
    '/?q=%00',
    '/dok/%E0%A4%A',
    '/dok/__proto__',
    '/dok/constructor',
    '/dok/mdb-2024/skann/extra',
    '/sammenlign?id=__proto__',
    '/sammenlign?id[]=x',
  ])('%s', async (path) => {
    const res = await request(app).get(path);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(/at .+\.(ts|js):\d+/);
    if (res.status >= 400 && path.startsWith('/api/')) expect(res.body).toEqual({ error: expect.any(String) });
  });

  test('a 5,000-character query is refused with a clear message', async () => {
    const res = await request(app).get('/api/search').query({ q: 'ungdom '.repeat(715) }).expect(400);
    expect(res.body.error).toMatch(/for langt.*1000 tegn/);
    const page = await request(app).get('/').query({ q: 'ungdom '.repeat(715) }).expect(400);
    expect(page.text).toContain('Søket er for langt');
  });

  test('random query strings never make a 500', async () => {
    const key = fc.constantFrom('q', 'year', 'topic', 'type', 'limit', 'offset', 'side', 'id', '__proto__', 'q[]', 'year[x]');
    const pair = fc.tuple(key, fc.string({ unit: 'binary', maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/search', '/', '/sammenlign', '/api/compare', '/dok/mdb-2024'), fc.array(pair, { maxLength: 6 }), async (path, pairs) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}`).join('&');
        const res = await request(app).get(`${path}?${query}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
