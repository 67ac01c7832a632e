/**
 * The PostgreSQL full-text peer: the paragraphs in a table whose tsvector weighs text, sub-heading and
 * section title as this project's ranker does (A = text 1, B = heading 0.8, C = title 0.5, through
 * ts_rank_cd's weights), with the `norwegian` configuration and a GIN index; a query is
 * `websearch_to_tsquery('norwegian', q)`, ranked by `ts_rank_cd`. Searches go through a plpgsql function
 * that times, with clock_timestamp(), an EXECUTE of the query — planned and run afresh, as a client's
 * one-off statement is — so the bench gets the server's own time beside the client's round trip.
 * Building counts inserting the rows (each computing its tsvector) and making the index.
 */
import { closeDatabases, connect, type Database } from '../../src/store/postgres/database.js';
import { paragraphsOf, type BenchEngine, type EngineContext } from './engines.js';

const SCHEMA = 'bench_fts';
const BATCH = 10_000;

const CREATE = `
  CREATE SCHEMA ${SCHEMA};
  CREATE TABLE ${SCHEMA}.paragraph (
    ord integer PRIMARY KEY,
    text text NOT NULL,
    heading text NOT NULL,
    title text NOT NULL,
    document tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('norwegian', text), 'A') || setweight(to_tsvector('norwegian', heading), 'B') || setweight(to_tsvector('norwegian', title), 'C')
    ) STORED
  );
  CREATE FUNCTION ${SCHEMA}.search(q text, lim integer, OUT ords integer[], OUT us double precision) LANGUAGE plpgsql AS $fn$
  DECLARE started timestamptz := clock_timestamp();
  BEGIN
    EXECUTE $query$
      SELECT array_agg(ord ORDER BY rank DESC, ord) FROM (
        SELECT ord, ts_rank_cd('{0.1, 0.5, 0.8, 1.0}', document, query) AS rank
        FROM ${SCHEMA}.paragraph, websearch_to_tsquery('norwegian', $1) query
        WHERE document @@ query ORDER BY rank DESC, ord LIMIT $2
      ) top$query$ INTO ords USING q, lim;
    us := 1e6 * extract(epoch FROM clock_timestamp() - started);
  END $fn$;`;

export function postgresFtsEngine({ databaseUrl }: EngineContext): BenchEngine {
  if (!databaseUrl) throw new Error('postgres-fts needs a database URL');
  const db: Database = connect(databaseUrl);
  let ids: string[] = [];
  let serverMs = NaN;
  // A schema of that name made by someone else is theirs to keep.
  let created = false;
  return {
    build: async (corpus) => {
      const paragraphs = paragraphsOf(corpus);
      ids = paragraphs.map((p) => p.id);
      await db.tx(async (t) => {
        await t.none(CREATE).catch((error: Error) => {
          throw new Error(`postgres-fts makes a schema ${SCHEMA} of its own, and drops it afterwards: ${error.message}`);
        });
        for (let start = 0; start < paragraphs.length; start += BATCH) {
          const batch = paragraphs.slice(start, start + BATCH);
          await t.none(`INSERT INTO ${SCHEMA}.paragraph (ord, text, heading, title) SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[])`, [
            batch.map((_, i) => start + i),
            batch.map((p) => p.text),
            batch.map((p) => p.heading),
            batch.map((p) => p.title),
          ]);
        }
        await t.none(`CREATE INDEX ON ${SCHEMA}.paragraph USING gin (document)`);
      });
      created = true;
      await db.none(`ANALYZE ${SCHEMA}.paragraph`);
    },
    search: async (q, limit) => {
      const { ords, us } = await db.one<{ ords: number[] | null; us: number }>(`SELECT ords, us FROM ${SCHEMA}.search($1, $2)`, [q, limit]);
      serverMs = us / 1000;
      return (ords ?? []).map((ord) => ids[ord]!);
    },
    lastServerMs: () => serverMs,
    outsideBytes: async () => Number((await db.one<{ bytes: string }>(`SELECT pg_total_relation_size('${SCHEMA}.paragraph') AS bytes`)).bytes),
    dispose: async () => {
      if (created) await db.none(`DROP SCHEMA ${SCHEMA} CASCADE`);
      await closeDatabases();
    },
  };
}
