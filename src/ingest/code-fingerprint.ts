import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A hash of the code that shapes the built index (ingest, the model, shared text helpers, the search
 * engine's analysis and layout): a changed pipeline makes the index stale just as a changed corpus does.
 */
let cached: string | undefined;

export function codeFingerprint(): string {
  if (cached) return cached;
  const src = join(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  for (const dir of ['ingest', 'text', 'search']) {
    for (const file of readdirSync(join(src, dir)).sort()) hash.update(file).update(readFileSync(join(src, dir, file)));
  }
  cached = hash.update(readFileSync(join(src, 'model.ts'))).digest('hex');
  return cached;
}
