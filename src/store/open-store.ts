/**
 * Which store a process uses: `STORE=memory` (the default), the files store in the index folder, or
 * `STORE=postgres`, the PostgreSQL store at `DATABASE_URL`.
 */
import { FilesStore } from './files/files-store.js';
import type { IndexStore } from './index-store.js';
import { PostgresStore } from './postgres/postgres-store.js';

export type StoreKind = 'memory' | 'postgres';

export interface StoreSettings {
  kind: StoreKind;
  /** The files store's folder. */
  indexDir: string;
  /** The PostgreSQL store's database. */
  databaseUrl?: string;
}

/** The store `STORE` and `DATABASE_URL` name, with the files store in `indexDir`. */
export function storeSettings(indexDir: string, env: NodeJS.ProcessEnv = process.env): StoreSettings {
  const kind = env.STORE || 'memory';
  if (kind !== 'memory' && kind !== 'postgres') throw new Error(`STORE must be memory or postgres, not «${kind}»`);
  if (kind === 'postgres' && !env.DATABASE_URL) throw new Error('STORE=postgres needs DATABASE_URL (postgres://user:password@host:port/database)');
  return { kind, indexDir, ...(kind === 'postgres' ? { databaseUrl: env.DATABASE_URL } : {}) };
}

export function openStore(settings: StoreSettings): IndexStore {
  if (settings.kind === 'postgres') return new PostgresStore(settings.databaseUrl!);
  return new FilesStore(settings.indexDir);
}
