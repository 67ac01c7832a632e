/**
 * The PostgreSQL store: every published version as rows of its own — the corpus's data, its documents
 * in order (each document stored once by the hash of its content, so an unchanged letter is not written
 * again), and the index's parts — and a head row naming the current version. A publication writes all
 * of that and moves the head in one transaction, so a reader, reading in one snapshot, sees the old
 * version or the new one whole; a killed ingest leaves nothing behind. Versions older than the one
 * before the head go in the same transaction; readers still holding a snapshot keep seeing them.
 */
import type { IndexPart } from '../../indexing/serialize.js';
import type { Corpus, Document } from '../../model/corpus.js';
import { changes, documentHashes } from '../document-changes.js';
import type { IndexStore, IndexVersion, PublishReport, StoredIndex } from '../index-store.js';
import { connect, createTables, pgp, SCHEMA, withLock, type Database } from './database.js';

const SNAPSHOT = new pgp.txMode.TransactionMode({ tiLevel: pgp.txMode.isolationLevel.repeatableRead, readOnly: true });

interface VersionRow {
  id: string;
  fingerprint: string;
  built_at: string;
  documents: number;
  paragraphs: number;
}

export class PostgresStore implements IndexStore {
  readonly location = 'PostgreSQL';
  private readonly db: Database;
  private tables: Promise<void> | undefined;

  constructor(databaseUrl: string) {
    this.db = connect(databaseUrl);
  }

  async head(): Promise<IndexVersion | null> {
    await this.ready();
    const row = await this.db.oneOrNone<VersionRow>(`SELECT v.id, v.fingerprint, v.built_at, v.documents, v.paragraphs FROM ${SCHEMA}.head h JOIN ${SCHEMA}.versions v ON v.id = h.version`);
    return row && versionOf(row);
  }

  async read(version: IndexVersion): Promise<StoredIndex> {
    await this.ready();
    return this.db.tx({ mode: SNAPSHOT }, async (t) => {
      const row = await t.oneOrNone<{ corpus: Omit<Corpus, 'documents'> }>(`SELECT corpus FROM ${SCHEMA}.versions WHERE id = $1`, [version.id]);
      if (!row) throw new Error(`version ${version.id} is no longer in the database`);
      const documents = await t.map(
        `SELECT d.document FROM ${SCHEMA}.version_documents v JOIN ${SCHEMA}.stored_documents d ON d.hash = v.hash WHERE v.version = $1 ORDER BY v.position`,
        [version.id],
        (r: { document: Document }) => r.document,
      );
      const parts = await t.map(`SELECT name, data FROM ${SCHEMA}.index_parts WHERE version = $1`, [version.id], (r: IndexPart) => r);
      return { corpus: { ...row.corpus, documents }, parts };
    });
  }

  async publish({ corpus, parts }: StoredIndex): Promise<PublishReport> {
    await this.ready();
    const hashes = documentHashes(corpus);
    const { documents, ...rest } = corpus;
    const paragraphs = documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.paragraphs.length, 0), 0);
    return this.db.tx(async (t) => {
      const before = await t.oneOrNone<{ version: string }>(`SELECT version FROM ${SCHEMA}.head`);
      const previous = before ? await t.map(`SELECT id, hash FROM ${SCHEMA}.version_documents WHERE version = $1`, [before.version], (r: { id: string; hash: string }) => [r.id, r.hash] as const) : [];
      const row = await t.one<VersionRow>(
        `INSERT INTO ${SCHEMA}.versions (fingerprint, built_at, corpus, documents, paragraphs) VALUES ($1, $2, $3:json, $4, $5) RETURNING id, fingerprint, built_at, documents, paragraphs`,
        [corpus.fingerprint, corpus.builtAt, rest, documents.length, paragraphs],
      );
      const stored = new Set(await t.map(`SELECT hash FROM ${SCHEMA}.stored_documents WHERE hash = ANY($1)`, [Object.values(hashes)], (r: { hash: string }) => r.hash));
      const missing = documents.filter((d) => !stored.has(hashes[d.id]!));
      if (missing.length) {
        const columns = new pgp.helpers.ColumnSet(['hash', { name: 'document', mod: ':json' }], { table: { schema: SCHEMA, table: 'stored_documents' } });
        await t.none(`${pgp.helpers.insert(missing.map((d) => ({ hash: hashes[d.id], document: d })), columns)} ON CONFLICT (hash) DO NOTHING`);
      }
      await t.none(`INSERT INTO ${SCHEMA}.version_documents (version, position, id, hash) SELECT $1, p - 1, id, hash FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS d(id, hash, p)`, [
        row.id,
        documents.map((d) => d.id),
        documents.map((d) => hashes[d.id]),
      ]);
      for (const part of parts) await t.none(`INSERT INTO ${SCHEMA}.index_parts (version, name, data) VALUES ($1, $2, $3)`, [row.id, part.name, part.data]);
      await t.none(`INSERT INTO ${SCHEMA}.head (version) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version`, [row.id]);
      // Keep the version before for servers still loading it; older ones, and documents no version holds, go.
      if (before) await t.none(`DELETE FROM ${SCHEMA}.versions WHERE id < $1`, [before.version]);
      await t.none(`DELETE FROM ${SCHEMA}.stored_documents d WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.version_documents v WHERE v.hash = d.hash)`);
      return { version: versionOf(row), ...changes(Object.fromEntries(previous), hashes) };
    });
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.ready();
    return withLock(this.db, 'styringssok.ingest', work);
  }

  /** The pool is shared by every store on this database; `closeDatabases` ends it. */
  async close(): Promise<void> {}

  private ready(): Promise<void> {
    this.tables ??= createTables(this.db).catch((error: unknown) => {
      this.tables = undefined;
      throw error;
    });
    return this.tables;
  }
}

function versionOf(row: VersionRow): IndexVersion {
  return { id: String(row.id), fingerprint: row.fingerprint, builtAt: row.built_at, documents: row.documents, paragraphs: row.paragraphs };
}
