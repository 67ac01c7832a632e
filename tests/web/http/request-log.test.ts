import pino from 'pino';
import request from 'supertest';
import { SearchEngine } from '../../../src/search/engine.js';
import { createApp } from '../../../src/web/app.js';
import { smallCorpus } from '../fixtures.js';

/** An app whose searches fail inside, with its log lines captured. */
function failingApp({ logQueries = true } = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const engine = SearchEngine.build(smallCorpus());
  engine.search = () => Promise.reject(new Error('index file /var/lib/secret/engine.bin is unreadable'));
  return { app: createApp({ index: { current: engine }, logger, logQueries }), lines };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and the error log', () => {
  test('an internal error is a 500 page with the request id; the log has the stack under the same id', async () => {
    const { app, lines } = failingApp();
    const res = await request(app).get('/?q=unge').expect(500).expect('Content-Type', /html/);
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(res.text).toContain(`Feilkode: <code>${id}</code>`);
    expect(res.text).toContain('Noe gikk galt hos oss.');
    expect(res.text).not.toMatch(/secret|unreadable|\.ts:\d+|at /);
    const failure = lines.find((l) => l.msg === 'request failed');
    expect(failure).toMatchObject({ level: 50, reqId: id, url: '/?q=unge' });
    expect((failure!.err as { stack: string }).stack).toMatch(/unreadable[\s\S]*at .*\.ts:\d+/);
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ reqId: id, status: 500, method: 'GET' });
  });

  test('in the API, the 500 is { error } with the id', async () => {
    const { app } = failingApp();
    const res = await request(app).get('/api/search?q=unge').expect(500);
    expect(res.body).toEqual({ error: `Noe gikk galt hos oss. Prøv igjen om litt. Feilkode: ${res.headers['x-request-id']}` });
  });

  test('a client error names no id on the page, but every response carries one', async () => {
    const { app, lines } = failingApp();
    const res = await request(app).get('/dok/finnes-ikke').expect(404);
    expect(res.text).not.toContain('Feilkode:');
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(lines.filter((l) => l.level === 50)).toEqual([]);
  });

  test('an incoming X-Request-Id is kept when it is a short plain token, replaced otherwise', async () => {
    const { app, lines } = failingApp();
    await request(app).get('/dok').set('X-Request-Id', 'lb-7f3a.2_b').expect('X-Request-Id', 'lb-7f3a.2_b');
    expect(lines.at(-1)).toMatchObject({ reqId: 'lb-7f3a.2_b' });
    for (const unsafe of ['<script>alert(1)</script>', 'a'.repeat(65), 'two words', 'a,b', '']) {
      const res = await request(app).get('/dok').set('X-Request-Id', unsafe);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
  });

  test('with LOG_QUERIES=false, no log line says what was searched for, however `q` is written', async () => {
    const { app, lines } = failingApp({ logQueries: false });
    await request(app).get('/api/search?q=personnummer+12345&year=2024').expect(500);
    await request(app).get('/?year=2023&%71=hemmelig+sak').expect(500);
    await request(app).get('/dok/mdb-2024?q=fortrolig').expect(200);
    const urls = lines.filter((l) => l.msg === 'request' || l.msg === 'request failed').map((l) => l.url);
    expect(urls).toEqual(['/api/search?year=2024', '/api/search?year=2024', '/?year=2023', '/?year=2023', '/dok/mdb-2024']);
    expect(JSON.stringify(lines)).not.toMatch(/personnummer|12345|hemmelig|fortrolig/);
  });
});
