import { proseWords } from './prose-words.js';

/**
 * Word and word-pair counts of the corpus's clean sources: how this kind of letter is written. OCR repair
 * asks it which of two spellings is used here, and which one fits between its neighbours.
 */
export class LanguageModel {
  private constructor(
    private readonly words: Map<string, number>,
    private readonly pairs: Map<string, number>,
    /** Number of word tokens counted. */
    readonly size: number,
  ) {}

  static fromTexts(texts: string[]): LanguageModel {
    const words = new Map<string, number>();
    const pairs = new Map<string, number>();
    let size = 0;
    for (const text of texts) {
      let previous: string | undefined;
      for (const word of proseWords(text)) {
        const token = wordKey(word.text);
        size++;
        words.set(token, (words.get(token) ?? 0) + 1);
        if (previous !== undefined && !word.breakBefore) {
          const key = pairKey(previous, token);
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
        previous = token;
      }
    }
    return new LanguageModel(words, pairs, size);
  }

  /** How often the word occurs (case-insensitive; any number counts as every number). */
  count(word: string): number {
    return this.words.get(wordKey(word)) ?? 0;
  }

  /** How often `second` directly follows `first` within a sentence (case-insensitive, numbers alike). */
  pairCount(first: string, second: string): number {
    return this.pairs.get(pairKey(wordKey(first), wordKey(second))) ?? 0;
  }

  /** Every word counted, in lower case, with all numbers as "0". */
  vocabulary(): IterableIterator<string> {
    return this.words.keys();
  }
}

/** Which number stands in a sentence says little about its neighbours; that a number stands there does. */
function wordKey(word: string): string {
  return /^\d+(?:\.\d+)*$/u.test(word) ? '0' : word.toLowerCase();
}

function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}
