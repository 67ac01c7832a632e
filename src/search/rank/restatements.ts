/**
 * The letters restate themselves: what 2019 said about user involvement, 2024 says again in nearly the
 * same words. Such a pair is a tie in substance, and ties go to the newer letter: when an older
 * paragraph outranks its closest newer restatement (same kind of document, much the same words) and
 * that one matches the query nearly as well, the older one moves to just below it. A newer paragraph
 * that matches clearly less well (fewer occurrences, a missing word) keeps its place.
 */
/** How alike two paragraphs must be to be restatements of each other. */
const RESTATEMENT_SIMILARITY = 0.45;
/** Scores within this share of each other are a tie. */
const TIE = 0.85;
/** Only the head of the list is reordered: that is what people read, and it keeps the cost fixed. */
export const RESTATEMENT_WINDOW = 20;

export interface RestatementContext {
  yearOf(doc: number): number;
  typeOf(doc: number): string;
  similarity(a: number, b: number): number;
}

/** Reorder `ranked` (best first) in place of `scores` so that newer restatements come first. */
export function newestRestatementFirst(ranked: number[], scores: Map<number, number>, context: RestatementContext): number[] {
  const head = ranked.slice(0, RESTATEMENT_WINDOW);
  head.forEach((older, i) => {
    let closest: { doc: number; at: number; similarity: number } | undefined;
    head.forEach((newer, at) => {
      if (context.yearOf(newer) <= context.yearOf(older) || context.typeOf(newer) !== context.typeOf(older)) return;
      const similarity = context.similarity(older, newer);
      if (similarity >= RESTATEMENT_SIMILARITY && similarity > (closest?.similarity ?? 0)) closest = { doc: newer, at, similarity };
    });
    if (closest && closest.at > i && scores.get(closest.doc)! >= TIE * scores.get(older)!) scores.set(older, scores.get(closest.doc)! * (1 - 1e-6));
  });
  return [...head.sort((a, b) => scores.get(b)! - scores.get(a)!), ...ranked.slice(RESTATEMENT_WINDOW)];
}
