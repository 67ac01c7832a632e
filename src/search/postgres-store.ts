import type { Corpus, Document, TopicLabel } from '../model.js';
import { SearchEngine } from './engine.js';
import type { MountedIndex } from './flexsearch-index.js';
import { ForwardIndex } from './forward-index.js';
import { connect, mountIndex, pgp, SCHEMA, type Database } from './postgres-database.js';
import { Vocabulary, type VocabularyData } from './vocabulary.js';

/**
 * A server's view of the PostgreSQL store: the catalog and ranking data loaded into memory, FlexSearch
 * asked per query. The store's version is polled; when an ingest raises it, the newest index is loaded
 * and swapped in whole, so a request reads one version from start to end and no server needs a restart.
 */
export interface PostgresStoreOptions {
  /** How often to look for a newer ingest (ms); 1000 by default. */
  pollMs?: number;
  /** A failed reload keeps the loaded index serving; this hears why. Defaults to stderr. */
  onError?: (error: Error) => void;
}

export class PostgresStore {
  private reloading: Promise<boolean> | undefined;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly db: Database,
    private readonly index: MountedIndex,
    private loaded: { engine: SearchEngine; version: string },
    { pollMs = 1000, onError = (error) => process.stderr.write(`Reloading the index failed: ${error.message}\n`) }: PostgresStoreOptions,
  ) {
    this.timer = setInterval(() => this.refresh().catch(onError), pollMs);
    this.timer.unref();
  }

  static async open(databaseUrl: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const db = connect(databaseUrl);
    const index = await mountIndex(db);
    const stored = await readStore(db);
    if (!stored) throw new Error('the database holds no index yet: run `STORE=postgres npm run ingest` first');
    return new PostgresStore(db, index, { engine: SearchEngine.mounted(stored.corpus, index, stored), version: stored.version }, options);
  }

  /** The engine over the newest index loaded; take it afresh for each request. */
  get engine(): SearchEngine {
    return this.loaded.engine;
  }

  /** The store's version that engine holds. */
  get version(): string {
    return this.loaded.version;
  }

  /** Load the newest index when an ingest has changed the store; true when it did. */
  refresh(): Promise<boolean> {
    this.reloading ??= this.reload().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /** Stop watching for ingests (the connection pool stays for others; see `closeDatabases`). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.reloading;
  }

  private async reload(): Promise<boolean> {
    const latest = await this.db.oneOrNone<{ version: string }>(`SELECT version FROM ${SCHEMA}.corpus`);
    if (!latest || latest.version === this.version) return false;
    const stored = await readStore(this.db);
    if (!stored) return false;
    this.loaded = { engine: SearchEngine.mounted(stored.corpus, this.index, stored), version: stored.version };
    return true;
  }
}

/** Open the PostgreSQL store at `databaseUrl` (`postgres://user:password@host:port/database`). */
export function openPostgresEngine(databaseUrl: string, options?: PostgresStoreOptions): Promise<PostgresStore> {
  return PostgresStore.open(databaseUrl, options);
}

interface StoredIndex {
  version: string;
  corpus: Corpus;
  forward: ForwardIndex;
  vocabulary: Vocabulary;
}

const SNAPSHOT = new pgp.txMode.TransactionMode({ tiLevel: pgp.txMode.isolationLevel.repeatableRead, readOnly: true });

/** The corpus and ranking data as one ingest left them (read in one snapshot). */
async function readStore(db: Database): Promise<StoredIndex | null> {
  return db.tx({ mode: SNAPSHOT }, async (t) => {
    const row = await t.oneOrNone<{ version: string; built_at: string; fingerprint: string; topics: TopicLabel[]; forward: Buffer; vocabulary: string }>(
      `SELECT version, built_at, fingerprint, topics, forward, vocabulary FROM ${SCHEMA}.corpus`,
    );
    if (!row) return null;
    const documents = await t.map(`SELECT document FROM ${SCHEMA}.documents ORDER BY position`, [], (r: { document: Document }) => r.document);
    return {
      version: row.version,
      corpus: { builtAt: row.built_at, fingerprint: row.fingerprint, topics: row.topics, documents },
      forward: ForwardIndex.deserialize(row.forward),
      vocabulary: new Vocabulary(JSON.parse(row.vocabulary) as VocabularyData),
    };
  });
}
