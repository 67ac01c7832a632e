import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { writeReplicatedSources } from './scaled-corpus.js';
import { runWorker } from './worker-process.js';

/**
 * Full ingest — decoding, OCR repair, parsing, twins, topics — of the real corpus and of a corpus of
 * replicated source files, each in a fresh process so the lexicon and language model load cold, as
 * they do for `npm run ingest`.
 */
export interface IngestRun {
  ms: number;
  documents: number;
  paragraphs: number;
}

export interface IngestResult {
  '1x': IngestRun;
  scaled: IngestRun & { copies: number; sourceMB: number; mbPerS: number };
}

/** Runs in the worker process. */
export function timeIngest(corpusDir: string): IngestRun {
  const started = performance.now();
  const { corpus } = ingestCorpus({ corpusDir });
  const ms = performance.now() - started;
  const paragraphs = corpus.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.paragraphs.length, 0), 0);
  return { ms, documents: corpus.documents.length, paragraphs };
}

export async function measureIngest(corpusDir: string, copies: number): Promise<IngestResult> {
  const single = await runWorker<IngestRun>({ kind: 'ingest', corpusDir });
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-bench-'));
  try {
    const bytes = writeReplicatedSources(corpusDir, dir, copies);
    const scaled = await runWorker<IngestRun>({ kind: 'ingest', corpusDir: dir });
    const sourceMB = bytes / 2 ** 20;
    return { '1x': single, scaled: { ...scaled, copies, sourceMB, mbPerS: sourceMB / (scaled.ms / 1000) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
