/**
 * Fingerprints that tell a stale index: one of the code that shapes the built index, and one of a
 * corpus directory as it is now. A changed source, taxonomy or pipeline changes the corpus's
 * fingerprint; a change to searching, storing or serving does not.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders of `src` whose code and data decide what an index holds: the model, text helpers, ingest, indexing. */
const SHAPING_CODE = ['model', 'text', 'ingest', 'indexing'];

let cached: string | undefined;

/** A hash of every file of the code that shapes the built index, and of the data beside it. */
function codeFingerprint(): string {
  if (cached) return cached;
  const src = join(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  for (const dir of SHAPING_CODE) {
    for (const file of readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(src, dir, file);
      if (statSync(path).isFile()) hash.update(`${dir}/${file}`).update(readFileSync(path));
    }
  }
  cached = hash.digest('hex');
  return cached;
}

/** The named contents of a corpus (its source files and data files), hashed with the code: equal inputs, equal fingerprints. */
export function fingerprintOf(contents: { file: string; bytes: Uint8Array }[]): string {
  const hash = createHash('sha256');
  for (const { file, bytes } of contents) hash.update(file).update(createHash('sha256').update(bytes).digest());
  return hash.update(codeFingerprint()).digest('hex');
}
