/**
 * What a new version changes, document by document: each document is known by a hash of its content,
 * so an unchanged letter is recognised whatever else changed around it.
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../model/corpus.js';

/** Each document's id with the SHA-256 of its JSON. */
export function documentHashes(corpus: Corpus): Record<string, string> {
  return Object.fromEntries(corpus.documents.map((d) => [d.id, createHash('sha256').update(JSON.stringify(d)).digest('hex')]));
}

/** Documents written (new or changed), removed and unchanged between two versions' hashes. */
export function changes(before: Record<string, string>, after: Record<string, string>): { written: string[]; removed: string[]; unchanged: string[] } {
  const ids = Object.keys(after);
  return {
    written: ids.filter((id) => before[id] !== after[id]),
    removed: Object.keys(before).filter((id) => !(id in after)),
    unchanged: ids.filter((id) => before[id] === after[id]),
  };
}
