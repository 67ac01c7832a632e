/**
 * Twins are two sources of one letter (a clean text and a scan). They share type and year and nearly
 * all their words; two different letters of one year would not.
 */
import { foldedWords } from '../../text/fold.js';
import { cosine } from '../../text/similarity.js';

export const TWIN_SIMILARITY = 0.8;

/** Cosine similarity of the folded word counts of two texts. */
export function textSimilarity(a: string, b: string): number {
  return cosine(counts(foldedWords(a)), counts(foldedWords(b)));
}

/**
 * For each paragraph of the secondary source, the index of the canonical paragraph it matches (Dice
 * overlap of folded word sets ≥ 0.6), or -1. Candidates come from an inverted index of rare words.
 */
export function alignParagraphs(canonical: string[], secondary: string[], threshold = 0.6): number[] {
  const sets = canonical.map((t) => new Set(foldedWords(t)));
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const w of set) postings.set(w, [...(postings.get(w) ?? []), i]);
  });
  return secondary.map((text) => {
    const words = new Set(foldedWords(text));
    const votes = new Map<number, number>();
    for (const w of words) for (const i of postings.get(w) ?? []) votes.set(i, (votes.get(i) ?? 0) + 1);
    let best = -1;
    let bestScore = threshold;
    for (const [i, shared] of votes) {
      const score = (2 * shared) / (words.size + sets[i]!.size);
      if (score >= bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  });
}

function counts(words: string[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const w of words) c.set(w, (c.get(w) ?? 0) + 1);
  return c;
}
