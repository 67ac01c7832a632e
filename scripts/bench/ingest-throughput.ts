/**
 * Ingest times. Full ingest — decoding, OCR repair, parsing, twins, topics — of the real corpus and of a
 * corpus of replicated source files, each in a fresh process so the lexicon and language model load
 * cold, as they do for `npm run ingest`. And an ingest of a corpus the store already holds, as a daily
 * `npm run ingest` with nothing new does it: in a fresh process, after a first ingest into a files
 * store, it must find the index current and ingest nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInto, type IngestOutcome } from '../../src/archive.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { FilesStore } from '../../src/store/files/files-store.js';
import { writeReplicatedSources } from './scaled-corpus.js';
import { runWorker } from './worker-process.js';

export interface IngestRun {
  ms: number;
  documents: number;
  paragraphs: number;
}

export interface IngestResult {
  '1x': IngestRun;
  scaled: IngestRun & { copies: number; sourceMB: number; mbPerS: number };
  /** The second ingest of an unchanged corpus into the same store. */
  unchangedMs: number;
}

interface IntoStore {
  ms: number;
  kind: IngestOutcome['kind'];
}

/** Runs in the worker process. */
export async function timeIngest(corpusDir: string): Promise<IngestRun> {
  const started = performance.now();
  const { corpus } = await ingestCorpus({ corpusDir });
  const ms = performance.now() - started;
  const paragraphs = corpus.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.paragraphs.length, 0), 0);
  return { ms, documents: corpus.documents.length, paragraphs };
}

/** Runs in the worker process: `npm run ingest`'s work, into a files store. */
export async function timeIngestInto(corpusDir: string, storeDir: string): Promise<IntoStore> {
  const started = performance.now();
  const { kind } = await ingestInto(new FilesStore(storeDir), corpusDir);
  return { ms: performance.now() - started, kind };
}

export async function measureIngest(corpusDir: string, copies: number): Promise<IngestResult> {
  const single = await runWorker<IngestRun>({ kind: 'ingest', corpusDir });
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-bench-'));
  try {
    const sources = join(dir, 'sources');
    const bytes = writeReplicatedSources(corpusDir, sources, copies);
    const scaled = await runWorker<IngestRun>({ kind: 'ingest', corpusDir: sources });
    const sourceMB = bytes / 2 ** 20;
    const storeDir = join(dir, 'store');
    await runWorker<IntoStore>({ kind: 'ingest-into', corpusDir, storeDir });
    const again = await runWorker<IntoStore>({ kind: 'ingest-into', corpusDir, storeDir });
    if (again.kind !== 'unchanged') throw new Error(`a second ingest of an unchanged corpus ${again.kind} it again`);
    return { '1x': single, scaled: { ...scaled, copies, sourceMB, mbPerS: sourceMB / (scaled.ms / 1000) }, unchangedMs: again.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
