/**
 * Candidates from FlexSearch: the paragraphs (catalog positions) that can match a query — holding every
 * word of some clause's part, or, when the query has clauses that must hold (phrases), every word of
 * each of those — or that carry the tags a filter asks for. Ranking decides among them; this only finds
 * them, by the same rule ranking matches by, so every candidate counted is a hit that can be shown.
 */
import { INDEXED_FIELD, TAG_FIELDS, type ParagraphIndex } from '../indexing/paragraph-index.js';

export interface TagFilter {
  year?: string[];
  topic?: string[];
  type?: string[];
}

/** A query as candidates are found for it: clauses, each a choice of parts, each part the words it needs, each word the terms it may be. */
export interface CandidateQuery {
  clauses: string[][][][];
  /** Clauses that must hold (phrases): with any, a candidate must satisfy all of them; with none, any clause. */
  required: number[];
  /** Terms a candidate must not hold. */
  exclude: string[];
}

/**
 * Each term is looked up on its own and the lists are merged here: a word with a hundred expansions
 * (compounds of "arbeid") costs a hundred lookups, where FlexSearch's own merge would also rank them.
 */
export function findCandidates(index: ParagraphIndex, { clauses, required, exclude }: CandidateQuery, limit: number): number[] {
  const lists = new Map<string, number[]>();
  const holdingTerm = (term: string) => {
    let list = lists.get(term);
    if (!list) lists.set(term, (list = index.search({ query: term, field: INDEXED_FIELD, limit }).flatMap((field) => field.result)));
    return list;
  };
  const holdingAny = (terms: string[]): Set<number> => {
    const ids = new Set<number>();
    for (const term of terms) for (const id of holdingTerm(term)) ids.add(id);
    return ids;
  };
  const holdingPart = (words: string[][]): Set<number> => words.map(holdingAny).reduce(intersect);
  const holdingClause = (parts: string[][][]): Set<number> => parts.map(holdingPart).reduce(union);
  const chosen = required.length ? required.map((k) => holdingClause(clauses[k]!)).reduce(intersect) : clauses.map(holdingClause).reduce(union, new Set<number>());
  const excluded = holdingAny(exclude);
  const result: number[] = [];
  for (const id of chosen) if (!excluded.has(id)) result.push(id);
  return result.length > limit ? result.slice(0, limit) : result;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const id of small) if (large.has(id)) out.add(id);
  return out;
}

function union(a: Set<number>, b: Set<number>): Set<number> {
  for (const id of b) a.add(id);
  return a;
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
