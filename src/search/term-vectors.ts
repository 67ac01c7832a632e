/**
 * Paragraphs as weighted term vectors: what comparing one matter across years and finding a newer
 * restatement of a paragraph both measure. Terms weigh by sublinear term frequency times IDF, so a long
 * block is not matched by its most repeated words alone; compounds also count, at half weight, as their
 * parts (ungdomsgarantien → ungdom, garanti).
 */
import type { ForwardIndex } from '../indexing/forward-index.js';
import type { Vocabulary } from '../indexing/vocabulary.js';
import { dot, norm } from '../text/similarity.js';
import { idf } from './rank/ranker.js';

const MAX_REMEMBERED_PAIRS = 200_000;
const MAX_REMEMBERED_VECTORS = 20_000;

export class TermVectors {
  /** Unit-length paragraph vectors, made when first asked for: their cosine is a plain dot product. */
  private readonly paragraphVectors = new Map<number, Map<number, number>>();
  private readonly similarities = new Map<number, number>();

  constructor(
    private readonly forward: ForwardIndex,
    private readonly vocabulary: Vocabulary,
  ) {}

  /** The IDF of a term among the indexed paragraphs. */
  weight(term: number): number {
    return idf(this.vocabulary.data.df[term]!, this.forward.size);
  }

  /** The text terms of paragraphs [from, to), weighted, with compounds' parts. */
  ofParagraphs(from: number, to: number): Map<number, number> {
    const vector = new Map<number, number>();
    for (let k = from; k < to; k++) for (const term of this.forward.tokens(k, 'text').terms) if (term >= 0) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, tf] of [...vector]) vector.set(term, (1 + Math.log(tf)) * this.weight(term));
    return this.withParts(vector);
  }

  /** Each term at half its weight again as the parts of its compound, when it is one. */
  withParts(vector: Map<number, number>): Map<number, number> {
    for (const [term, w] of [...vector]) for (const part of this.vocabulary.compoundParts(term)) vector.set(part, (vector.get(part) ?? 0) + w / 2);
    return vector;
  }

  /** How much two paragraphs say the same: the cosine of their vectors, 1 for a verbatim repeat. */
  similarity(a: number, b: number): number {
    const key = Math.min(a, b) * this.forward.size + Math.max(a, b);
    let similarity = this.similarities.get(key);
    if (similarity === undefined) {
      similarity = dot(this.unit(a), this.unit(b));
      // The same pairs come back with every search of a matter; a bounded memory of them suffices.
      if (this.similarities.size >= MAX_REMEMBERED_PAIRS) this.similarities.clear();
      this.similarities.set(key, similarity);
    }
    return similarity;
  }

  private unit(doc: number): Map<number, number> {
    let vector = this.paragraphVectors.get(doc);
    if (!vector) {
      vector = this.ofParagraphs(doc, doc + 1);
      const length = norm(vector);
      for (const [term, w] of vector) vector.set(term, w / length);
      if (this.paragraphVectors.size >= MAX_REMEMBERED_VECTORS) this.paragraphVectors.clear();
      this.paragraphVectors.set(doc, vector);
    }
    return vector;
  }
}
