/**
 * The PostgreSQL store under faults, against a real server stopped and started by the test: an outage
 * is noticed and survived (searches go on from memory, nothing crashes, the state says so) and
 * recovered from by itself; a server started during an outage begins serving when the database is
 * back; an ingest killed at any point leaves the previous version serving and the next ingest whole;
 * servers reading during an ingest see the old version or the new one, never a mix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInto, openArchive, publishCorpus } from '../../../src/archive.js';
import { ingestCorpus } from '../../../src/ingest/pipeline.js';
import { SearchEngine, type SearchRequest, type SearchResponse } from '../../../src/search/engine.js';
import type { LoadedIndex } from '../../../src/store/live-index.js';
import { closeDatabases, connect, SCHEMA } from '../../../src/store/postgres/database.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { makeCorpus } from '../../helpers/corpus.js';
import { startPostgres, type PostgresServer } from '../../helpers/postgres.js';

let pg: PostgresServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  pg = await startPostgres();
  process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await closeDatabases();
  await pg?.stop();
});

afterEach(() => {
  // Every rejection anywhere is a failure: an outage must not leave one unhandled.
  expect(unhandled).toEqual([]);
});

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const started = Date.now(); !(await check()); ) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const letter = (year: number, text: string) => ({ year, sections: [{ number: '1', title: 'Innledning', paragraphs: [{ text }] }] });

describe('a database outage', () => {
  let live: LoadedIndex<SearchEngine>;

  afterAll(async () => {
    await live?.close();
  });

  test('is noticed and survived by a serving process, which recovers by itself when the database is back', async () => {
    const store = new PostgresStore(pg.url);
    await store.exclusive(() => publishCorpus(store, makeCorpus([letter(2024, 'Unge skal få tett oppfølging.')])));
    live = await openArchive(new PostgresStore(pg.url), undefined, { pollMs: 100, onError: () => {} });
    const before = await live.current.search({ q: 'oppfølging' });
    expect(before.total).toBe(1);

    await pg.halt();
    await until(() => !live.state.store.ok);
    expect(live.state.store.error).toBeTruthy();
    // Searches are answered from memory meanwhile, as before.
    expect(await live.current.search({ q: 'oppfølging' })).toEqual(before);

    await pg.resume();
    await until(() => live.state.store.ok);
    await store.exclusive(() => publishCorpus(store, makeCorpus([letter(2024, 'Unge skal få tett oppfølging.'), letter(2025, 'Oppfølging av sykmeldte.')])));
    await until(async () => (await live.current.search({ q: 'oppfølging' })).total === 2);
  });

  test('before a server has loaded an index: it answers 503 and starts serving once the database is back', async () => {
    await pg.halt();
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { env: { ...process.env, PORT: String(port), STORE: 'postgres', DATABASE_URL: pg.url, RATE_LIMIT: '0' }, stdio: 'ignore' });
    try {
      const base = `http://127.0.0.1:${port}`;
      await until(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 503);
      const search = await fetch(`${base}/api/search?q=oppfølging`);
      expect(search.status).toBe(503);
      expect(((await search.json()) as { error: string }).error).toMatch(/ikke klart/);
      await pg.resume();
      await until(async () => (await fetch(`${base}/healthz`)).status === 200);
      expect(((await (await fetch(`${base}/api/search?q=oppfølging`)).json()) as { total: number }).total).toBe(2);
      expect(server.exitCode).toBeNull();
    } finally {
      server.kill('SIGKILL');
    }
  });
});

describe('an ingest', () => {
  let corpusDir: string;

  beforeAll(() => {
    corpusDir = mkdtempSync(join(tmpdir(), 'styringssok-corpus-'));
    for (const file of ['topics.json', 'maal-og-disponeringsbrev-2024.txt', 'maal-og-disponeringsbrev-2019.txt']) copyFileSync(join('corpus', file), join(corpusDir, file));
  });

  afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

  /** What the database holds is whole: every version with its parts and all its documents, one head. */
  async function consistent(): Promise<void> {
    const db = connect(pg.url);
    const versions = await db.any<{ id: string; documents: number; held: number; parts: number }>(
      `SELECT v.id, v.documents, (SELECT count(*)::int FROM ${SCHEMA}.version_documents d WHERE d.version = v.id) AS held,
              (SELECT count(*)::int FROM ${SCHEMA}.index_parts p WHERE p.version = v.id) AS parts FROM ${SCHEMA}.versions v`,
    );
    for (const v of versions) {
      expect(v.held).toBe(v.documents);
      expect(v.parts).toBeGreaterThanOrEqual(3);
    }
    expect((await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.head`)).n).toBeLessThanOrEqual(1);
  }

  test('killed at any point leaves the previous version serving; the next one completes', async () => {
    const store = new PostgresStore(pg.url);
    const head = await store.head();
    // Changed so that each ingest has something to write.
    for (const [k, at] of [150, 600, 1200, 2000, 3000].entries()) {
      writeFileSync(join(corpusDir, 'merknad.txt'), `Mål- og disponeringsbrev 2030\n\nMerknad nummer ${k} om oppfølging av unge i 2030.\n`);
      const child = ingest(corpusDir);
      await new Promise((r) => setTimeout(r, at));
      child.kill('SIGKILL');
      await exited(child);
      const now = await store.head();
      expect(now === null || now.id === head?.id || now.documents >= 2).toBe(true);
      await consistent();
    }
    // And killed while its publishing transaction is open: a lock held here stops that transaction
    // before it writes the index parts, however fast the ingest before it was.
    writeFileSync(join(corpusDir, 'merknad.txt'), 'Mål- og disponeringsbrev 2030\n\nMerknad om oppfølging av unge i 2030, skrevet i en transaksjon.\n');
    const beforeKill = await store.head();
    const db = connect(pg.url);
    await db.tx(async (t) => {
      await t.none(`LOCK TABLE ${SCHEMA}.index_parts IN SHARE MODE`);
      const child = ingest(corpusDir);
      await until(
        async () =>
          (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND xact_start IS NOT NULL AND query ILIKE '%${SCHEMA}.index_parts%'`)).n > 0,
        60_000,
      );
      child.kill('SIGKILL');
      await exited(child);
    });
    expect((await store.head())?.id ?? null).toBe(beforeKill?.id ?? null);
    await consistent();
    await until(async () => (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ILIKE '%${SCHEMA}.%'`)).n === 0);

    const outcome = await ingestInto(store, corpusDir);
    expect(outcome.kind).toBe('published');
    await consistent();
    const served = await openArchive(new PostgresStore(pg.url), undefined, { pollMs: 0 });
    const { corpus } = await ingestCorpus({ corpusDir });
    expect(await served.current.search({ q: 'oppfølging', limit: 50 })).toEqual(await SearchEngine.build(corpus).search({ q: 'oppfølging', limit: 50 }));
  }, 300_000);

  test('read by two servers meanwhile: every answer is the old version’s or the new one’s, never a mix', async () => {
    const requests: SearchRequest[] = [{ q: 'oppfølging', limit: 20 }, { years: [2019] }, { q: 'ungdomsgarantien' }, { q: 'inkluderingsdugnaden blåskjell' }];
    const answers = async (engine: SearchEngine) => Promise.all(requests.map((r) => engine.search(r)));
    const before = await answers(SearchEngine.build((await ingestCorpus({ corpusDir })).corpus));
    const servers = await Promise.all([0, 1].map(() => openArchive(new PostgresStore(pg.url), undefined, { pollMs: 20 })));
    expect(await answers(servers[0]!.current)).toEqual(before);

    // A letter changed and a letter added.
    const text = readFileSync(join(corpusDir, 'maal-og-disponeringsbrev-2019.txt'), 'utf8');
    writeFileSync(join(corpusDir, 'maal-og-disponeringsbrev-2019.txt'), text.replace('Inkluderingsdugnaden', 'Blåskjelldugnaden'));
    copyFileSync(join('corpus', 'maal-og-disponeringsbrev-2023-pdftekst.txt'), join(corpusDir, 'brev-2023.txt'));
    const after = await answers(SearchEngine.build((await ingestCorpus({ corpusDir })).corpus));
    expect(after).not.toEqual(before);

    const seen: SearchResponse[][] = [];
    let ingesting = true;
    const loops = servers.map(async (server) => {
      while (ingesting) {
        seen.push(await answers(server.current));
        await new Promise((r) => setImmediate(r));
      }
    });
    await ingestInto(new PostgresStore(pg.url), corpusDir);
    await until(() => servers.every((s) => s.version.documents === 4));
    ingesting = false;
    await Promise.all(loops);
    for (const server of servers) await server.close();
    expect(seen.length).toBeGreaterThan(10);
    const mixed = seen.filter((answer) => JSON.stringify(answer) !== JSON.stringify(before) && JSON.stringify(answer) !== JSON.stringify(after));
    expect(mixed).toEqual([]);
    expect(seen.some((answer) => JSON.stringify(answer) === JSON.stringify(after))).toBe(true);
  });
});

/** Resolves once the child has exited, also when it already has: a finished ingest sends no more events. */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function ingest(corpusDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', '--corpus', corpusDir, '--quiet'], { env: { ...process.env, STORE: 'postgres', DATABASE_URL: pg.url }, stdio: 'ignore' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
