/**
 * The archive: a corpus folder and the store that keeps its index. Here the stages meet — ingest makes
 * the corpus, indexing builds its index, a store publishes it, search serves it — so this, with the
 * commands in cli.ts, is the only code that knows them all.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIndex } from './indexing/build.js';
import { exportIndex, importIndex } from './indexing/serialize.js';
import { corpusFingerprint, ingestCorpus, type ProgressEvent } from './ingest/pipeline.js';
import type { IngestReport } from './ingest/report.js';
import type { Corpus } from './model/corpus.js';
import { SearchEngine } from './search/engine.js';
import type { IndexStore, IndexVersion, PublishReport, StoredIndex } from './store/index-store.js';
import { LiveIndex, type LiveIndexOptions, type LoadedIndex } from './store/live-index.js';

export type IngestOutcome =
  /** The corpus was ingested and its index published. */
  | { kind: 'published'; report: IngestReport; published: PublishReport }
  /** The store already holds the index of the corpus as it is. */
  | { kind: 'unchanged'; version: IndexVersion };

export interface IngestOptions {
  onProgress?: (event: ProgressEvent) => void;
  /** Files larger than this are reported and left out. */
  maxFileBytes?: number;
  /** Where OCR output is kept between ingests. */
  ocrCacheDir?: string;
  /** Ingest even when the store holds an index of this very corpus (it may be damaged). */
  force?: boolean;
}

/** Ingest a corpus folder into a store, one ingest at a time, unless the store holds its index already. */
export function ingestInto(store: IndexStore, corpusDir: string, { force = false, ...options }: IngestOptions = {}): Promise<IngestOutcome> {
  return store.exclusive(async () => {
    const head = await store.head();
    if (!force && head && head.fingerprint === corpusFingerprint(corpusDir)) return { kind: 'unchanged', version: head };
    const { corpus, report } = await ingestCorpus({ corpusDir, ...options });
    return { kind: 'published', report, published: await publishCorpus(store, corpus) };
  });
}

/** Build a corpus's index and publish it as the store's newest version (the caller holds the store's turn). */
export async function publishCorpus(store: IndexStore, corpus: Corpus): Promise<PublishReport> {
  return store.publish({ corpus, parts: await exportIndex(buildIndex(corpus)) });
}

/** What a stored index serves: a search engine over it. */
export function engineOf({ corpus, parts }: StoredIndex): SearchEngine {
  return new SearchEngine(importIndex(corpus, parts));
}

export interface OpenOptions extends LiveIndexOptions {
  /** Hears why the index is being (re)built before serving. */
  onRebuild?: (reason: string) => void;
}

/** The store's index, loaded and kept current; with a corpus folder, (re)built first when needed (see `loadArchive`). */
export async function openArchive(store: IndexStore, corpusDir: string | undefined, options: OpenOptions = {}): Promise<LoadedIndex<SearchEngine>> {
  const { onRebuild, ...liveOptions } = options;
  const live = new LiveIndex(store, engineOf, liveOptions);
  await loadArchive(live, corpusDir, onRebuild);
  if (liveOptions.pollMs !== 0) live.watch();
  return live as LoadedIndex<SearchEngine>;
}

/**
 * Load the store's index into `live`. With a corpus folder, the index is first (re)built when the store
 * has none, when the corpus changed since it was built, or when it cannot be loaded; a rebuild that
 * fails leaves an older index serving, if there is one. Without a folder, the store must hold an index.
 */
export async function loadArchive(
  live: LiveIndex<SearchEngine>,
  corpusDir: string | undefined,
  onRebuild: (reason: string) => void = () => {},
  rebuild: () => Promise<unknown> = () => ingestInto(live.store, corpusDir!, { force: true }),
): Promise<void> {
  const { store } = live;
  if (corpusDir !== undefined) {
    const head = await store.head();
    const current = head !== null && head.fingerprint === fingerprintOrNull(corpusDir);
    let loaded = false;
    if (head && current) {
      try {
        loaded = await live.refresh();
      } catch (error) {
        onRebuild(`the index could not be loaded (${(error as Error).message})`);
      }
    } else onRebuild(head ? 'the corpus changed since the index was built' : 'there is no index yet');
    if (loaded) return;
    try {
      await rebuild();
    } catch (error) {
      if (!head || current) throw error;
      onRebuild(`the rebuild failed (${(error as Error).message}); serving the index built ${head.builtAt}`);
    }
  }
  if (!(await live.refresh())) throw new Error(`${store.location} holds no index yet: run \`npm run ingest\` first`);
}

/** The corpus fingerprint, or null when the corpus cannot be read (the rebuild then says why). */
function fingerprintOrNull(corpusDir: string): string | null {
  try {
    return corpusFingerprint(corpusDir);
  } catch {
    return null;
  }
}

/** The command line, beside this file: `cli.ts` under tsx, `cli.js` when compiled. */
const CLI = fileURLToPath(import.meta.url).replace(/archive(\.[cm]?[jt]s)$/, 'cli$1');

/**
 * Ingest in a process of its own (`cli ingest`), so that a server keeps answering while a corpus is
 * read, OCR'd and indexed: the process publishes into the store the environment names, and a live
 * index picks the new version up. Resolves with the ingest's outcome; rejects with what it said.
 */
export function ingestInChild(corpusDir: string, indexDir: string, { force = false }: { force?: boolean } = {}): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const args = [...process.execArgv, CLI, 'ingest', '--corpus', corpusDir, '--out', indexDir, '--json', ...(force ? ['--force'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(JSON.parse(out) as ChildOutcome);
      else reject(new Error(`the ingest ${signal ? `was stopped by ${signal}` : `exited with ${code}`}: ${err.trim().split('\n').slice(-5).join(' ') || 'no message'}`));
    });
  });
}

/** What an ingest in its own process says it did: the outcome without the full report's dropped text, and how many pages it read by OCR. */
export type ChildOutcome =
  | { kind: 'published'; version: IndexVersion; written: string[]; removed: string[]; unchanged: string[]; warnings: string[]; documents: number; ocrPages: number }
  | { kind: 'unchanged'; version: IndexVersion };

/** An outcome as `ingestInChild` reads it back, with the pages the ingest read by OCR. */
export function childOutcome(outcome: IngestOutcome, ocrPages: number): ChildOutcome {
  if (outcome.kind === 'unchanged') return outcome;
  const { version, written, removed, unchanged } = outcome.published;
  return { kind: 'published', version, written, removed, unchanged, warnings: outcome.report.warnings, documents: outcome.report.documents.length, ocrPages };
}
