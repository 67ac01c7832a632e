import type { Corpus } from '../../src/model.js';
import { closeDatabases, connect, INDEX_SCHEMA, SCHEMA } from '../../src/search/postgres-database.js';
import { writePostgres } from '../../src/search/postgres-ingest.js';
import { openPostgresEngine, type PostgresStore } from '../../src/search/postgres-store.js';
import type { BenchEngine, EngineContext } from './engines.js';
import { runWorker } from './worker-process.js';

/**
 * This engine on the PostgreSQL store, as `STORE=postgres` runs it: the corpus written by a process of
 * its own (as `npm run ingest` writes it), then opened and searched as an app server does. The
 * writer's time counts as building; its memory is not the server's (a writer keeps far more than a
 * server loads). The database must hold no store: the bench writes its own and drops it afterwards.
 */
export function postgresEngine({ databaseUrl, corpusPath, copies }: EngineContext): BenchEngine {
  if (!databaseUrl) throw new Error('styringssok-postgres needs a database URL');
  let store: PostgresStore | undefined;
  return {
    write: async () => (await runWorker<{ ms: number }>({ kind: 'postgres-write', databaseUrl, corpusPath, copies })).ms,
    build: async () => void (store = await openPostgresEngine(databaseUrl)),
    search: async (q, limit) => (await store!.engine.searchAsync({ q, limit })).hits.map((h) => h.id),
    dispose: async () => {
      await store?.close();
      await connect(databaseUrl).none(`DROP SCHEMA IF EXISTS ${SCHEMA}, ${INDEX_SCHEMA} CASCADE`);
      await closeDatabases();
    },
  };
}

/** Runs in the writer's process: the time `writePostgres` takes for the corpus, into an empty store. */
export async function timePostgresWrite(databaseUrl: string, corpus: Corpus): Promise<number> {
  try {
    const { found } = await connect(databaseUrl).one<{ found: boolean }>('SELECT to_regnamespace($1) IS NOT NULL AS found', [SCHEMA]);
    if (found) {
      throw new Error(
        `the database at DATABASE_URL holds a store (schema ${SCHEMA}) already: give the bench an empty database, or unset DATABASE_URL for a throwaway server`,
      );
    }
    const started = performance.now();
    await writePostgres(databaseUrl, corpus, 'bench');
    return performance.now() - started;
  } finally {
    await closeDatabases();
  }
}
