/**
 * Which part of a paragraph a result shows: the window that holds the most distinct matched words
 * (stemmed, folded, compound and fuzzy matches included, since the same analyzer decided them), with
 * some context before the first match, cut at word boundaries.
 */
import type { Span } from '../text/marked-text.js';

/** A matched word in a text, and which term it matched. */
export interface Match extends Span {
  term: number;
}

const SNIPPET_LENGTH = 280;

/** The window of `text` to show for `matches` (in text order); the whole text when it is short. */
export function snippetWindow(text: string, matches: Match[], maxLength = SNIPPET_LENGTH): Span {
  if (text.length <= maxLength) return { start: 0, end: text.length };
  let from = 0;
  let best = -1;
  for (const first of matches) {
    const inWindow = matches.filter((t) => t.start >= first.start && t.end <= first.start + maxLength);
    const score = new Set(inWindow.map((t) => t.term)).size * 100 + inWindow.length;
    if (score > best) {
      best = score;
      from = first.start;
    }
  }
  // Some context before the first match, starting at a word.
  from = Math.max(0, from - Math.floor(maxLength / 5));
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  let to = Math.min(text.length, from + maxLength);
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  return { start: from, end: to };
}
