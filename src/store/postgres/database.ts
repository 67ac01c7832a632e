/**
 * The PostgreSQL side of the store: one connection pool per database, the store's tables (created
 * when missing), and named advisory locks. Pools stay open until `closeDatabases`; idle, they let the
 * process exit.
 */
import pgPromise from 'pg-promise';

export type Database = pgPromise.IDatabase<object>;

export const SCHEMA = 'styringssok';

export const pgp = pgPromise();
const databases = new Map<string, Database>();

export function connect(url: string): Database {
  let db = databases.get(url);
  if (!db) {
    // A database that is down or unreachable is noticed within seconds, not after the OS gives up.
    db = pgp({ connectionString: url, allowExitOnIdle: true, connectionTimeoutMillis: 3000, query_timeout: 120_000 });
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
 * The tables, made when missing: published versions (each with the corpus's data besides its
 * documents), documents by the hash of their content (shared by the versions that hold them), each
 * version's documents in order, its index parts, and the head — the one row naming the current
 * version. Processes starting together on a new database take turns.
 */
export function createTables(db: Database): Promise<void> {
  return withLock(db, 'styringssok.schema', async () => {
    await db.none(`
      CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
      -- Earlier releases' layout, which FlexSearch's own adapter queried: derived data, rebuilt by ingest.
      DROP TABLE IF EXISTS ${SCHEMA}.corpus, ${SCHEMA}.documents;
      DROP SCHEMA IF EXISTS ${SCHEMA}_paragraphs CASCADE;
      CREATE TABLE IF NOT EXISTS ${SCHEMA}.versions (
        id bigserial PRIMARY KEY,
        fingerprint text NOT NULL,
        built_at text NOT NULL,
        corpus jsonb NOT NULL,
        documents integer NOT NULL,
        paragraphs integer NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${SCHEMA}.stored_documents (
        hash text PRIMARY KEY,
        document jsonb NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${SCHEMA}.version_documents (
        version bigint NOT NULL REFERENCES ${SCHEMA}.versions ON DELETE CASCADE,
        position integer NOT NULL,
        id text NOT NULL,
        hash text NOT NULL REFERENCES ${SCHEMA}.stored_documents,
        PRIMARY KEY (version, position),
        UNIQUE (version, id)
      );
      CREATE TABLE IF NOT EXISTS ${SCHEMA}.index_parts (
        version bigint NOT NULL REFERENCES ${SCHEMA}.versions ON DELETE CASCADE,
        name text NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (version, name)
      );
      CREATE TABLE IF NOT EXISTS ${SCHEMA}.head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL REFERENCES ${SCHEMA}.versions
      );
      -- The index parts and documents are tens of megabytes: lz4 writes them three times as fast as the
      -- default pglz. A server without lz4 (or before PostgreSQL 14) keeps its default.
      -- Set once: altering a table waits for its readers.
      DO $$ BEGIN
        IF (SELECT attcompression FROM pg_attribute WHERE attrelid = '${SCHEMA}.index_parts'::regclass AND attname = 'data') IS DISTINCT FROM 'l' THEN
          ALTER TABLE ${SCHEMA}.index_parts ALTER COLUMN data SET COMPRESSION lz4;
          ALTER TABLE ${SCHEMA}.stored_documents ALTER COLUMN document SET COMPRESSION lz4;
        END IF;
      EXCEPTION WHEN OTHERS THEN NULL;
      END $$;`);
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
