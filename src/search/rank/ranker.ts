/**
 * Relevance: BM25 per field — the paragraph's own text first, its heading and section title as weaker
 * support — where each occurrence counts by how it matched (the word as written 1, same stem 0.6, near
 * spelling 0.6, part of a compound 0.3–0.45, another form of an abbreviation 0.8, a synonym 0.5), times
 * the share of the query matched, squared — clauses counted by their IDF, so all words should match but a
 * common one matters little — times a proximity bonus when the matched words stand close together.
 * Phrases must occur as written. Summing saturated field scores (not tf across fields, as BM25F does)
 * keeps a paragraph that says the word itself above one that merely sits under a heading that does.
 */
import type { Field, ForwardIndex } from '../../indexing/forward-index.js';
import { FIELDS } from '../../indexing/forward-index.js';

const FIELD_BOOST: Record<Field, number> = { text: 1, heading: 0.8, title: 0.5 };
const K1 = 1.2;
const B = 0.75;
const PROXIMITY = 0.35;
/**
 * When the query names a paragraph's heading or section, the first paragraphs under it are the ones
 * that introduce the matter: ×(1 + LEAD / position under the heading).
 */
const LEAD = 0.5;

/** One analysed query word: the terms it may match (term id → weight) and its own written form. */
export interface QueryTerm {
  weights: Map<number, number>;
  surface: number;
  idf: number;
}

export type RankedPart =
  | { kind: 'word'; terms: QueryTerm[] }
  /** Phrase words in order; a stop word (term null) must match by its written form. */
  | { kind: 'phrase'; words: { term: QueryTerm | null; surface: number }[]; idf: number };

export interface RankedClause {
  anyOf: RankedPart[];
  /** What the clause weighs in the share of the query matched: the IDF of the words as typed (see partIdf). */
  idf: number;
}

export class Ranker {
  constructor(
    private readonly forward: ForwardIndex,
    /** Each paragraph's position under its heading, from 1. */
    private readonly ordinals: ArrayLike<number>,
    /** Each paragraph's weight by its shape: prose 1, a listing less (see paragraph-shape.ts). */
    private readonly shapes: ArrayLike<number>,
  ) {}

  /**
   * No paragraph scores above this for these clauses: every factor at its ceiling (BM25's saturation
   * below K1 + 1 in every field, full coverage, the closest proximity, the first paragraph's lead).
   * With the recency prior it lets a search stop scoring once older letters cannot reach the top.
   */
  upperBound(clauses: RankedClause[]): number {
    const fields = FIELDS.reduce((sum, field) => sum + FIELD_BOOST[field], 0) * (K1 + 1);
    const total = clauses.reduce((sum, clause) => sum + Math.max(0, ...clause.anyOf.map(partIdf)), 0) * fields;
    return total * (1 + PROXIMITY * Math.max(0, clauses.length - 1)) * (1 + LEAD);
  }

  /** Score one paragraph; null when a required phrase is missing or nothing matched. */
  score(doc: number, clauses: RankedClause[]): number | null {
    let total = 0;
    let matchedClauses = 0;
    let matchedWeight = 0;
    let allWeight = 0;
    const positions: number[][] = [];
    const context = { matched: false };
    for (const clause of clauses) {
      let best = 0;
      let bestAt: number[] = [];
      let satisfied = false;
      for (const part of clause.anyOf) {
        const { score, matched, at } = part.kind === 'phrase' ? this.phraseScore(doc, part) : this.wordScore(doc, part.terms, context);
        if (!matched) continue;
        satisfied = true;
        if (score > best) {
          best = score;
          bestAt = at;
        }
      }
      // A phrase is a requirement, not a preference.
      if (!satisfied && clause.anyOf.every((p) => p.kind === 'phrase')) return null;
      const weight = clause.idf;
      allWeight += weight;
      if (satisfied) {
        matchedClauses++;
        matchedWeight += weight;
      }
      positions.push(bestAt);
      total += best;
    }
    if (matchedClauses === 0) return null;
    // Coverage counts each clause by its IDF: a paragraph lacking a word most paragraphs hold ("NAV") loses little.
    const coverage = allWeight > 0 ? matchedWeight / allWeight : matchedClauses / clauses.length;
    const lead = context.matched ? 1 + LEAD / this.ordinals[doc]! : 1;
    return total * coverage * coverage * this.proximity(positions) * lead * this.shapes[doc]!;
  }

  private wordScore(doc: number, terms: QueryTerm[], context: { matched: boolean }): { score: number; matched: boolean; at: number[] } {
    let score = 0;
    let matched = true;
    const at: number[] = [];
    for (const term of terms) {
      const weights = denseWeights(term);
      let termScore = 0;
      for (const field of FIELDS) {
        const { offsets, terms: ids, surfaces } = this.forward.column(field);
        const from = offsets[doc]!;
        let tf = 0;
        for (let i = from, to = offsets[doc + 1]!; i < to; i++) {
          const w = weights[ids[i]!];
          if (!w) continue;
          tf += surfaces[i] === term.surface ? 1 : w;
          if (field === 'text') at.push(i - from);
        }
        if (tf === 0) continue;
        termScore += FIELD_BOOST[field] * this.saturate(tf, doc, field);
        if (field !== 'text') context.matched = true;
      }
      if (termScore === 0) matched = false;
      score += term.idf * termScore;
    }
    return { score, matched, at };
  }

  private phraseScore(doc: number, phrase: Extract<RankedPart, { kind: 'phrase' }>): { score: number; matched: boolean; at: number[] } {
    let tf = 0;
    const at: number[] = [];
    const words = phraseWords(phrase);
    for (const field of FIELDS) {
      const { offsets, terms, surfaces } = this.forward.column(field);
      const from = offsets[doc]!;
      let count = 0;
      for (let start = from, last = offsets[doc + 1]! - words.length; start <= last; start++) {
        if (!phraseAt(words, terms, surfaces, start)) continue;
        count++;
        if (field === 'text') at.push(start - from);
      }
      if (count) tf += FIELD_BOOST[field] * this.saturate(count, doc, field);
    }
    return { score: phrase.idf * tf, matched: tf > 0, at };
  }

  /** BM25's term-frequency saturation with length normalisation. */
  private saturate(tf: number, doc: number, field: Field): number {
    const norm = 1 - B + (B * this.forward.length(doc, field)) / (this.forward.averageLength[field] || 1);
    return (tf * (K1 + 1)) / (tf + K1 * norm);
  }

  /** 1 + bonus shrinking with the width of the narrowest text window holding one hit of each word. */
  private proximity(positions: number[][]): number {
    const lists = positions.filter((p) => p.length > 0);
    if (lists.length < 2) return 1;
    const events = lists.flatMap((list, k) => list.map((pos) => [pos, k] as const)).sort((a, b) => a[0] - b[0]);
    const count = new Array<number>(lists.length).fill(0);
    let covered = 0;
    let best = Infinity;
    for (let lo = 0, hi = 0; hi < events.length; hi++) {
      if (count[events[hi]![1]]!++ === 0) covered++;
      while (covered === lists.length) {
        best = Math.min(best, events[hi]![0] - events[lo]![0] + 1);
        if (--count[events[lo]![1]]! === 0) covered--;
        lo++;
      }
    }
    return 1 + (PROXIMITY * (lists.length - 1)) / Math.max(1, best - lists.length + 1);
  }
}

/** Per-query preparation, computed once per query object and dropped with it. */
function perQuery<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key)));
    return value;
  };
}


/**
 * A query term's weights as an array indexed by term id (0 where it does not match): the inner loops
 * look up every token of every candidate, and an array index is far cheaper than a Map lookup.
 */
const denseWeights = perQuery((term: QueryTerm): Float64Array => {
  let size = 0;
  for (const id of term.weights.keys()) size = Math.max(size, id + 1);
  const weights = new Float64Array(size);
  for (const [id, w] of term.weights) weights[id] = w;
  return weights;
});

/** A phrase word: the terms it matches by weight, or (a stop word) the written form it must have. */
interface PhraseWord {
  weights: Float64Array | null;
  surface: number;
}

const phraseWords = perQuery((phrase: Extract<RankedPart, { kind: 'phrase' }>): PhraseWord[] =>
  phrase.words.map((w) => ({ weights: w.term && denseWeights(w.term), surface: w.surface })),
);

/** Whether the phrase's words stand in order from token `start` on. */
function phraseAt(words: PhraseWord[], terms: Int32Array, surfaces: Int32Array, start: number): boolean {
  for (let k = 0; k < words.length; k++) {
    const { weights, surface } = words[k]!;
    if (weights ? (weights[terms[start + k]!] ?? 0) === 0 : surfaces[start + k] !== surface) return false;
  }
  return true;
}

/**
 * Newer steering letters replace older ones, so a match counts less the older its letter: the weight
 * halves every RECENCY_HALF_LIFE years behind the newest letter in the corpus.
 */
const RECENCY_HALF_LIFE = 5;

export function recencyPrior(year: number, newest: number): number {
  return 0.5 ** ((newest - year) / RECENCY_HALF_LIFE);
}

/** A part's IDF: a phrase's own, a word's terms' summed; no occurrence scores above it per field. */
export function partIdf(part: RankedPart): number {
  return part.kind === 'phrase' ? part.idf : part.terms.reduce((sum, t) => sum + t.idf, 0);
}

/** Inverse document frequency (BM25's, never negative). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
