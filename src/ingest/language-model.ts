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
      for (const token of tokens(text)) {
        if (token === '') {
          previous = undefined;
          continue;
        }
        size++;
        words.set(token, (words.get(token) ?? 0) + 1);
        if (previous !== undefined) {
          const key = pairKey(previous, token);
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
        previous = token;
      }
    }
    return new LanguageModel(words, pairs, size);
  }

  /** How often the word occurs (case-insensitive). */
  count(word: string): number {
    return this.words.get(word.toLowerCase()) ?? 0;
  }

  /** How often `second` directly follows `first` within a sentence (case-insensitive). */
  pairCount(first: string, second: string): number {
    return this.pairs.get(pairKey(first.toLowerCase(), second.toLowerCase())) ?? 0;
  }
}

/** Lower-cased words in order; an empty string marks a sentence or line-block boundary. */
function* tokens(text: string): Generator<string> {
  for (const match of text.matchAll(/[\p{L}\d]+(?:-[\p{L}\d]+)*|[.!?:;]|\n\s*\n/gu)) {
    const token = match[0];
    yield /^[\p{L}\d]/u.test(token) ? token.toLowerCase() : '';
  }
}

function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}
