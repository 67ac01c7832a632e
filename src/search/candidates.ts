/**
 * Candidates from FlexSearch: the paragraphs (catalog positions) that hold a query's terms, or carry
 * the tags a filter asks for. Ranking decides among them; this only finds them.
 */
import { INDEXED_FIELD, TAG_FIELDS, type ParagraphIndex } from '../indexing/paragraph-index.js';

export interface TagFilter {
  year?: string[];
  topic?: string[];
  type?: string[];
}

/**
 * Paragraphs holding any of `include` and none of `exclude`, in any field. With `required` (the words of
 * a phrase the query must contain, each as the terms it may match), only paragraphs holding every one of
 * those words: a phrase like "dialogmøte 2" need not bring every paragraph with a 2 to the ranker.
 * Each term is looked up on its own and the lists are merged here: a word with a hundred expansions
 * (compounds of "arbeid") costs a hundred lookups, where FlexSearch's own merge would also rank them.
 */
export function findCandidates(index: ParagraphIndex, include: string[], exclude: string[], limit: number, required: string[][] = []): number[] {
  if (include.length === 0) return [];
  const holdingAny = (terms: string[]) => {
    const found = terms.flatMap((term) => index.search({ query: term, field: INDEXED_FIELD, limit }).map((field) => field.result));
    // One term's list has each paragraph once already.
    if (found.length === 1) return found[0]!;
    const ids = new Set<number>();
    for (const list of found) for (const id of list) ids.add(id);
    return [...ids];
  };
  const lists = (required.length ? required : [include]).map(holdingAny);
  const excluded = new Set(holdingAny(exclude));
  let result = lists[0]!;
  if (excluded.size) result = result.filter((id) => !excluded.has(id));
  for (const list of lists.slice(1)) {
    const present = new Set(list);
    result = result.filter((id) => present.has(id));
  }
  return result.length > limit ? result.slice(0, limit) : result;
}

/** Paragraphs carrying every given tag (no text query): browsing by year, topic or type; null without tags. */
export function findTagged(index: ParagraphIndex, filter: TagFilter, limit: number): number[] | null {
  const tags = TAG_FIELDS.flatMap((field) => (filter[field]?.length ? [{ field, values: filter[field]! }] : []));
  if (tags.length === 0) return null;
  let result: Set<number> | undefined;
  for (const { field, values } of tags) {
    const ids = new Set(values.flatMap((tag) => index.search({ tag: { [field]: tag }, limit }).flatMap((group) => group.result)));
    result = result ? new Set([...result].filter((id) => ids.has(id))) : ids;
  }
  return [...(result ?? [])];
}
