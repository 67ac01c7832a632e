import { analyze } from './analyzer.js';

/**
 * HTML-safe text with `<mark>` around every word that matched the query — stemmed, folded, compound
 * and fuzzy matches included, since the same analyzer decides. A snippet is cut around the window of
 * the paragraph that holds the most distinct matched words.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A matched word in a text: where it stands, and which term it matched. */
export interface Match {
  start: number;
  end: number;
  term: number | string;
}

/** The whole text with matches marked. */
export function highlight(text: string, matches: ReadonlySet<string>): string {
  return mark(text, matchedTokens(text, matches), 0, text.length);
}

/** The window of the text that holds the most distinct matches (`hits`, in text order), marked. */
export function snippet(text: string, hits: Match[], maxLength = 280): string {
  if (text.length <= maxLength) return mark(text, hits, 0, text.length);
  let from = 0;
  let best = -1;
  for (const first of hits) {
    const inWindow = hits.filter((t) => t.start >= first.start && t.end <= first.start + maxLength);
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
  return `${from > 0 ? '… ' : ''}${mark(text, hits, from, to)}${to < text.length ? ' …' : ''}`;
}

function matchedTokens(text: string, matches: ReadonlySet<string>): Match[] {
  return analyze(text).filter((t) => !t.stop && matches.has(t.term));
}

function mark(text: string, hits: Match[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const hit of hits) {
    if (hit.start < at || hit.end > to) continue;
    out += `${escapeHtml(text.slice(at, hit.start))}<mark>${escapeHtml(text.slice(hit.start, hit.end))}</mark>`;
    at = hit.end;
  }
  return out + escapeHtml(text.slice(at, to));
}
