/**
 * The platform's probes and Prometheus's metrics: alive while the process answers, ready only with an
 * index loaded and its store answering, and metrics in the text format that name routes by their
 * pattern — never by an address a client made up — and count searches, the index and ingests.
 */
import pino from 'pino';
import request from 'supertest';
import { SearchEngine } from '../../src/search/engine.js';
import { createApp } from '../../src/web/app.js';
import { Metrics } from '../../src/web/metrics.js';
import type { ServedIndex, ServedState } from '../../src/web/served-index.js';
import { smallCorpus } from './fixtures.js';
import { sample } from './prometheus-text.js';

const engine = SearchEngine.build(smallCorpus());
const since = new Date().toISOString();

/** An index whose engine and store state a test sets, as a live index's change. */
function servedIndex(): ServedIndex & { current: SearchEngine | null; state: ServedState } {
  return { current: null, state: { version: null, store: { ok: true, since } } };
}

describe('probes', () => {
  test('alive while the process answers, ready only with an index loaded and the store answering', async () => {
    const index = servedIndex();
    const app = createApp({ index });
    await request(app).get('/internal/isalive').expect(200, 'ok');
    await request(app).get('/internal/isready').expect(503, 'no index is loaded yet');
    expect((await request(app).get('/healthz').expect(503)).body.ok).toBe(false);

    index.current = engine;
    index.state = { version: { id: '7', builtAt: since }, store: { ok: true, since } };
    await request(app).get('/internal/isready').expect(200, 'ready');
    expect((await request(app).get('/healthz').expect(200)).body).toMatchObject({ ok: true, indexVersion: '7' });

    index.state = { ...index.state, store: { ok: false, since, error: 'connect ECONNREFUSED 10.0.0.5:5432' } };
    const outage = await request(app).get('/internal/isready').expect(503);
    expect(outage.text).toBe('the store did not answer when last asked');
    await request(app).get('/internal/isalive').expect(200);
    // The index in memory goes on answering searches.
    await request(app).get('/api/search?q=unge').expect(200);

    index.state = { ...index.state, store: { ok: true, since } };
    await request(app).get('/internal/isready').expect(200);
  });

  test('an index fixed in memory, with no store to ask, is ready', async () => {
    await request(createApp({ index: { current: engine } })).get('/internal/isready').expect(200);
  });

  test('the probes are not logged, not rate-limited', async () => {
    const lines: { msg: string; url?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as { msg: string }) });
    const app = createApp({ index: { current: engine }, logger, rateLimit: 1 });
    for (let i = 0; i < 3; i++) await request(app).get('/internal/isready').expect(200);
    await request(app).get('/dok').expect(200);
    expect(lines.filter((l) => l.msg === 'request').map((l) => l.url)).toEqual(['/dok']);
  });
});

describe('metrics', () => {
  test('requests count under their route pattern and status, with durations; made-up addresses do not make series', async () => {
    const app = createApp({ index: { current: engine } });
    await request(app).get('/api/search?q=unge').expect(200);
    await request(app).get('/api/search?q=unge&year=2024').expect(200);
    await request(app).get('/api/search?year=tjue').expect(400);
    await request(app).get('/dok/mdb-2024').expect(200);
    await request(app).get('/dok/finnes-ikke-7c1e').expect(404);
    await request(app).get('/api/finnes-ikke-7c1e').expect(404);
    await request(app).get('/finnes-ikke-7c1e/heller-ikke').expect(404);
    await request(app).get('/static/css/app.css').expect(200);
    const res = await request(app).get('/internal/metrics').expect(200).expect('Content-Type', /^text\/plain; version=0\.0\.4/);
    const count = (route: string, status: string) => sample(res.text, 'styringssok_http_request_duration_seconds_count', { method: 'GET', route, status });
    expect(count('/api/search', '200')).toBe(2);
    expect(count('/api/search', '400')).toBe(1);
    expect(count('/dok/:id', '200')).toBe(1);
    expect(count('/dok/:id', '404')).toBe(1);
    expect(count('/api/*', '404')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    expect(count('/static/*', '200')).toBe(1);
    expect(sample(res.text, 'styringssok_http_request_duration_seconds_bucket', { route: '/api/search', status: '200', le: '+Inf' })).toBe(2);
    expect(res.text).not.toMatch(/finnes-ikke|mdb-2024|q=unge/);
  });

  test('searches are timed in the engine, from the API and the search page alike', async () => {
    const app = createApp({ index: { current: engine } });
    await request(app).get('/api/search?q=unge').expect(200);
    await request(app).get('/?q=sykmeldte').expect(200);
    await request(app).get('/dok').expect(200);
    const text = (await request(app).get('/internal/metrics')).text;
    expect(sample(text, 'styringssok_search_duration_seconds_count')).toBe(2);
    expect(sample(text, 'styringssok_search_duration_seconds_sum')).toBeGreaterThan(0);
  });

  test('the index served, the store, and the event loop', async () => {
    const index = servedIndex();
    const app = createApp({ index });
    let text = (await request(app).get('/internal/metrics')).text;
    expect(sample(text, 'styringssok_index_documents')).toBe(0);
    expect(sample(text, 'styringssok_ready')).toBe(0);
    expect(sample(text, 'styringssok_index_info')).toBeUndefined();

    index.current = engine;
    index.state = { version: { id: '42', builtAt: engine.catalog.corpus.builtAt }, store: { ok: true, since } };
    text = (await request(app).get('/internal/metrics')).text;
    expect(sample(text, 'styringssok_index_documents')).toBe(3);
    expect(sample(text, 'styringssok_index_paragraphs')).toBe(engine.catalog.size);
    expect(sample(text, 'styringssok_index_info', { version: '42', built_at: engine.catalog.corpus.builtAt })).toBe(1);
    expect(sample(text, 'styringssok_ready')).toBe(1);
    for (const name of ['nodejs_eventloop_lag_p99_seconds', 'nodejs_eventloop_lag_max_seconds', 'process_resident_memory_bytes']) expect(sample(text, name)).toBeGreaterThanOrEqual(0);
  });

  test("the process's ingests: durations by outcome, failures, OCR'd pages", async () => {
    const index = { current: engine };
    const metrics = new Metrics(index);
    const app = createApp({ index, metrics });
    let text = (await request(app).get('/internal/metrics')).text;
    expect(sample(text, 'styringssok_ingest_duration_seconds_count', { outcome: 'published' })).toBe(0);
    expect(sample(text, 'styringssok_ingest_failures_total')).toBe(0);
    metrics.ingestEnded(12.5, 'published', 7);
    metrics.ingestEnded(0.4, 'unchanged', 0);
    metrics.ingestFailed();
    text = (await request(app).get('/internal/metrics')).text;
    expect(sample(text, 'styringssok_ingest_duration_seconds_count', { outcome: 'published' })).toBe(1);
    expect(sample(text, 'styringssok_ingest_duration_seconds_sum', { outcome: 'published' })).toBe(12.5);
    expect(sample(text, 'styringssok_ingest_duration_seconds_count', { outcome: 'unchanged' })).toBe(1);
    expect(sample(text, 'styringssok_ingest_failures_total')).toBe(1);
    expect(sample(text, 'styringssok_ocr_pages_total')).toBe(7);
  });
});
