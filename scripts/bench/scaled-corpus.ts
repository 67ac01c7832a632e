/**
 * Larger corpora made of the real one, for measuring how search and ingest scale: `copies` replicas,
 * each under its own years. The replicas repeat the real paragraphs' words, so the vocabulary does not
 * grow with them as a real archive's would.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource } from '../../src/ingest/read/decode.js';
import { kindsOf } from '../../src/ingest/assemble/document-types.js';
import { extractMetadata } from '../../src/ingest/assemble/metadata.js';
import { DATA_FILES, dataFile, sourceFiles } from '../../src/ingest/read/corpus-folder.js';
import type { Corpus, Document } from '../../src/model/corpus.js';

/**
 * Years move by this much per copy: all letters are nearly the same words, so two letters of one type
 * and year would be merged as twins (at ingest) or be indistinguishable by year (in search); a step of
 * 11 keeps every copy of every letter on a year of its own, since the real letters lie within ten
 * years of each other.
 */
export const YEAR_STEP = 11;

export function shiftYear(year: number, copy: number): number {
  return year + copy * YEAR_STEP;
}

/** The corpus replicated: copy k's documents are `<id>~k` with years moved k steps (copy 0 is the original). */
export function replicateCorpus(corpus: Corpus, copies: number): Corpus {
  const documents: Document[] = [];
  for (let k = 0; k < copies; k++) {
    for (const doc of corpus.documents) {
      const id = k === 0 ? doc.id : `${doc.id}~${k}`;
      documents.push({
        ...doc,
        id,
        year: shiftYear(doc.year, k),
        sections: doc.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => ({ ...p, id: `${id}/${p.anchor}` })) })),
      });
    }
  }
  return { ...corpus, documents };
}

/**
 * A corpus directory of `copies` altered copies of every source file, with the data files; returns the
 * bytes of source text written (as UTF-8). Every year in a copy's text moves k steps, and each copy opens with a
 * line naming its document and year: a letter without such a title is dated by its most frequent
 * 20xx year, and a hundred copies cannot all keep theirs within 2000–2099.
 */
export function writeReplicatedSources(corpusDir: string, outDir: string, copies: number): number {
  mkdirSync(outDir, { recursive: true });
  for (const name of Object.values(DATA_FILES)) copyFileSync(dataFile(corpusDir, name), join(outDir, name));
  const kinds = kindsOf(corpusDir);
  let bytes = 0;
  for (const file of sourceFiles(corpusDir)) {
    const { text } = decodeSource(readFileSync(join(corpusDir, file)));
    const { type, year } = extractMetadata([{ kind: 'text', text }], kinds);
    const label = kinds.labels.find((t) => t.id === type)!.label;
    for (let k = 0; k < copies; k++) {
      const copy = `${label} ${shiftYear(year, k)}\n\n${text.replace(/\b(?:19|20)\d\d\b/g, (y) => String(shiftYear(Number(y), k)))}`;
      const out = Buffer.from(copy, 'utf8');
      writeFileSync(join(outDir, `${String(k).padStart(3, '0')}-${file}`), out);
      bytes += out.length;
    }
  }
  return bytes;
}
