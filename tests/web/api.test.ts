import request from 'supertest';
import { SearchEngine } from '../../src/search/engine.js';
import { createApp } from '../../src/web/app.js';
import { makeCorpus } from '../helpers/corpus.js';
import { realApp, smallApp, smallCorpus } from './fixtures.js';

describe('JSON API on the real corpus', () => {
  let app: Awaited<ReturnType<typeof realApp>>;
  beforeAll(async () => {
    app = await realApp();
  });

  test('/api/search answers the documented shape, one hit per paragraph', async () => {
    const res = await request(app).get('/api/search').query({ q: 'ungdomsgarantien' }).expect(200).expect('Content-Type', /json/);
    expect(res.body.total).toBeGreaterThan(10);
    expect(Object.keys(res.body.facets).sort()).toEqual(['topic', 'type', 'year']);
    const hit = res.body.hits[0];
    for (const key of ['id', 'docId', 'year', 'type', 'docTitle', 'section', 'sectionTitle', 'heading', 'topics', 'text', 'snippet', 'url', 'sources']) expect(hit).toHaveProperty(key);
    expect(hit.snippet).toMatch(/<mark>/);
    expect(hit.url).toMatch(/^\/dok\/[^#]+#.+/);
    expect(new Set(res.body.hits.map((h: { id: string }) => h.id)).size).toBe(res.body.hits.length);
  });

  test('year, topic and type filter, repeatable, and facets still count the other years', async () => {
    const res = await request(app).get('/api/search?q=ungdomsgarantien&year=2023&year=2019&type=mdb').expect(200);
    expect(res.body.hits.every((h: { year: number }) => h.year === 2023 || h.year === 2019)).toBe(true);
    expect(res.body.facets.year.map((f: { value: number }) => f.value)).toContain(2024);
    const topic = await request(app).get('/api/search?q=sykmeldte&topic=sykefravaer-ia').expect(200);
    expect(topic.body.total).toBeGreaterThan(0);
    expect(topic.body.hits.every((h: { topics: string[] }) => h.topics.includes('sykefravaer-ia'))).toBe(true);
  });

  test('an abbreviation widens the search and the answer says so; exact=1 searches the words alone', async () => {
    const widened = await request(app).get('/api/search?q=AFT').expect(200);
    expect(widened.body.widened).toEqual([{ words: 'AFT', kind: 'abbreviation', alternatives: [expect.stringMatching(/^arbeidsforberedende trening$/i)] }]);
    for (const exact of ['1', 'true']) expect((await request(app).get(`/api/search?q=AFT&exact=${exact}`).expect(200)).body).not.toHaveProperty('widened');
    expect((await request(app).get('/api/search?q=AFT&exact=0').expect(200)).body.widened).toHaveLength(1);
    const long = await request(app).get('/api/search').query({ q: 'arbeidsforberedende trening', limit: 100 }).expect(200);
    const typed = await request(app).get('/api/search').query({ q: 'arbeidsforberedende trening', limit: 100, exact: 1 }).expect(200);
    expect(typed.body.hits.every((h: { text: string }) => /arbeidsforberedende|trening/i.test(h.text))).toBe(true);
    expect(long.body.total).toBeGreaterThanOrEqual(typed.body.total);
  });

  test('limit and offset page through the hits', async () => {
    const all = await request(app).get('/api/search?q=ungdomsgarantien&limit=6').expect(200);
    const second = await request(app).get('/api/search?q=ungdomsgarantien&limit=3&offset=3').expect(200);
    expect(second.body.hits.map((h: { id: string }) => h.id)).toEqual(all.body.hits.slice(3, 6).map((h: { id: string }) => h.id));
  });

  test('/api/documents lists every document with its size', async () => {
    const res = await request(app).get('/api/documents').expect(200);
    expect(res.body.map((d: { id: string }) => d.id).sort()).toEqual(['arsrapport-2014', 'mdb-2019', 'mdb-2023', 'mdb-2024']);
    for (const d of res.body) {
      for (const key of ['id', 'type', 'year', 'title', 'date', 'saksnr', 'sources', 'sectionCount', 'paragraphCount']) expect(d).toHaveProperty(key);
      expect(d.paragraphCount).toBeGreaterThan(0);
    }
  });

  test('/api/documents/:id is the document as in corpus.json', async () => {
    const res = await request(app).get('/api/documents/mdb-2024').expect(200);
    expect(res.body).toMatchObject({ id: 'mdb-2024', type: 'mdb', year: 2024 });
    expect(res.body.sections[0]).toHaveProperty('paragraphs');
    await request(app).get('/api/documents/mdb-1999').expect(404, { error: 'Dokumentet «mdb-1999» finnes ikke.' });
  });

  test('/api/compare puts the ungdomsgarantien block of 2019, 2023 and 2024 side by side, oldest first', async () => {
    const hit = (await request(app).get('/api/search?q=ungdomsgarantien&year=2024&limit=1')).body.hits[0];
    const res = await request(app).get('/api/compare').query({ id: hit.id }).expect(200);
    expect(res.body.blocks.map((b: { year: number }) => b.year)).toEqual([2019, 2023, 2024]);
    for (const b of res.body.blocks) for (const key of ['year', 'docId', 'section', 'heading', 'anchor', 'url', 'text']) expect(b).toHaveProperty(key);
    expect(res.body.blocks[0].diff).toBeUndefined();
    expect(res.body.blocks[1].diff.some((p: { type: string }) => p.type === 'added')).toBe(true);
  });

  test('/api/compare without id is a 400, with an unknown id a 404', async () => {
    const missing = await request(app).get('/api/compare').expect(400);
    expect(missing.body.error).toMatch(/id/);
    await request(app).get('/api/compare?id=mdb-2024/finnes-ikke').expect(404);
  });

  test('/healthz reports the index', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toMatchObject({ ok: true, documents: 4 });
    expect(res.body.paragraphs).toBeGreaterThan(400);
    expect(Date.parse(res.body.indexBuiltAt)).not.toBeNaN();
    expect(res.body.indexVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(res.body.memory.heapUsed).toBeGreaterThan(0);
    expect(res.body.memory.rss).toBeGreaterThan(res.body.memory.heapUsed);
  });

  test('a large document is sent compressed', async () => {
    const res = await request(app).get('/api/documents/mdb-2024').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.id).toBe('mdb-2024');
  });

  test('unknown API paths are JSON 404s', async () => {
    const res = await request(app).get('/api/nothing').expect(404).expect('Content-Type', /json/);
    expect(res.body).toEqual({ error: expect.any(String) });
  });
});

describe('JSON API on a small corpus', () => {
  const app = smallApp();

  test('filters combine: a year and a topic', async () => {
    const res = await request(app).get('/api/search?q=unge&year=2024&topic=unge').expect(200);
    expect(res.body.hits.map((h: { id: string }) => h.id).sort()).toEqual(['mdb-2024/2.1-1', 'mdb-2024/2.1-2']);
    expect(res.body.facets.year).toEqual(expect.arrayContaining([{ value: 2023, count: 1 }, { value: 2019, count: 1 }]));
  });

  test('a misspelt word is searched as the nearest indexed spelling and suggested', async () => {
    const res = await request(app).get('/api/search?q=ungdomsgarantein').expect(200);
    expect(res.body.suggestion).toBe('ungdomsgarantien');
  });

  test('a year that is not there finds nothing rather than failing', async () => {
    const res = await request(app).get('/api/search?q=unge&year=1999').expect(200);
    expect(res.body.total).toBe(0);
  });
});

describe('an app over a live index', () => {
  test('each request takes the engine the index serves now', async () => {
    const index = { current: SearchEngine.build(smallCorpus()) };
    const app = createApp({ index });
    expect((await request(app).get('/api/search?q=dialogmøte').expect(200)).body.total).toBe(1);
    index.current = SearchEngine.build(makeCorpus([{ year: 2025, sections: [{ number: '1', title: 'Innledning', paragraphs: [{ text: 'Ingenting om møter.' }] }] }]));
    expect((await request(app).get('/api/search?q=dialogmøte').expect(200)).body.total).toBe(0);
    expect((await request(app).get('/healthz').expect(200)).body).toMatchObject({ documents: 1, paragraphs: 1 });
  });
});
