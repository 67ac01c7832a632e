/**
 * Compare one matter across years: the block holding a paragraph (the paragraphs under one heading,
 * numbered or not) and, from every other year's letter of the same kind, the block that best matches
 * it, oldest first, each with a word-level diff against the year before. Matching reads the words
 * (TF-IDF cosine, compounds also counted as their parts), the names (heading, or section title) and each
 * block's name against the other's words, so "Ungdomsgarantien" (2024) finds "Oppfølging av unge under
 * 30 år og innføring av ny ungdomsgaranti" (2023) and "Flere unge i arbeid og utdanning" (2019). A year
 * without a convincing match says so rather than showing a poor one.
 */
import { diffWords } from 'diff';
import type { Catalog, Entry } from '../indexing/catalog.js';
import type { ForwardIndex } from '../indexing/forward-index.js';
import type { Vocabulary } from '../indexing/vocabulary.js';
import { cosine } from '../text/similarity.js';
import type { TermVectors } from './term-vectors.js';

/** One run of a word-level diff. */
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

/** Below this combined similarity a block is not the same matter. */
const MIN_SIMILARITY = 0.14;

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
    private readonly vectors: TermVectors,
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
      text: entries.map((e) => e.text).join('\n\n'),
      paragraphs: entries.map((e) => e.id),
      similarity: Math.round(similarity * 1000) / 1000,
    };
  }

  /** The catalog's blocks with their term vectors and names. */
  private allBlocks(): Block[] {
    if (this.blocks) return this.blocks;
    const entries = this.catalog.entries;
    const weight = (term: number) => this.vectors.weight(term);
    const blocks: Block[] = [];
    for (let i = 0; i < entries.length; ) {
      const e = entries[i]!;
      let j = i + 1;
      while (j < entries.length && entries[j]!.block === e.block) j++;
      const vector = this.vectors.ofParagraphs(i, j);
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

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ type: part.added ? 'added' : part.removed ? 'removed' : 'equal', text: part.value }));
}
