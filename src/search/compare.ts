import { diffWords } from 'diff';
import type { Catalog, Entry } from './catalog.js';
import { paragraphUrl } from './catalog.js';
import type { ForwardIndex } from './forward-index.js';
import { idf } from './ranking.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Compare one matter across years: the block holding a paragraph (the paragraphs under one heading,
 * numbered or not) and, from every other year's letter of the same kind, the block that best matches
 * it, oldest first, each with a word-level diff against the year before. Matching reads the words
 * (TF-IDF cosine, compounds also counted as their parts), the names (heading, or section title) and each
 * block's name against the other's words, so "Ungdomsgarantien" (2024) finds "Oppfølging av unge under
 * 30 år og innføring av ny ungdomsgaranti" (2023) and "Flere unge i arbeid og utdanning" (2019). A year
 * without a convincing match says so rather than showing a poor one.
 */
export interface DiffPart {
  type: 'equal' | 'added' | 'removed';
  text: string;
}

export interface CompareBlock {
  year: number;
  docId: string;
  docTitle: string;
  section: string;
  sectionTitle: string;
  heading: string | null;
  anchor: string;
  url: string;
  /** The block's paragraphs, joined by blank lines. */
  text: string;
  paragraphs: string[];
  /** How well the block matches the chosen one (1 for the chosen block itself). */
  similarity: number;
  /** Word-level changes from the previous (older) block shown. */
  diff?: DiffPart[];
}

export interface Comparison {
  /** The block the comparison started from. */
  origin: string;
  blocks: CompareBlock[];
  /** Years with a letter of the same kind but no block matching well enough. */
  unmatched: { year: number; docId: string; docTitle: string }[];
}

const MAX_REMEMBERED_PAIRS = 200_000;
const MAX_REMEMBERED_VECTORS = 20_000;

/** Below this combined similarity a block is not the same matter. */
export const MIN_SIMILARITY = 0.14;

interface Block {
  docId: string;
  start: number;
  end: number;
  vector: Map<number, number>;
  label: Map<number, number>;
}

export class Comparer {
  private blocks: Block[] | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly forward: ForwardIndex,
    private readonly vocabulary: Vocabulary,
  ) {}

  compare(paragraphId: string): Comparison | null {
    const doc = this.catalog.indexOf(paragraphId);
    if (doc === undefined) return null;
    const blocks = this.allBlocks();
    const origin = blocks.find((b) => doc >= b.start && doc < b.end)!;
    const entry = this.catalog.entries[origin.start]!;
    const chosen: { block: Block; similarity: number }[] = [{ block: origin, similarity: 1 }];
    const unmatched: Comparison['unmatched'] = [];
    for (const other of this.catalog.allDocuments()) {
      if (other.id === entry.docId || other.type !== entry.type || other.year === entry.year) continue;
      let best: { block: Block; similarity: number } | undefined;
      for (const block of blocks) {
        if (block.docId !== other.id) continue;
        const similarity = blockSimilarity(origin, block);
        if (!best || similarity > best.similarity) best = { block, similarity };
      }
      if (best && best.similarity >= MIN_SIMILARITY) chosen.push(best);
      else unmatched.push({ year: other.year, docId: other.id, docTitle: other.title });
    }
    const shown = chosen.map(({ block, similarity }) => this.describe(block, similarity)).sort((a, b) => a.year - b.year);
    for (let i = 1; i < shown.length; i++) shown[i]!.diff = wordDiff(shown[i - 1]!.text, shown[i]!.text);
    return { origin: entry.id, blocks: shown, unmatched: unmatched.sort((a, b) => a.year - b.year) };
  }

  private describe(block: Block, similarity: number): CompareBlock {
    const entries = this.catalog.entries.slice(block.start, block.end);
    const first: Entry = entries[0]!;
    return {
      year: first.year,
      docId: first.docId,
      docTitle: first.docTitle,
      section: first.section,
      sectionTitle: first.sectionTitle,
      heading: first.heading ?? null,
      anchor: first.anchor,
      url: paragraphUrl(first),
      text: entries.map((e) => e.text).join('\n\n'),
      paragraphs: entries.map((e) => e.id),
      similarity: Math.round(similarity * 1000) / 1000,
    };
  }

  /** How much two paragraphs say the same: the cosine of their term vectors, 1 for a verbatim repeat. */
  paragraphSimilarity(a: number, b: number): number {
    const key = Math.min(a, b) * this.catalog.size + Math.max(a, b);
    let similarity = this.similarities.get(key);
    if (similarity === undefined) {
      similarity = dot(this.paragraphVector(a), this.paragraphVector(b));
      // The same pairs come back with every search of a matter; a bounded memory of them suffices.
      if (this.similarities.size >= MAX_REMEMBERED_PAIRS) this.similarities.clear();
      this.similarities.set(key, similarity);
    }
    return similarity;
  }

  private readonly similarities = new Map<number, number>();

  /** Unit-length paragraph vectors, made when first asked for: their cosine is a plain dot product. */
  private readonly paragraphVectors = new Map<number, Map<number, number>>();

  private paragraphVector(doc: number): Map<number, number> {
    let vector = this.paragraphVectors.get(doc);
    if (!vector) {
      vector = this.termVector(doc, doc + 1);
      const length = norm(vector);
      for (const [term, w] of vector) vector.set(term, w / length);
      if (this.paragraphVectors.size >= MAX_REMEMBERED_VECTORS) this.paragraphVectors.clear();
      this.paragraphVectors.set(doc, vector);
    }
    return vector;
  }

  /**
   * The text terms of paragraphs [from, to) weighted by sublinear term frequency times IDF, so a long
   * block is not matched by its most repeated words alone; compounds also count, at half weight, as
   * their parts (ungdomsgarantien → ungdom, garanti).
   */
  private termVector(from: number, to: number): Map<number, number> {
    const n = this.catalog.size;
    const vector = new Map<number, number>();
    for (let k = from; k < to; k++) for (const term of this.forward.tokens(k, 'text').terms) if (term >= 0) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, tf] of [...vector]) vector.set(term, (1 + Math.log(tf)) * idf(this.vocabulary.data.df[term]!, n));
    for (const [term, w] of [...vector]) for (const part of this.vocabulary.compoundParts(term)) vector.set(part, (vector.get(part) ?? 0) + w / 2);
    return vector;
  }

  /** The catalog's blocks with their term vectors and names. */
  private allBlocks(): Block[] {
    if (this.blocks) return this.blocks;
    const entries = this.catalog.entries;
    const n = this.catalog.size;
    const weight = (term: number) => idf(this.vocabulary.data.df[term]!, n);
    const blocks: Block[] = [];
    for (let i = 0; i < entries.length; ) {
      const e = entries[i]!;
      let j = i + 1;
      while (j < entries.length && entries[j]!.block === e.block) j++;
      const vector = this.termVector(i, j);
      // The block's own name: its heading, or the section title when it has none.
      const heading = this.forward.tokens(i, 'heading').terms;
      const label = new Map<number, number>();
      for (const term of heading.length ? heading : this.forward.tokens(i, 'title').terms) {
        if (term < 0) continue;
        label.set(term, weight(term));
        for (const part of this.vocabulary.compoundParts(term)) label.set(part, (label.get(part) ?? 0) + weight(part) / 2);
      }
      blocks.push({ docId: e.docId, start: i, end: j, vector, label });
      i = j;
    }
    this.blocks = blocks;
    return blocks;
  }
}

function blockSimilarity(a: Block, b: Block): number {
  return 0.6 * cosine(a.vector, b.vector) + 0.2 * cosine(a.label, b.label) + 0.2 * (cosine(a.label, b.vector) + cosine(b.label, a.vector));
}

function cosine(a: Map<number, number>, b: Map<number, number>): number {
  const product = dot(a, b);
  return product === 0 ? 0 : product / (norm(a) * norm(b));
}

function dot(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}

function norm(v: Map<number, number>): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum);
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ type: part.added ? 'added' : part.removed ? 'removed' : 'equal', text: part.value }));
}
