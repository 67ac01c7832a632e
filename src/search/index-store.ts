import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { Corpus } from '../model.js';
import { corpusFingerprint, ingestCorpus, type IngestReport } from '../ingest/pipeline.js';
import { SearchEngine } from './engine.js';

/**
 * The index directory: corpus.json, the exported engine in a directory of its own, and a manifest
 * naming both. Every file is written before the manifest is swapped in, so a reader sees the old index
 * or the new one, and a failed rebuild leaves the old one serving. A corpus that changed since the
 * manifest was written (or a manifest that cannot be read) means a rebuild.
 */
export interface IndexManifest {
  version: 1;
  fingerprint: string;
  builtAt: string;
  engineDir: string;
  documents: number;
  paragraphs: number;
}

export interface OpenedIndex {
  engine: SearchEngine;
  manifest: IndexManifest;
  /** Set when the index had to be (re)built from the corpus. */
  report?: IngestReport;
}

const MANIFEST = 'manifest.json';
const CORPUS = 'corpus.json';

export function readManifest(indexDir: string): IndexManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(indexDir, MANIFEST), 'utf8')) as IndexManifest;
    return manifest.version === 1 && typeof manifest.engineDir === 'string' ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * Load the index if it matches the corpus; otherwise ingest the corpus and build it. When that rebuild
 * fails (a broken taxonomy, a full disk) and an older index can still be loaded, the older one serves.
 */
export async function openIndex(corpusDir: string, indexDir: string, onRebuild?: (reason: string) => void): Promise<OpenedIndex> {
  const manifest = readManifest(indexDir);
  const current = manifest !== null && manifest.fingerprint === fingerprintOf(corpusDir);
  if (manifest && current) {
    try {
      return { engine: loadEngine(indexDir, manifest), manifest };
    } catch (error) {
      onRebuild?.(`the index could not be loaded (${(error as Error).message})`);
    }
  } else onRebuild?.(manifest ? 'the corpus changed since the index was built' : 'there is no index yet');
  try {
    const { corpus, report } = ingestCorpus({ corpusDir });
    const built = await writeIndex(corpus, indexDir);
    return { ...built, report };
  } catch (error) {
    if (!manifest || current) throw error;
    let engine: SearchEngine;
    try {
      engine = loadEngine(indexDir, manifest);
    } catch {
      throw error;
    }
    onRebuild?.(`the rebuild failed (${(error as Error).message}); serving the index built ${manifest.builtAt}`);
    return { engine, manifest };
  }
}

/** The corpus fingerprint, or null when the corpus cannot be read (the rebuild then says why). */
function fingerprintOf(corpusDir: string): string | null {
  try {
    return corpusFingerprint(corpusDir);
  } catch {
    return null;
  }
}

export function loadEngine(indexDir: string, manifest: IndexManifest): SearchEngine {
  const corpus = JSON.parse(readFileSync(join(indexDir, manifest.engineDir, CORPUS), 'utf8')) as Corpus;
  return SearchEngine.load(join(indexDir, manifest.engineDir), corpus);
}

/** Build the engine for a corpus and publish it: files first, then the manifest, then old builds go. */
export async function writeIndex(corpus: Corpus, indexDir: string): Promise<{ engine: SearchEngine; manifest: IndexManifest }> {
  const engine = SearchEngine.build(corpus);
  const engineDir = `engine-${corpus.fingerprint.slice(0, 12)}-${Date.now().toString(36)}`;
  const dir = join(indexDir, engineDir);
  await engine.export(dir);
  const corpusJson = JSON.stringify(corpus);
  writeFileAtomic(join(dir, CORPUS), corpusJson);
  // A copy at the top of the index directory: the documented place of corpus.json.
  writeFileAtomic(join(indexDir, CORPUS), corpusJson);
  const manifest: IndexManifest = {
    version: 1,
    fingerprint: corpus.fingerprint,
    builtAt: corpus.builtAt,
    engineDir,
    documents: corpus.documents.length,
    paragraphs: engine.catalog.size,
  };
  writeFileAtomic(join(indexDir, MANIFEST), JSON.stringify(manifest, null, 2));
  for (const old of readdirSync(indexDir)) {
    if (old.startsWith('engine-') && old !== engineDir && existsSync(join(indexDir, old))) rmSync(join(indexDir, old), { recursive: true, force: true });
  }
  return { engine, manifest };
}
