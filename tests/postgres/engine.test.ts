import { SearchEngine } from '../../src/search/engine.js';
import { closeDatabases } from '../../src/search/postgres-database.js';
import { writePostgres } from '../../src/search/postgres-ingest.js';
import { openPostgresEngine, type PostgresStore } from '../../src/search/postgres-store.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { searchSuite, suiteCorpus } from '../helpers/search-suite.js';

let server: PostgresServer;
let store: PostgresStore;

beforeAll(async () => {
  server = await startPostgres();
  await writePostgres(server.url, suiteCorpus, 'suite');
  store = await openPostgresEngine(server.url);
});

afterAll(async () => {
  await store?.close();
  await closeDatabases();
  await server?.stop();
});

searchSuite('SearchEngine on PostgreSQL', () => (request) => store.engine.searchAsync(request));

describe('SearchEngine on PostgreSQL beside the in-memory engine', () => {
  it('answers exactly as the in-memory engine does', async () => {
    const memory = SearchEngine.build(suiteCorpus);
    const requests = [
      ...['unge', '"fast kontaktperson"', 'ungdomsgarantein', '§ 14 a', 'NOE', 'sykmeldte -dialogmøte', 'garanti', 'IPS OR dialog', 'og i på'].map((q) => ({ q, limit: 50 })),
      { topics: ['unge'] },
      { years: [2024, 2019], types: ['mdb'] },
      {},
    ];
    for (const request of requests) expect(await store.engine.searchAsync(request)).toEqual(memory.search(request));
  });

  it('refuses the synchronous call, which only an index in memory can answer', () => {
    expect(() => store.engine.search({ q: 'unge' })).toThrow(/searchAsync/);
  });
});
