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
  for (let i = 0; i < head.length; i++) {
    const older = head[i]!;
    const at = closestRestatement(head, older, context);
    if (at > i && scores.get(head[at]!)! >= TIE * scores.get(older)!) scores.set(older, scores.get(head[at]!)! * (1 - 1e-6));
  }
  return [...head.sort((a, b) => scores.get(b)! - scores.get(a)!), ...ranked.slice(RESTATEMENT_WINDOW)];
}

/** Where in `head` the newer paragraph most like `older` stands, when one is a restatement of it; -1 when none is. */
function closestRestatement(head: number[], older: number, context: RestatementContext): number {
  let closest = -1;
  let best = 0;
  for (let at = 0; at < head.length; at++) {
    const newer = head[at]!;
    if (context.yearOf(newer) <= context.yearOf(older) || context.typeOf(newer) !== context.typeOf(older)) continue;
    const similarity = context.similarity(older, newer);
    if (similarity >= RESTATEMENT_SIMILARITY && similarity > best) {
      best = similarity;
      closest = at;
    }
  }
  return closest;
}
