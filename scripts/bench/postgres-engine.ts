/**
 * This engine on the PostgreSQL store, as `STORE=postgres` runs it: the corpus written by a process of
 * its own (as `npm run ingest` publishes it), then opened and searched as an app server does. The
 * writer's time counts as building; its memory is not the server's (a writer keeps far more than a
 * server loads). The reader asks the store for a newer version every second, as `serve` does. The
 * database must hold no store: the bench writes its own and drops it afterwards.
 */
import { openArchive, publishCorpus } from '../../src/archive.js';
import type { Corpus } from '../../src/model/corpus.js';
import type { SearchEngine } from '../../src/search/engine.js';
import type { LoadedIndex } from '../../src/store/live-index.js';
import { closeDatabases, connect, SCHEMA } from '../../src/store/postgres/database.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { BenchEngine, EngineContext } from './engines.js';
import { runWorker } from './worker-process.js';

export function postgresEngine({ databaseUrl, corpusPath, copies }: EngineContext): BenchEngine {
  if (!databaseUrl) throw new Error('styringssok-postgres needs a database URL');
  let live: LoadedIndex<SearchEngine> | undefined;
  return {
    write: async () => (await runWorker<{ ms: number }>({ kind: 'postgres-write', databaseUrl, corpusPath, copies })).ms,
    build: async () => void (live = await openArchive(new PostgresStore(databaseUrl), undefined)),
    search: async (q, limit) => (await live!.current.search({ q, limit })).hits.map((h) => h.id),
    dispose: async () => {
      await live?.close();
      await connect(databaseUrl).none(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await closeDatabases();
    },
  };
}

/** Runs in the writer's process: the time building and publishing the corpus takes, into an empty store. */
export async function timePostgresWrite(databaseUrl: string, corpus: Corpus): Promise<number> {
  try {
    const { found } = await connect(databaseUrl).one<{ found: boolean }>('SELECT to_regnamespace($1) IS NOT NULL AS found', [SCHEMA]);
    if (found) {
      throw new Error(
        `the database at DATABASE_URL holds a store (schema ${SCHEMA}) already: give the bench an empty database, or unset DATABASE_URL for a throwaway server`,
      );
    }
    const started = performance.now();
    const store = new PostgresStore(databaseUrl);
    await store.exclusive(() => publishCorpus(store, corpus));
    return performance.now() - started;
  } finally {
    await closeDatabases();
  }
}
