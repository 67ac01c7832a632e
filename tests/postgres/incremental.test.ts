import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import type { Corpus } from '../../src/model.js';
import { SearchEngine } from '../../src/search/engine.js';
import { INDEXED_FIELD, TAG_FIELDS } from '../../src/search/flexsearch-index.js';
import { closeDatabases, connect, INDEX_SCHEMA, type Database } from '../../src/search/postgres-database.js';
import { ingestBasis, writePostgres, type PostgresIngestReport } from '../../src/search/postgres-ingest.js';
import { openPostgresEngine, type PostgresStore } from '../../src/search/postgres-store.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';

/** Re-ingesting a corpus with one letter added, changed or removed touches that letter's paragraphs only. */
const LETTERS = ['maal-og-disponeringsbrev-2024.txt', 'maal-og-disponeringsbrev-2023-pdftekst.txt', 'arsrapport-2014-nettside.txt'];
const NEW_LETTER = 'maal-og-disponeringsbrev-2019.txt';

let server: PostgresServer;
let db: Database;
let dir: string;
let running: PostgresStore;

beforeAll(async () => {
  server = await startPostgres();
  db = connect(server.url);
  dir = mkdtempSync(join(tmpdir(), 'styringssok-corpus-'));
  for (const file of ['topics.json', ...LETTERS]) copyFileSync(join('corpus', file), join(dir, file));
});

afterAll(async () => {
  await running?.close();
  await closeDatabases();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function ingest(): Promise<{ corpus: Corpus; report: PostgresIngestReport }> {
  const { corpus } = ingestCorpus({ corpusDir: dir });
  return { corpus, report: await writePostgres(server.url, corpus, ingestBasis(dir)) };
}

/** Every FlexSearch row with the transaction that wrote it: a row written again shows a new one. */
async function indexRows(): Promise<string[]> {
  const tables = [`map_${INDEXED_FIELD}`, ...TAG_FIELDS.map((field) => `tag_${field}`)];
  const rows = await db.any<{ row: string }>(tables.map((t) => `SELECT '${t}:' || id || ':' || xmin::text AS row FROM ${INDEX_SCHEMA}.${t}`).join(' UNION ALL '));
  return rows.map((r) => r.row).sort();
}

const ofLetter = (id: string) => (row: string) => row.split(':')[1]!.startsWith(`${id}/`);
const paragraphCount = (corpus: Corpus, id: string) => corpus.documents.find((d) => d.id === id)!.sections.reduce((n, s) => n + s.paragraphs.length, 0);

async function seen(version: string): Promise<void> {
  for (const started = Date.now(); running.version !== version; ) {
    if (Date.now() - started > 10_000) throw new Error(`the running server did not reach version ${version}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('incremental ingest into PostgreSQL', () => {
  it('writes only a new letter’s paragraphs, and a running server serves them without a restart', async () => {
    const first = await ingest();
    expect(first.report.written).toEqual(['mdb-2024', 'mdb-2023', 'arsrapport-2014']);
    running = await openPostgresEngine(server.url, { pollMs: 20 });
    expect((await running.engine.searchAsync({ years: [2019] })).total).toBe(0);
    const before = await indexRows();

    copyFileSync(join('corpus', NEW_LETTER), join(dir, NEW_LETTER));
    const { corpus, report } = await ingest();
    expect(report).toMatchObject({ written: ['mdb-2019'], removed: [], unchanged: ['mdb-2024', 'mdb-2023', 'arsrapport-2014'], paragraphsRemoved: 0 });
    expect(report.paragraphsWritten).toBe(paragraphCount(corpus, 'mdb-2019'));
    const after = await indexRows();
    // The other letters' rows are the very rows the first ingest wrote.
    expect(after.filter((row) => !ofLetter('mdb-2019')(row))).toEqual(before);
    expect(after.filter(ofLetter('mdb-2019')).length).toBeGreaterThan(report.paragraphsWritten);

    await seen(report.version);
    expect((await running.engine.searchAsync({ years: [2019] })).total).toBe(paragraphCount(corpus, 'mdb-2019'));
    const memory = SearchEngine.build(corpus);
    for (const q of ['inkluderingsdugnaden', 'sykefravær', 'ungdom']) expect(await running.engine.searchAsync({ q, limit: 20 })).toEqual(memory.search({ q, limit: 20 }));
  });

  it('replaces a changed letter’s paragraphs and drops a removed letter’s', async () => {
    const text = readFileSync(join(dir, NEW_LETTER), 'utf8');
    writeFileSync(join(dir, NEW_LETTER), text.replace('Inkluderingsdugnaden', 'Blåskjelldugnaden'));
    const before = (await indexRows()).filter((row) => !ofLetter('mdb-2019')(row));
    const changed = await ingest();
    expect(changed.report).toMatchObject({ written: ['mdb-2019'], removed: [] });
    expect(changed.report.paragraphsRemoved).toBe(paragraphCount(changed.corpus, 'mdb-2019'));
    expect((await indexRows()).filter((row) => !ofLetter('mdb-2019')(row))).toEqual(before);
    await seen(changed.report.version);
    expect((await running.engine.searchAsync({ q: 'blåskjelldugnaden' })).hits.map((h) => h.year)).toEqual([2019]);

    rmSync(join(dir, NEW_LETTER));
    const removed = await ingest();
    expect(removed.report).toMatchObject({ written: [], removed: ['mdb-2019'] });
    expect((await indexRows()).filter(ofLetter('mdb-2019'))).toEqual([]);
    await seen(removed.report.version);
    expect((await running.engine.searchAsync({ q: 'blåskjelldugnaden' })).total).toBe(0);
    expect((await running.engine.searchAsync({ years: [2019] })).total).toBe(0);
  });

  it('writes nothing when nothing changed', async () => {
    const version = running.version;
    expect((await ingest()).report).toMatchObject({ version, written: [], removed: [], paragraphsWritten: 0 });
  });
});
