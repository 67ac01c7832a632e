/**
 * Footnote markers. Every parser writes a reference as superscript digits right after the word it
 * annotates ("landgruppe 3¹"), whatever the source used (`<sup>1</sup>`, `¹`, a digit glued on by PDF
 * extraction), so display and search treat them one way.
 */
import type { FootnoteRef } from '../../model/corpus.js';

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function toSuperscript(digits: string): string {
  return [...digits].map((d) => SUPERSCRIPT_DIGITS[Number(d)] ?? d).join('');
}

export function fromSuperscript(marker: string): string {
  return [...marker].map((c) => String(SUPERSCRIPT_DIGITS.indexOf(c))).join('');
}

/** Take the markers out of a text: clean text, and where each marker stood. */
export function extractFootnoteRefs(marked: string): { text: string; refs: FootnoteRef[] } {
  const refs: FootnoteRef[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu)) {
    text += marked.slice(last, m.index);
    refs.push({ number: fromSuperscript(m[0]), at: text.length });
    last = m.index + m[0].length;
  }
  return { text: text + marked.slice(last), refs };
}

/**
 * PDF text glues a footnote number onto the word before it: "arbeidet.3", "overgang til arbeid2",
 * "(landgruppe 31)". A number glued to a lower-case word or closing punctuation is a marker when that
 * footnote exists (or, after a full stop, always). A number glued to a number ("31") is one only when
 * the footnote begins with the words before it ("Landgruppe 3 består …"): footnotes restate what they
 * annotate.
 */
export function markGluedFootnotes(text: string, footnotes: Map<string, string>): string {
  return text.replace(/(?<=^|[\s(])(\S*?)([\p{Ll}.,)»]|\d)(\d{1,2})(?=[\s.,;:)»]|$)/gu, (whole, head: string, last: string, n: string, offset: number) => {
    const footnote = footnotes.get(n);
    if (/\d/.test(last)) {
      const words = `${text.slice(0, offset)}${head}${last}`.trim().split(/\s+/).slice(-2).join(' ').replace(/^\(/, '');
      if (!footnote?.toLowerCase().startsWith(words.toLowerCase())) return whole;
    } else if (/^\d/.test(head) || (!footnote && last !== '.')) return whole;
    return head + last + toSuperscript(n);
  });
}
