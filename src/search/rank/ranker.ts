/**
 * Relevance: BM25 per field — the paragraph's own text first, its heading and section title as weaker
 * support — where each occurrence counts by how it matched (the word as written 1, same stem 0.6, near
 * spelling 0.6, part of a compound 0.3–0.45, another form of an abbreviation 0.8, a synonym 0.5), times
 * the share of the query matched, squared — clauses counted by their IDF, so all words should match but a
 * common one matters little — times a proximity bonus when the matched words stand close together.
 * Phrases must occur as written. Summing saturated field scores (not tf across fields, as BM25F does)
 * keeps a paragraph that says the word itself above one that merely sits under a heading that does.
 */
import type { Field, FieldColumn, ForwardIndex } from '../../indexing/forward-index.js';
import { FIELDS } from '../../indexing/forward-index.js';
import { MatchPositions } from './match-positions.js';

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

export type PhrasePart = Extract<RankedPart, { kind: 'phrase' }>;

export class Ranker {
  /** Per field (in FIELDS order), its column, boost and average length: the inner loops index arrays, not records. */
  private readonly columns: Readonly<FieldColumn>[];
  private readonly boosts: number[];
  private readonly averageLengths: number[];
  private readonly positions = new MatchPositions();
  /** Whether a word of the paragraph being scored matched its heading or section title. */
  private matchedAbove = false;

  constructor(
    forward: ForwardIndex,
    /** Each paragraph's position under its heading, from 1. */
    private readonly ordinals: ArrayLike<number>,
    /** Each paragraph's weight by its shape: prose 1, a listing less (see paragraph-shape.ts). */
    private readonly shapes: ArrayLike<number>,
  ) {
    this.columns = FIELDS.map((field) => forward.column(field));
    this.boosts = FIELDS.map((field) => FIELD_BOOST[field]);
    this.averageLengths = FIELDS.map((field) => forward.averageLength[field] || 1);
  }

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
    const query = prepared(clauses);
    const { positions } = this;
    let total = 0;
    let matchedClauses = 0;
    let matchedWeight = 0;
    let allWeight = 0;
    positions.begin(query.length);
    this.matchedAbove = false;
    for (const clause of query) {
      positions.nextClause();
      let best = 0;
      let satisfied = false;
      for (const part of clause.anyOf) {
        const score = part.kind === 'phrase' ? this.phraseScore(doc, part) : this.wordScore(doc, part.terms);
        if (score !== null) satisfied = true;
        // The clause's positions are those of its best part.
        if (score !== null && score > best) {
          best = score;
          positions.keepPart();
        } else positions.dropPart();
      }
      // A phrase is a requirement, not a preference.
      if (!satisfied && clause.required) return null;
      const weight = clause.idf;
      allWeight += weight;
      if (satisfied) {
        matchedClauses++;
        matchedWeight += weight;
      }
      total += best;
    }
    positions.end();
    if (matchedClauses === 0) return null;
    // Coverage counts each clause by its IDF: a paragraph lacking a word most paragraphs hold ("NAV") loses little.
    const coverage = allWeight > 0 ? matchedWeight / allWeight : matchedClauses / query.length;
    const lead = this.matchedAbove ? 1 + LEAD / this.ordinals[doc]! : 1;
    return total * coverage * coverage * this.proximity() * lead * this.shapes[doc]!;
  }

  /**
   * Whether score() would score the paragraph rather than answer null — by the same rules, without
   * scoring: a part holds when each of its terms, or its phrase, occurs in some field (every weight is
   * above 0, so any occurrence scores). Counting a phrase query's matches needs only this.
   */
  matches(doc: number, clauses: RankedClause[]): boolean {
    let matched = false;
    for (const clause of prepared(clauses)) {
      let satisfied = false;
      for (const part of clause.anyOf) if ((satisfied = part.kind === 'phrase' ? this.stands(doc, part.words) : this.allOccur(doc, part.terms))) break;
      if (satisfied) matched = true;
      else if (clause.required) return false;
    }
    return matched;
  }

  /** Whether the phrase stands as written in any field of the paragraph. */
  holds(doc: number, phrase: PhrasePart): boolean {
    return this.stands(doc, phraseWords(phrase));
  }

  private stands(doc: number, words: PhraseWord[]): boolean {
    for (let f = 0; f < FIELDS.length; f++) {
      const { offsets, terms, surfaces } = this.columns[f]!;
      if (phraseFrom(words, terms, surfaces, offsets[doc]!, offsets[doc + 1]! - words.length) >= 0) return true;
    }
    return false;
  }

  /** Whether each term occurs in some field of the paragraph. */
  private allOccur(doc: number, terms: DenseTerm[]): boolean {
    for (const { weights } of terms) if (!this.occurs(doc, weights)) return false;
    return true;
  }

  private occurs(doc: number, weights: Float64Array): boolean {
    for (let f = 0; f < FIELDS.length; f++) {
      const { offsets, terms } = this.columns[f]!;
      for (let i = offsets[doc]!, to = offsets[doc + 1]!; i < to; i++) if (weightOf(weights, terms[i]!) !== 0) return true;
    }
    return false;
  }

  /** A word part's score; null when one of its terms is missing. Adds where its terms stand in the text. */
  private wordScore(doc: number, terms: DenseTerm[]): number | null {
    let score = 0;
    let matched = true;
    for (const { weights, surface, idf } of terms) {
      let termScore = 0;
      for (let f = 0; f < FIELDS.length; f++) {
        const { offsets, terms: ids, surfaces } = this.columns[f]!;
        const from = offsets[doc]!;
        let tf = 0;
        for (let i = from, to = offsets[doc + 1]!; i < to; i++) {
          const w = weightOf(weights, ids[i]!);
          if (w === 0) continue;
          tf += surfaces[i] === surface ? 1 : w;
          if (f === TEXT) this.positions.add(i - from);
        }
        if (tf === 0) continue;
        termScore += this.boosts[f]! * this.saturate(tf, doc, f);
        if (f !== TEXT) this.matchedAbove = true;
      }
      if (termScore === 0) matched = false;
      score += idf * termScore;
    }
    return matched ? score : null;
  }

  /** A phrase part's score; null when it does not occur. Adds where it starts in the text. */
  private phraseScore(doc: number, phrase: ScoredPhrase): number | null {
    let tf = 0;
    for (let f = 0; f < FIELDS.length; f++) {
      const count = this.phraseCount(doc, phrase.words, f, f === TEXT);
      if (count) tf += this.boosts[f]! * this.saturate(count, doc, f);
    }
    return tf > 0 ? phrase.idf * tf : null;
  }

  /** How often the phrase stands in field `f` of the paragraph; where it starts is added when `record`. */
  private phraseCount(doc: number, words: PhraseWord[], f: number, record: boolean): number {
    const { offsets, terms, surfaces } = this.columns[f]!;
    const from = offsets[doc]!;
    const last = offsets[doc + 1]! - words.length;
    let count = 0;
    for (let start = phraseFrom(words, terms, surfaces, from, last); start >= 0; start = phraseFrom(words, terms, surfaces, start + 1, last)) {
      count++;
      if (record) this.positions.add(start - from);
    }
    return count;
  }

  /** BM25's term-frequency saturation with length normalisation. */
  private saturate(tf: number, doc: number, f: number): number {
    const { offsets } = this.columns[f]!;
    const norm = 1 - B + (B * (offsets[doc + 1]! - offsets[doc]!)) / this.averageLengths[f]!;
    return (tf * (K1 + 1)) / (tf + K1 * norm);
  }

  /** 1 + bonus shrinking with the width of the narrowest text window holding one hit of each word. */
  private proximity(): number {
    const lists = this.positions.matched;
    if (lists < 2) return 1;
    return 1 + (PROXIMITY * (lists - 1)) / Math.max(1, this.positions.narrowestWindow() - lists + 1);
  }
}

/** The index of the text field in FIELDS: only its matches count for proximity. */
const TEXT = FIELDS.indexOf('text');

/** Per-query preparation, computed once per query object and dropped with it. */
function perQuery<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key)));
    return value;
  };
}

/** A query term as the inner loops read it: its weights by term id. */
interface DenseTerm {
  weights: Float64Array;
  surface: number;
  idf: number;
}

/** A phrase word: the terms it matches by weight, or (a stop word) the written form it must have. */
interface PhraseWord {
  weights: Float64Array | null;
  surface: number;
}

interface ScoredPhrase {
  kind: 'phrase';
  words: PhraseWord[];
  idf: number;
}

/** A clause as scoring reads it: its parts prepared, and whether it must hold (phrases only). */
interface ScoredClause {
  anyOf: ({ kind: 'word'; terms: DenseTerm[] } | ScoredPhrase)[];
  required: boolean;
  idf: number;
}

const prepared = perQuery((clauses: RankedClause[]): ScoredClause[] =>
  clauses.map(({ anyOf, idf }) => ({
    anyOf: anyOf.map((part) =>
      part.kind === 'phrase'
        ? { kind: 'phrase', words: phraseWords(part), idf: part.idf }
        : { kind: 'word', terms: part.terms.map((term) => ({ weights: denseWeights(term), surface: term.surface, idf: term.idf })) },
    ),
    required: anyOf.every((p) => p.kind === 'phrase'),
    idf,
  })),
);

/**
 * A query term's weights as an array indexed by term id (0 where it does not match): the inner loops
 * look up every token of every candidate, and an array index is far cheaper than a Map lookup.
 */
function denseWeights(term: QueryTerm): Float64Array {
  let size = 0;
  for (const id of term.weights.keys()) size = Math.max(size, id + 1);
  const weights = new Float64Array(size);
  for (const [id, w] of term.weights) weights[id] = w;
  return weights;
}

/** A token's weight for a term: 0 for a stop word (-1) and for ids past the term's array. */
function weightOf(weights: Float64Array, id: number): number {
  return id >= 0 && id < weights.length ? weights[id]! : 0;
}

const phraseWords = perQuery((phrase: PhrasePart): PhraseWord[] => phrase.words.map((w) => ({ weights: w.term && denseWeights(w.term), surface: w.surface })));

/** The first token from `start` to `last` where the phrase's words stand in order; -1 when none is. */
function phraseFrom(words: PhraseWord[], terms: Int32Array, surfaces: Int32Array, start: number, last: number): number {
  const lead = words[0]!.weights;
  for (let at = start; at <= last; at++) {
    // Most tokens are not the phrase's first word: that test, its weights at hand, is most of the scan.
    if ((lead === null || weightOf(lead, terms[at]!) !== 0) && phraseAt(words, terms, surfaces, at)) return at;
  }
  return -1;
}

/** Whether the phrase's words stand in order from token `start` on. */
function phraseAt(words: PhraseWord[], terms: Int32Array, surfaces: Int32Array, start: number): boolean {
  for (let k = 0; k < words.length; k++) {
    const { weights, surface } = words[k]!;
    if (weights ? weightOf(weights, terms[start + k]!) === 0 : surfaces[start + k] !== surface) return false;
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
