/**
 * Running text as words: where each stands, and whether a sentence end, a blank line or markup
 * separates it from the word before — the context OCR repair and the language model read.
 */

/** A word of running text and where it sits. */
export interface ProseWord {
  start: number;
  end: number;
  text: string;
  /** No word context reaches across to the previous word: a sentence, paragraph or markup lies between. */
  breakBefore: boolean;
}

/** Spans that are not prose even when they hold letters: markup, entities, links and e-mail addresses. */
const NOT_PROSE = [
  /<\/?[a-z][^<>\n]*>/giu,
  /&(?:[a-z]+|#\d+);/giu,
  /\b(?:https?:\/\/|www\.)[^\s)\]>]+/giu,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu,
];

/**
 * A list bullet opens a new item; OCR writes it as "e" or "o", which are marks then, not words. So are
 * item letters such as "a)" and "(d)".
 */
const BULLET = /^[ \t]*[-*•eo](?=[ \t])|(?<![\p{L}\d])\(?\p{Ll}\)/gmu;

/** A line that opens and closes with a pipe is a table row; any other pipe is the I that OCR misread. */
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/gmu;

/**
 * Letters and digits, plus the symbols OCR writes for letters it misread (@ for ø, & for å, | for I);
 * inner full stops keep abbreviations and section numbers whole ("bl.a", "2.2.8").
 */
const WORD = /[\p{L}\d@&|]+(?:\.[\p{L}\d@&|]+)*/gu;
const CONTEXT_BREAK = /[.!?:;\u0000]|\n[ \t]*\n/u;

/**
 * The words of a text in order, split at hyphens and slashes, each marked when a sentence end, blank
 * line or non-prose span separates it from the word before. Offsets index the text as given.
 */
export function* proseWords(text: string): Generator<ProseWord> {
  let masked = text;
  for (const pattern of NOT_PROSE) masked = masked.replace(pattern, (span) => span.replace(/[^\n]/gu, '\u0000'));
  masked = masked.replace(BULLET, (span) => span.replace(/\S+/u, (mark) => '\u0000'.repeat(mark.length)));
  masked = masked.replace(TABLE_ROW, (row) => row.replaceAll('|', '\u0000'));
  let previousEnd = 0;
  for (const match of masked.matchAll(WORD)) {
    const start = match.index;
    const breakBefore = previousEnd === 0 || CONTEXT_BREAK.test(masked.slice(previousEnd, start));
    previousEnd = start + match[0].length;
    yield { start, end: previousEnd, text: match[0], breakBefore };
  }
}

/**
 * Whether the context writes the word at `i` with a capital: it opens a sentence, or a hyphen joins it
 * to a capitalised word ("Øst-Europa").
 */
export function capitalisedByContext(text: string, words: ProseWord[], i: number): boolean {
  const word = words[i]!;
  const next = words[i + 1];
  return word.breakBefore || (next !== undefined && next.start === word.end + 1 && text.charAt(word.end) === '-' && /^\p{Lu}/u.test(next.text));
}
