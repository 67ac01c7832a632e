/**
 * Re-ingesting a corpus with one letter added, changed or removed writes that letter only — the other
 * letters' rows stay the very rows written before — and a running server serves the new version
 * without a restart.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInto, openArchive, type IngestOutcome } from '../../../src/archive.js';
import type { Corpus } from '../../../src/model/corpus.js';
import { SearchEngine } from '../../../src/search/engine.js';
import type { LoadedIndex } from '../../../src/store/live-index.js';
import { closeDatabases, connect, SCHEMA, type Database } from '../../../src/store/postgres/database.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { startPostgres, type PostgresServer } from '../../helpers/postgres.js';

const LETTERS = ['maal-og-disponeringsbrev-2024.txt', 'maal-og-disponeringsbrev-2023-pdftekst.txt', 'arsrapport-2014-nettside.txt'];
const NEW_LETTER = 'maal-og-disponeringsbrev-2019.txt';

let server: PostgresServer;
let db: Database;
let store: PostgresStore;
let dir: string;
let running: LoadedIndex<SearchEngine>;

beforeAll(async () => {
  server = await startPostgres();
  db = connect(server.url);
  store = new PostgresStore(server.url);
  dir = mkdtempSync(join(tmpdir(), 'styringssok-corpus-'));
  for (const file of ['topics.json', ...LETTERS]) copyFileSync(join('corpus', file), join(dir, file));
});

afterAll(async () => {
  await running?.close();
  await closeDatabases();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function ingest(): Promise<Extract<IngestOutcome, { kind: 'published' }>> {
  const outcome = await ingestInto(store, dir);
  if (outcome.kind !== 'published') throw new Error('nothing was ingested');
  return outcome;
}

/** Each stored document row of a letter, with the transaction that wrote it: a row written again shows a new one. */
async function documentRows(): Promise<Map<string, string>> {
  const rows = await db.any<{ id: string; xmin: string }>(`SELECT d.document->>'id' AS id, d.xmin::text AS xmin FROM ${SCHEMA}.stored_documents d`);
  return new Map(rows.map((r) => [`${r.id}:${r.xmin}`, r.id]));
}

const corpusOf = (): Corpus => running.current.catalog.corpus;

async function seen(version: string): Promise<void> {
  for (const started = Date.now(); running.version.id !== version; ) {
    if (Date.now() - started > 10_000) throw new Error(`the running server did not reach version ${version}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('incremental ingest into PostgreSQL', () => {
  it('writes only a new letter, and a running server serves it without a restart', async () => {
    const first = await ingest();
    expect(first.published).toMatchObject({ written: ['mdb-2024', 'mdb-2023', 'arsrapport-2014'], removed: [], unchanged: [] });
    running = await openArchive(new PostgresStore(server.url), undefined, { pollMs: 20 });
    expect((await running.current.search({ years: [2019] })).total).toBe(0);
    const before = await documentRows();

    copyFileSync(join('corpus', NEW_LETTER), join(dir, NEW_LETTER));
    const { published, report } = await ingest();
    expect(published).toMatchObject({ written: ['mdb-2019'], removed: [], unchanged: ['mdb-2024', 'mdb-2023', 'arsrapport-2014'] });
    expect(report.documents.map((d) => d.id)).toContain('mdb-2019');
    const after = await documentRows();
    // The other letters' rows are the very rows the first ingest wrote.
    expect([...after].filter(([, id]) => id !== 'mdb-2019')).toEqual([...before]);

    await seen(published.version.id);
    const paragraphs = corpusOf().documents.find((d) => d.id === 'mdb-2019')!.sections.reduce((n, s) => n + s.paragraphs.length, 0);
    expect((await running.current.search({ years: [2019] })).total).toBe(paragraphs);
    const memory = SearchEngine.build(corpusOf());
    for (const q of ['inkluderingsdugnaden', 'sykefravær', 'ungdom']) expect(await running.current.search({ q, limit: 20 })).toEqual(await memory.search({ q, limit: 20 }));
  });

  it('replaces a changed letter and drops a removed one', async () => {
    const text = readFileSync(join(dir, NEW_LETTER), 'utf8');
    writeFileSync(join(dir, NEW_LETTER), text.replace('Inkluderingsdugnaden', 'Blåskjelldugnaden'));
    const before = [...(await documentRows())].filter(([, id]) => id !== 'mdb-2019');
    const changed = await ingest();
    expect(changed.published).toMatchObject({ written: ['mdb-2019'], removed: [] });
    expect([...(await documentRows())].filter(([, id]) => id !== 'mdb-2019')).toEqual(before);
    await seen(changed.published.version.id);
    expect((await running.current.search({ q: 'blåskjelldugnaden' })).hits.map((h) => h.year)).toEqual([2019]);

    rmSync(join(dir, NEW_LETTER));
    const removed = await ingest();
    expect(removed.published).toMatchObject({ written: [], removed: ['mdb-2019'] });
    await seen(removed.published.version.id);
    expect((await running.current.search({ q: 'blåskjelldugnaden' })).total).toBe(0);
    expect((await running.current.search({ years: [2019] })).total).toBe(0);
  });

  it('keeps the version before for servers still loading it, and nothing older', async () => {
    const versions = await db.map(`SELECT id FROM ${SCHEMA}.versions ORDER BY id`, [], (r: { id: string }) => r.id);
    expect(versions).toHaveLength(2);
    expect(versions[1]).toBe(running.version.id);
    // Only documents some kept version holds are stored.
    const held = await db.one<{ n: number }>(`SELECT count(DISTINCT hash)::int AS n FROM ${SCHEMA}.version_documents`);
    expect((await documentRows()).size).toBe(held.n);
  });

  it('publishes nothing when nothing changed', async () => {
    const outcome = await ingestInto(store, dir);
    expect(outcome).toMatchObject({ kind: 'unchanged', version: { id: running.version.id } });
  });
});
