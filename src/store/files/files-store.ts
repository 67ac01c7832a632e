/**
 * The files store: a folder (`index/` by default) holding each published version in a folder of its
 * own — corpus.json, the index's parts, and a list of every file with its size and SHA-256 — and a
 * manifest naming the current version. A version's files are all written before the manifest is
 * swapped in, so a reader sees the old version or the new one; a file that does not match its size and
 * hash is damage, not an index. The version before the current one is kept for readers still loading
 * it; older ones, and what a failed ingest left behind, go at the next ingest.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../../model/corpus.js';
import { changes, documentHashes } from '../document-changes.js';
import type { IndexStore, IndexVersion, PublishReport, StoredIndex } from '../index-store.js';
import { explain, writeFileAtomic } from './atomic-write.js';
import { holdLock } from './lock-file.js';

interface Manifest extends IndexVersion {
  format: 2;
  /** The version before, kept for readers that are still loading it. */
  previous?: string;
  /** Ids of the documents and a hash of each, to report what a publication changed. */
  documentHashes: Record<string, string>;
}

/** A version folder's list of its files. */
type Contents = Record<string, { bytes: number; sha256: string }>;

const MANIFEST = 'manifest.json';
const CONTENTS = 'contents.json';
const CORPUS = 'corpus.json';
/** The ingest lock: the folder `ingest.lock`. */
const LOCK = 'ingest';
const VERSION_PREFIX = 'engine-';

export class FilesStore implements IndexStore {
  constructor(readonly location: string) {}

  async head(): Promise<IndexVersion | null> {
    const manifest = this.manifest();
    if (!manifest) return null;
    const { id, fingerprint, builtAt, documents, paragraphs } = manifest;
    return { id, fingerprint, builtAt, documents, paragraphs };
  }

  async read(version: IndexVersion): Promise<StoredIndex> {
    const dir = join(this.location, version.id);
    let contents: Contents;
    try {
      contents = JSON.parse(readFileSync(join(dir, CONTENTS), 'utf8')) as Contents;
    } catch (error) {
      throw new Error(`${join(dir, CONTENTS)} cannot be read (${(error as Error).message})`);
    }
    const files = Object.entries(contents).map(([name, expected]) => {
      const path = join(dir, name);
      let data: Buffer;
      try {
        data = readFileSync(path);
      } catch (error) {
        throw new Error(`${path} cannot be read (${explain(error)})`);
      }
      if (data.length !== expected.bytes || sha256(data) !== expected.sha256) throw new Error(`${path} is damaged: its size or SHA-256 is not what was written`);
      return { name, data };
    });
    const corpus = files.find((f) => f.name === CORPUS);
    if (!corpus) throw new Error(`${dir} holds no ${CORPUS}`);
    return { corpus: JSON.parse(corpus.data.toString('utf8')) as Corpus, parts: files.filter((f) => f.name !== CORPUS) };
  }

  async publish({ corpus, parts }: StoredIndex): Promise<PublishReport> {
    const before = this.manifest();
    const id = `${VERSION_PREFIX}${corpus.fingerprint.slice(0, 12)}-${Date.now().toString(36)}`;
    const dir = join(this.location, id);
    const corpusJson = Buffer.from(JSON.stringify(corpus));
    const files = [{ name: CORPUS, data: corpusJson }, ...parts];
    try {
      const contents: Contents = {};
      for (const { name, data } of files) {
        writeFileAtomic(join(dir, name), data);
        contents[name] = { bytes: data.length, sha256: sha256(data) };
      }
      writeFileAtomic(join(dir, CONTENTS), JSON.stringify(contents));
      // A copy at the top of the folder: the documented place of corpus.json.
      writeFileAtomic(join(this.location, CORPUS), corpusJson);
      const hashes = documentHashes(corpus);
      const paragraphs = corpus.documents.reduce((n, d) => n + d.sections.reduce((m, s) => m + s.paragraphs.length, 0), 0);
      const manifest: Manifest = { format: 2, id, fingerprint: corpus.fingerprint, builtAt: corpus.builtAt, documents: corpus.documents.length, paragraphs, documentHashes: hashes };
      if (before) manifest.previous = before.id;
      writeFileAtomic(join(this.location, MANIFEST), JSON.stringify(manifest, null, 2));
      this.removeLeftovers();
      const { documentHashes: _, format: __, previous: ___, ...version } = manifest;
      return { version, ...changes(before?.documentHashes ?? {}, hashes) };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    try {
      mkdirSync(this.location, { recursive: true });
      // A folder that cannot be written is said so at once, not found out by a lock that keeps retrying.
      accessSync(this.location, constants.W_OK);
    } catch (error) {
      throw new Error(`cannot make the index folder ${this.location}: ${explain(error)}`, { cause: error });
    }
    return holdLock(join(this.location, LOCK), async () => {
      this.removeLeftovers();
      return work();
    });
  }

  async close(): Promise<void> {}

  private manifest(): Manifest | null {
    try {
      const manifest = JSON.parse(readFileSync(join(this.location, MANIFEST), 'utf8')) as Manifest;
      return manifest.format === 2 && typeof manifest.id === 'string' && manifest.id.startsWith(VERSION_PREFIX) ? manifest : null;
    } catch {
      return null;
    }
  }

  /** Version folders neither the current version nor the one before — older versions, a failed ingest's remains — and temporary files. */
  private removeLeftovers(): void {
    const manifest = this.manifest();
    const kept = new Set([manifest?.id, manifest?.previous]);
    for (const name of readdirSync(this.location)) {
      const path = join(this.location, name);
      if (name.startsWith(VERSION_PREFIX) && !kept.has(name) && statSync(path).isDirectory()) rmSync(path, { recursive: true, force: true });
      // Temporary files of a write that never finished.
      else if (name.endsWith('.tmp')) rmSync(path, { force: true });
    }
  }
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
