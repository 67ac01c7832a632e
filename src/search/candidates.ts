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

/** Ids as FlexSearch answers them: one list per field or tag. */
type Postings = ArrayLike<number>[];

/** Marks are numbered from here up; past it they start again from zero. */
const MAX_MARK = 2 ** 32 - 2 ** 24;

export class CandidateFinder {
  /**
   * Per paragraph, the last mark that reached it. Unions and intersections mark paragraphs here in one
   * pass over each posting list instead of building sets: at 100× a common word holds thousands.
   */
  private readonly marks: Uint32Array;
  private mark = 0;

  constructor(
    private readonly index: ParagraphIndex,
    size: number,
  ) {
    this.marks = new Uint32Array(size);
  }

  /**
   * The candidates of a query in ascending order, at most `limit`. Each term is looked up on its own and
   * the lists are merged here: a word with a hundred expansions (compounds of "arbeid") costs a hundred
   * lookups, where FlexSearch's own merge would also rank them.
   */
  find({ clauses, required, exclude }: CandidateQuery, limit: number): Int32Array {
    this.begin();
    const lists = new Map<string, Postings>();
    const holding = (term: string) => {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = this.index.search({ query: term, field: INDEXED_FIELD, limit }).map((field) => field.result)));
      return list;
    };
    const ofClause = (parts: string[][][]) => this.inAny(parts.map((words) => this.inEvery(words.map((terms) => terms.flatMap(holding)))));
    const chosen = required.length ? this.inEvery(required.map((k) => [ofClause(clauses[k]!)])) : this.inAny(clauses.map(ofClause));
    return sorted(this.without(chosen, exclude.flatMap(holding)), limit);
  }

  /** Paragraphs carrying every given tag (no text query), in ascending order: browsing by year, topic or type; null without tags. */
  tagged(filter: TagFilter): Int32Array | null {
    const fields = TAG_FIELDS.filter((field) => filter[field]?.length);
    if (fields.length === 0) return null;
    this.begin();
    const size = this.marks.length;
    const carrying = (field: string, tag: string) => this.index.search({ tag: { [field]: tag }, limit: size }).map((group) => group.result);
    return sorted(this.inEvery(fields.map((field) => filter[field]!.flatMap((tag) => carrying(field, tag)))), size);
  }

  private begin(): void {
    if (this.mark < MAX_MARK) return;
    this.marks.fill(0);
    this.mark = 0;
  }

  /** The ids of any of the lists, each once. */
  private inAny(lists: ArrayLike<number>[]): ArrayLike<number> {
    // One term's postings hold each paragraph once already.
    return lists.length === 1 ? lists[0]! : this.marked(lists);
  }

  /** The ids of any of the lists, each once, in the order first met, each marked with a new mark. */
  private marked(lists: ArrayLike<number>[]): number[] {
    const { marks } = this;
    const seen = ++this.mark;
    const out: number[] = [];
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const id = list[i]!;
        if (marks[id] !== seen) {
          marks[id] = seen;
          out.push(id);
        }
      }
    }
    return out;
  }

  /** The ids found in every group — in any list of it — each once: a mark climbs one step per group. */
  private inEvery(groups: Postings[]): ArrayLike<number> {
    const { marks } = this;
    const [first, ...rest] = groups;
    if (!first) return [];
    if (rest.length === 0) return this.inAny(first);
    const found = this.marked(first);
    for (const group of rest) {
      const before = this.mark;
      const after = ++this.mark;
      for (const list of group) {
        for (let i = 0; i < list.length; i++) {
          const id = list[i]!;
          if (marks[id] === before) marks[id] = after;
        }
      }
    }
    const last = this.mark;
    return found.filter((id) => marks[id] === last);
  }

  /** `ids` without those in the lists. */
  private without(ids: ArrayLike<number>, lists: Postings): ArrayLike<number> {
    if (lists.length === 0) return ids;
    const { marks } = this;
    const excluded = ++this.mark;
    for (const list of lists) for (let i = 0; i < list.length; i++) marks[list[i]!] = excluded;
    return Array.prototype.filter.call(ids, (id: number) => marks[id] !== excluded) as number[];
  }
}

/** The ids ascending, at most `limit`: copied, and sorted only when they are not (postings mostly are). */
function sorted(ids: ArrayLike<number>, limit: number): Int32Array {
  const out = new Int32Array(ids.length);
  let ascending = true;
  for (let i = 0; i < ids.length; i++) {
    out[i] = ids[i]!;
    if (i > 0 && out[i]! < out[i - 1]!) ascending = false;
  }
  if (!ascending) out.sort();
  return out.length > limit ? out.subarray(0, limit) : out;
}
