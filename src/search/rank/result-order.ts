/**
 * The order of a result list: scores with the recency prior, block diversity, and the shortcut that
 * leaves old letters unscored once they cannot reach the part of the list that is shown.
 */
import type { Catalog, Entry } from '../../indexing/catalog.js';
import { recencyPrior } from './ranker.js';

const DIVERSITY = 0.85;

/**
 * The hits in order, exact for the `needed` best. Hits are scored newest letters first; as the recency
 * prior only shrinks with age and no paragraph scores above `bound`, scoring stops as soon as `needed`
 * hits outscore anything the older letters could reach. Large archives of old letters are then mostly
 * counted (for the total and facets), not scored. Writes the final scores to `scores`.
 */
export function rankTop(
  hits: ArrayLike<number>,
  catalog: Catalog,
  score: (doc: number) => number | null,
  bound: number,
  needed: number,
  scores: Map<number, number>,
): number[] {
  const { entries } = catalog;
  // Year numbers count from the newest year: they are the years' ranks by recency.
  const { values: years, of: yearRank } = catalog.facetCodes.year;
  const newest = catalog.newestYear;
  // Hits by year, newest first: a counting sort on each entry's year rank.
  const starts = new Int32Array(years.length + 1);
  for (let i = 0; i < hits.length; i++) starts[yearRank[hits[i]!]! + 1]!++;
  for (let r = 0; r < years.length; r++) starts[r + 1]! += starts[r]!;
  const byYear = new Int32Array(hits.length);
  const next = starts.slice(0, years.length);
  for (let i = 0; i < hits.length; i++) byYear[next[yearRank[hits[i]!]!]!++] = hits[i]!;
  const scored: number[] = [];
  // The `needed` best scores so far, best first: the stopping test reads the last of them.
  const best: number[] = [];
  for (let k = 0; k < years.length; k++) {
    if (starts[k] === starts[k + 1]) continue;
    const prior = recencyPrior(years[k]!, newest);
    for (let i = starts[k]!; i < starts[k + 1]!; i++) {
      const doc = byYear[i]!;
      const raw = score(doc);
      if (raw === null) continue;
      const s = raw * prior;
      scores.set(doc, s);
      scored.push(doc);
      if (best.length < needed || s > best[best.length - 1]!) {
        best.splice(insertionPoint(best, s), 0, s);
        if (best.length > needed) best.pop();
      }
    }
    if (starts[k + 1] === hits.length || best.length < needed) continue;
    // Diversity only lowers scores, so hits above the ceiling keep their exact place.
    const ceiling = bound * recencyPrior(years[k + 1]!, newest);
    if (best[needed - 1]! <= ceiling) continue;
    // A hit's discount depends only on the hits ranked above it, so those above the ceiling decide alone.
    const above = discounted(scored.filter((doc) => scores.get(doc)! > ceiling), entries, scores);
    if (above.filter((hit) => hit.score > ceiling).length < needed) continue;
    return diversify(scored, entries, scores);
  }
  return diversify(scored, entries, scores);
}

/** Where `score` goes in a list sorted best first. */
function insertionPoint(sorted: number[], score: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! >= score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One matter often fills a block of many paragraphs; a list of results is more useful when it also
 * reaches other blocks and years. Each further hit from a block already shown counts DIVERSITY times
 * less than the one before it, and the list is re-sorted by those discounted scores (written to `scores`).
 */
function diversify(hits: number[], entries: Entry[], scores: Map<number, number>): number[] {
  const ranked = discounted(hits, entries, scores);
  for (const hit of ranked) scores.set(hit.doc, hit.score);
  return ranked.map((hit) => hit.doc);
}

interface Scored {
  doc: number;
  score: number;
  year: number;
}

/** The hits with their scores discounted for diversity, best first. */
function discounted(hits: number[], entries: Entry[], scores: Map<number, number>): Scored[] {
  // Sorting reads scores from an array: thousands of candidates, a dozen comparisons each.
  const scored = hits.map((doc) => ({ doc, score: scores.get(doc)!, year: entries[doc]!.year }));
  scored.sort(bestFirst);
  const seen = new Map<number, number>();
  for (const hit of scored) {
    const block = entries[hit.doc]!.block;
    const n = seen.get(block) ?? 0;
    seen.set(block, n + 1);
    if (n > 0) hit.score *= DIVERSITY ** n;
  }
  return scored.sort(bestFirst);
}

function bestFirst(a: Scored, b: Scored): number {
  return b.score - a.score || b.year - a.year || a.doc - b.doc;
}
