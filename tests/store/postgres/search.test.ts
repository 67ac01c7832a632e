/**
 * The engine served from the PostgreSQL store answers exactly as the engine built in memory: the store
 * keeps the very index that was built, and every server loads it whole.
 */
import { openArchive, publishCorpus } from '../../../src/archive.js';
import { SearchEngine } from '../../../src/search/engine.js';
import type { LoadedIndex } from '../../../src/store/live-index.js';
import { closeDatabases, connect, SCHEMA } from '../../../src/store/postgres/database.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { startPostgres, type PostgresServer } from '../../helpers/postgres.js';
import { searchSuite, suiteCorpus } from '../../helpers/search-suite.js';

let server: PostgresServer;
let live: LoadedIndex<SearchEngine>;

beforeAll(async () => {
  server = await startPostgres();
  const store = new PostgresStore(server.url);
  await store.exclusive(() => publishCorpus(store, suiteCorpus));
  live = await openArchive(new PostgresStore(server.url), undefined, { pollMs: 0 });
});

afterAll(async () => {
  await live?.close();
  await closeDatabases();
  await server?.stop();
});

searchSuite('SearchEngine on PostgreSQL', () => (request) => live.current.search(request));

describe('SearchEngine on PostgreSQL beside the in-memory engine', () => {
  it('answers exactly as the in-memory engine does', async () => {
    const memory = SearchEngine.build(suiteCorpus);
    const requests = [
      ...['unge', '"fast kontaktperson"', 'ungdomsgarantein', '§ 14 a', 'NOE', 'sykmeldte -dialogmøte', 'garanti', 'IPS OR dialog', 'og i på'].map((q) => ({ q, limit: 50 })),
      { topics: ['unge'] },
      { years: [2024, 2019], types: ['mdb'] },
      {},
    ];
    for (const request of requests) expect(await live.current.search(request)).toEqual(await memory.search(request));
  });
});

describe('the tables', () => {
  it('keep the large columns (index parts, documents) with lz4, which this server has', async () => {
    const columns = await connect(server.url).map(
      `SELECT attrelid::regclass::text || '.' || attname AS col, attcompression AS compression FROM pg_attribute WHERE attrelid IN ('${SCHEMA}.index_parts'::regclass, '${SCHEMA}.stored_documents'::regclass) AND attname IN ('data', 'document')`,
      [],
      (r: { col: string; compression: string }) => `${r.col}: ${r.compression}`,
    );
    expect(columns.sort()).toEqual([`${SCHEMA}.index_parts.data: l`, `${SCHEMA}.stored_documents.document: l`]);
  });
});
