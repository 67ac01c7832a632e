import { join } from 'node:path';
import type { Corpus } from '../model.js';
import type { SearchEngine } from './engine.js';
import { openIndex, writeIndex } from './index-store.js';
import { ingestBasis, writePostgres } from './postgres-ingest.js';
import { openPostgresEngine } from './postgres-store.js';

/**
 * Where the index lives, chosen by `STORE`: `memory` (the default) keeps it in files in the index
 * directory, loaded whole into each process; `postgres` keeps it in the PostgreSQL database at
 * `DATABASE_URL`, shared by several servers, with FlexSearch asked there per query.
 */
export type StoreKind = 'memory' | 'postgres';

export interface StoreOptions {
  store: StoreKind;
  /** Where the corpus sources are (ingest; a memory store rebuilds from them when stale). */
  corpusDir: string;
  /** The memory store's directory. */
  indexDir: string;
  /** The postgres store's database. */
  databaseUrl?: string;
}

export interface SearchStore {
  /** The engine over the newest index the store has loaded: take it afresh for each request. */
  readonly engine: SearchEngine;
  close(): Promise<void>;
}

/** The store `STORE` and `DATABASE_URL` name, with the given directories. */
export function storeOptions(dirs: { corpusDir: string; indexDir: string }, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const store = env.STORE || 'memory';
  if (store !== 'memory' && store !== 'postgres') throw new Error(`STORE must be memory or postgres, not «${store}»`);
  if (store === 'postgres' && !env.DATABASE_URL) throw new Error('STORE=postgres needs DATABASE_URL (postgres://user:password@host:port/database)');
  return { store, ...dirs, ...(store === 'postgres' ? { databaseUrl: env.DATABASE_URL } : {}) };
}

/** Open the store for searching; a memory store is (re)built from the corpus when it is missing or stale. */
export async function openStore(options: StoreOptions, onRebuild?: (reason: string) => void): Promise<SearchStore> {
  if (options.store === 'postgres') return openPostgresEngine(databaseUrl(options));
  const { engine } = await openIndex(options.corpusDir, options.indexDir, onRebuild);
  return { engine, close: async () => {} };
}

/** Write an ingested corpus into the store; returns what was written, for the ingest report. */
export async function writeStore(corpus: Corpus, options: StoreOptions): Promise<string> {
  if (options.store === 'postgres') {
    const r = await writePostgres(databaseUrl(options), corpus, ingestBasis(options.corpusDir));
    const written = r.written.length ? `${r.written.join(', ')} written (${r.paragraphsWritten} paragraphs)` : 'nothing written';
    const removed = r.removed.length ? `, ${r.removed.join(', ')} removed` : '';
    return `Search index in PostgreSQL, version ${r.version}: ${written}${removed}, ${r.unchanged.length} documents unchanged`;
  }
  const { manifest } = await writeIndex(corpus, options.indexDir);
  return `Search index: ${manifest.paragraphs} paragraphs → ${join(options.indexDir, manifest.engineDir)}`;
}

function databaseUrl(options: StoreOptions): string {
  if (!options.databaseUrl) throw new Error('the postgres store needs a database URL');
  return options.databaseUrl;
}
