import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeFingerprint } from '../ingest/code-fingerprint.js';
import { TAXONOMY_FILE } from '../ingest/read-source.js';
import type { Corpus, Document } from '../model.js';
import { Catalog } from './catalog.js';
import { indexedParagraph, type MountedIndex } from './flexsearch-index.js';
import { connect, mountIndex, pgp, SCHEMA, withLock, type Database } from './postgres-database.js';
import { analyseCatalog, type RankingData } from './ranking-data.js';

/**
 * Write an ingested corpus into PostgreSQL, changing only what changed. A document whose sources hash as
 * the stored one's did (under the same code and taxonomy) keeps its stored text and its FlexSearch rows;
 * a new or changed document's paragraphs are written, a changed or removed one's old paragraphs deleted.
 * The catalog order and the ranking data, which every server loads whole, are replaced, and the version
 * goes up so that running servers reload. One ingest writes at a time.
 */
export interface PostgresIngestReport {
  /** The store's version after the ingest. */
  version: string;
  /** Documents whose paragraphs were written. */
  written: string[];
  removed: string[];
  unchanged: string[];
  paragraphsWritten: number;
  paragraphsRemoved: number;
}

interface StoredDocument {
  id: string;
  hash: string;
  document: Document;
}

interface DocumentRow extends StoredDocument {
  position: number;
}

/** What shapes every document besides its own sources: the pipeline's code and the topic taxonomy. */
export function ingestBasis(corpusDir: string): string {
  return createHash('sha256').update(codeFingerprint()).update(readFileSync(join(corpusDir, TAXONOMY_FILE))).digest('hex');
}

function documentHash(document: Document, basis: string): string {
  const hash = createHash('sha256').update(basis);
  for (const source of [...document.sources].sort((a, b) => a.file.localeCompare(b.file))) hash.update(`\u0000${source.file}\u0000${source.sha256}`);
  return hash.digest('hex');
}

/** Write `corpus` into the store at `databaseUrl`; `basis` as `ingestBasis` gives it (any string for a corpus made in code). */
export async function writePostgres(databaseUrl: string, corpus: Corpus, basis: string): Promise<PostgresIngestReport> {
  const db = connect(databaseUrl);
  const index = await mountIndex(db);
  return withLock(db, 'styringssok.ingest', () => write(db, index, corpus, basis));
}

async function write(db: Database, index: MountedIndex, corpus: Corpus, basis: string): Promise<PostgresIngestReport> {
  const stored = new Map((await db.any<StoredDocument>(`SELECT id, hash, document FROM ${SCHEMA}.documents`)).map((row) => [row.id, row]));
  const current = await db.oneOrNone<{ version: string }>(`SELECT version FROM ${SCHEMA}.corpus`);
  const hashes = new Map(corpus.documents.map((d) => [d.id, documentHash(d, basis)]));
  const kept = (d: Document) => stored.get(d.id)?.hash === hashes.get(d.id);
  const written = corpus.documents.filter((d) => !kept(d)).map((d) => d.id);
  const removed = [...stored.keys()].filter((id) => !hashes.has(id));
  const unchanged = corpus.documents.filter(kept).map((d) => d.id);
  if (current && written.length === 0 && removed.length === 0) return { version: current.version, written, removed, unchanged, paragraphsWritten: 0, paragraphsRemoved: 0 };

  // An unchanged document stays as stored, so the catalog always matches the FlexSearch rows.
  const documents = corpus.documents.map((d) => (kept(d) ? stored.get(d.id)!.document : d));
  const outdated = [...written, ...removed].flatMap((id) => stored.get(id)?.document.sections.flatMap((s) => s.paragraphs.map((p) => p.id)) ?? []);
  for (const id of outdated) index.remove(id);
  const rewrite = new Set(written);
  let paragraphsWritten = 0;
  const ranking = analyseCatalog(new Catalog({ ...corpus, documents }), (_, entry, fields) => {
    if (!rewrite.has(entry.docId)) return;
    index.add(indexedParagraph(entry.id, entry, fields));
    paragraphsWritten++;
  });
  await index.commit();

  const rows = documents.map((document, position) => ({ id: document.id, position, hash: hashes.get(document.id)!, document }));
  const version = await writeCatalog(db, rows, rows.filter((row) => rewrite.has(row.id)), removed, corpus, ranking);
  return { version, written, removed, unchanged, paragraphsWritten, paragraphsRemoved: outdated.length };
}

/** The documents table, the ranking data and a new version, in one transaction; returns the version. */
function writeCatalog(db: Database, rows: DocumentRow[], changed: DocumentRow[], removed: string[], corpus: Corpus, { forward, vocabulary }: RankingData): Promise<string> {
  return db.tx(async (tx) => {
    if (changed.length) {
      const columns = new pgp.helpers.ColumnSet(['id', 'position', 'hash', { name: 'document', mod: ':json' }], { table: { schema: SCHEMA, table: 'documents' } });
      await tx.none(`${pgp.helpers.insert(changed, columns)} ON CONFLICT (id) DO UPDATE SET ${columns.assignColumns({ from: 'EXCLUDED', skip: 'id' })}`);
    }
    if (removed.length) await tx.none(`DELETE FROM ${SCHEMA}.documents WHERE id = ANY($1)`, [removed]);
    await tx.none(`UPDATE ${SCHEMA}.documents AS d SET position = v.position FROM unnest($1::text[], $2::int[]) AS v(id, position) WHERE d.id = v.id AND d.position <> v.position`, [
      rows.map((r) => r.id),
      rows.map((r) => r.position),
    ]);
    const { version } = await tx.one<{ version: string }>(
      `INSERT INTO ${SCHEMA}.corpus (version, built_at, fingerprint, topics, forward, vocabulary) VALUES (1, $1, $2, $3:json, $4, $5)
       ON CONFLICT (singleton) DO UPDATE SET version = corpus.version + 1, built_at = EXCLUDED.built_at, fingerprint = EXCLUDED.fingerprint,
         topics = EXCLUDED.topics, forward = EXCLUDED.forward, vocabulary = EXCLUDED.vocabulary
       RETURNING version`,
      [corpus.builtAt, corpus.fingerprint, corpus.topics, forward.serialize(), JSON.stringify(vocabulary.data)],
    );
    return version;
  });
}
