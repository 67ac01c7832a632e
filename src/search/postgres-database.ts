import PostgresDB from 'flexsearch/db/postgres';
import pgPromise from 'pg-promise';
import { createDocumentIndex, type MountedIndex } from './flexsearch-index.js';

/**
 * The PostgreSQL side of the store: one connection pool per database, the project's own tables (the
 * corpus's documents as jsonb, the ranking data, a version every server watches) and the FlexSearch
 * index mounted through FlexSearch's own Postgres adapter, which keeps its tables in a schema of its own.
 *
 * FlexSearch's adapter remembers the first connection it is given for the life of the process, so a
 * process works with one database; pools stay open until `closeDatabases` (idle, they let the process exit).
 */
export type Database = pgPromise.IDatabase<object>;

export const SCHEMA = 'styringssok';
const INDEX_NAME = 'paragraphs';
/** FlexSearch's own schema (its adapter names it `<schema>_<name>`). */
export const INDEX_SCHEMA = `${SCHEMA}_${INDEX_NAME}`;

export const pgp = pgPromise();
const databases = new Map<string, Database>();
let mountedOn: Database | undefined;

export function connect(url: string): Database {
  let db = databases.get(url);
  if (!db) {
    db = pgp({ connectionString: url, allowExitOnIdle: true });
    // An idle connection the server closed (a restart, a failover) leaves the pool; the next query opens another.
    db.$pool.on('error', () => {});
    databases.set(url, db);
  }
  return db;
}

export async function closeDatabases(): Promise<void> {
  const open = [...databases.values()];
  databases.clear();
  await Promise.all(open.map((db) => db.$pool.end()));
}

/**
 * Create the tables when missing and mount the paragraph index (same analyzer, fields and tags as in
 * memory; its ids the paragraph ids). Processes starting together on a new database take turns, and
 * the FlexSearch schema is made first: its adapter creates each field's tables in parallel.
 */
export async function mountIndex(db: Database): Promise<MountedIndex> {
  if (mountedOn && mountedOn !== db) throw new Error('FlexSearch keeps one Postgres connection per process: this process already uses another database');
  mountedOn = db;
  return withLock(db, 'styringssok.schema', async () => {
    await db.none(`
      CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
      CREATE SCHEMA IF NOT EXISTS ${INDEX_SCHEMA};
      CREATE TABLE IF NOT EXISTS ${SCHEMA}.corpus (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL,
        built_at text NOT NULL,
        fingerprint text NOT NULL,
        topics jsonb NOT NULL,
        forward bytea NOT NULL,
        vocabulary text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${SCHEMA}.documents (
        id text PRIMARY KEY,
        position integer NOT NULL,
        hash text NOT NULL,
        document jsonb NOT NULL
      );`);
    const index = createDocumentIndex();
    await index.mount(new PostgresDB(INDEX_NAME, { schema: SCHEMA, db, type: 'text' } as never));
    return index as MountedIndex;
  });
}

/** Run `work` holding a named advisory lock: one process at a time across all servers. */
export function withLock<T>(db: Database, name: string, work: () => Promise<T>): Promise<T> {
  return db.task(async (t) => {
    await t.one('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await work();
    } finally {
      await t.one('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}
