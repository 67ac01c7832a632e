/**
 * Sentence boundaries in Norwegian prose, and packing sentences into paragraphs of readable length.
 * Used where the source has no paragraph breaks of its own (page-sized blocks of a web transcript).
 */

/** Abbreviations that end with a full stop inside a sentence. */
const ABBREVIATIONS = new Set(['bl.a', 'f.eks', 'jf', 'dvs', 'nr', 'ca', 'mv', 'mm', 'o.l', 'evt', 'hhv', 'inkl', 'ref', 'kap', 'pkt', 'mill', 'mrd', 'kr', 'tlf', 'ift', 'iht', 'vedr', 'ev', 'st.prp', 'st.meld', 'prop', 'avd', 'ekskl', 'osv', 'pga', 'etc', 'mht']);

/** Split text into sentences; a boundary is `.`/`!`/`?` followed by a space and a capital or a digit. */
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["»”)]?\s+(?=[\p{Lu}«"(])/gu)) {
    const end = m.index + m[0].length;
    const before = text.slice(start, m.index + 1);
    const lastWord = /(\S+)\.$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    // "1. januar", "bl.a. NAV", "kap. 4": a full stop that is not a sentence end.
    if (ABBREVIATIONS.has(lastWord.replace(/^\(/, '')) || /^\d{1,2}$/.test(lastWord) || /^\p{Lu}$/u.test(lastWord)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * Pack consecutive sentences into chunks of about `target` characters, never above `max` unless a
 * single sentence is; such a sentence (usually a flattened table) is cut at word boundaries.
 */
export function packSentences(text: string, target = 700, max = 1100): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text).flatMap((s) => cutAtWords(s, max))) {
    if (current && current.length + sentence.length + 1 > target) {
      chunks.push(current);
      current = sentence;
    } else current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) {
    // A short tail reads better with the chunk before it.
    const last = chunks[chunks.length - 1];
    if (last !== undefined && current.length < target / 3 && last.length + current.length < max) chunks[chunks.length - 1] = `${last} ${current}`;
    else chunks.push(current);
  }
  return chunks;
}

function cutAtWords(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', Math.floor(max * 0.8));
    const at = cut > 0 ? cut : max;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
