/**
 * Share of the reference's words that the candidate reproduces in order: the two word sequences are
 * aligned, and every reference word in an unchanged run counts as matched. Both sides are read the same
 * way — words compared case-sensitively, punctuation around them dropped, line-end hyphenation re-joined.
 */
import { diffArrays } from 'diff';

export function wordAccuracy(candidate: string, reference: string): { matched: number; words: number; accuracy: number } {
  const ref = words(reference);
  let matched = 0;
  for (const change of diffArrays(words(candidate), ref)) if (!change.added && !change.removed) matched += change.count;
  return { matched, words: ref.length, accuracy: ref.length === 0 ? 1 : matched / ref.length };
}

/** The words of a text, without the punctuation around them. */
export function words(text: string): string[] {
  // A hyphen after a capital or digit belongs to the word ("NAV-\nkontoret"); after a small letter it only split it.
  const joined = text.replace(/(\p{L}|\d)-[ \t]*\n\s*(?=[\p{L}\d])/gu, (_, last: string) =>
    /\p{Lu}|\d/u.test(last) ? `${last}-` : last,
  );
  const out: string[] = [];
  for (const token of joined.split(/\s+/u)) {
    const word = token.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
    if (word) out.push(word);
  }
  return out;
}
