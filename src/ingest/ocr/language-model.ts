/**
 * Word and word-pair counts of the corpus's clean sources: how this kind of letter is written. OCR repair
 * asks it which of two spellings is used here, and which one fits between its neighbours.
 */
import { proseWords } from './prose-words.js';

export interface Followers {
  total: number;
  distinct: number;
}

export class LanguageModel {
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<string, number>();
  private readonly followers = new Map<string, Followers>();
  private readonly endings = new Map<string, number>();
  private readonly endingPairs = new Map<string, number>();
  private readonly trigrams = new Set<string>();
  private readonly numbers = new Map<string, number>();
  private tokens = 0;

  private constructor() {}

  static fromTexts(texts: string[]): LanguageModel {
    const model = new LanguageModel();
    for (const text of texts) {
      let previous = EDGE;
      for (const word of proseWords(text)) {
        const token = wordKey(word.text);
        model.tokens++;
        increment(model.words, token);
        if (token === NUMBER) increment(model.numbers, word.text);
        increment(model.endings, ending(token));
        if (word.breakBefore && previous !== EDGE) model.countPair(previous, EDGE);
        model.countPair(word.breakBefore ? EDGE : previous, token);
        previous = token;
      }
      if (previous !== EDGE) model.countPair(previous, EDGE);
    }
    for (const word of model.words.keys()) for (const trigram of letterTrigrams(word)) model.trigrams.add(trigram);
    return model;
  }

  /** Number of word tokens counted. */
  get size(): number {
    return this.tokens;
  }

  private countPair(first: string, second: string): void {
    const seen = increment(this.pairs, pairKey(first, second));
    increment(this.endingPairs, pairKey(first, ending(second)));
    let after = this.followers.get(first);
    if (!after) this.followers.set(first, (after = { total: 0, distinct: 0 }));
    after.total++;
    if (seen === 1) after.distinct++;
  }

  /** How often the word occurs (case-insensitive; any number counts as every number). */
  count(word: string): number {
    return this.words.get(wordKey(word)) ?? 0;
  }

  /**
   * How often `second` directly follows `first` within a sentence (case-insensitive, numbers alike);
   * `EDGE` for either stands for where a sentence starts or ends.
   */
  pairCount(first: string, second: string): number {
    return this.pairs.get(pairKey(wordKey(first), wordKey(second))) ?? 0;
  }

  /** Of all numbers, the share that is this one (add-one smoothed, so an unseen number gets a little). */
  numberShare(number: string): number {
    const all = this.words.get(NUMBER) ?? 0;
    return ((this.numbers.get(number) ?? 0) + 1) / (all + this.numbers.size + 1);
  }

  /** How many words follow the word within a sentence, and how many different ones. */
  followersOf(word: string): Followers {
    return this.followers.get(wordKey(word)) ?? { total: 0, distinct: 0 };
  }

  /**
   * How often a word ending like `word` occurs. Endings carry grammar ("å" is followed by verbs in -e),
   * so they tell what may follow a word even where the corpus never saw the pair.
   */
  endingCount(word: string): number {
    return this.endings.get(ending(wordKey(word))) ?? 0;
  }

  /** How often a word ending like `second` directly follows `first` within a sentence. */
  endingPairCount(first: string, second: string): number {
    return this.endingPairs.get(pairKey(wordKey(first), ending(wordKey(second)))) ?? 0;
  }

  /**
   * How many of the word's three-letter sequences (counting its start and end) no word of the corpus has:
   * "oppfglging" has several, a Norwegian word the corpus lacks rarely any.
   */
  unfamiliarTrigrams(word: string): number {
    let unfamiliar = 0;
    for (const trigram of letterTrigrams(wordKey(word))) if (!this.trigrams.has(trigram)) unfamiliar++;
    return unfamiliar;
  }

  /** Every word counted, in lower case, with all numbers as "0". */
  vocabulary(): IterableIterator<string> {
    return this.words.keys();
  }
}

/** Which number stands in a sentence says little about its neighbours; that a number stands there does. */
function wordKey(word: string): string {
  return isNumber(word) ? NUMBER : word.toLowerCase();
}

const NUMBER = '0';

/** Where a sentence, paragraph or other stretch of running text starts or ends, as a word in word pairs. */
export const EDGE = '';

/** A number as the corpus writes them: digits, or section numbers such as "2.2.8". */
export function isNumber(word: string): boolean {
  return /^\d+(?:\.\d+)*$/u.test(word);
}

function ending(key: string): string {
  return key.slice(-1);
}

function letterTrigrams(key: string): string[] {
  const padded = `^${key}$`;
  const trigrams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) trigrams.push(padded.slice(i, i + 3));
  return trigrams;
}

function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}

function increment(counts: Map<string, number>, key: string): number {
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
}
