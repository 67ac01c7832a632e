import FlexSearch from 'flexsearch';
import type { Entry } from './catalog.js';
import { FIELDS } from './forward-index.js';
import { all, then, type MaybePromise } from './maybe-promise.js';
import type { AnalysedFields } from './ranking-data.js';

const { Document, Encoder } = FlexSearch;

/**
 * The FlexSearch 0.8 Document index: one indexed field holding the terms of a paragraph's text, heading
 * and section title, and year, topic and type as tags. FlexSearch finds the candidates — paragraphs
 * holding a query term anywhere — and the ranking reads each field from the forward index, so one field
 * answers with one lookup per term. Terms are handed to FlexSearch already analysed (the project's
 * analyzer, separated by spaces) and its encoder only splits them, so FlexSearch stores exactly the terms
 * the ranking reasons about, and a term from the vocabulary queried back means itself.
 */
export const INDEXED_FIELD = 'terms';
export const TAG_FIELDS = ['year', 'topic', 'type'] as const;

export interface TagFilter {
  year?: string[];
  topic?: string[];
  type?: string[];
}

/** A paragraph's FlexSearch id: its catalog position in memory, its paragraph id in a database. */
export type ParagraphKey = number | string;

export interface IndexedParagraph {
  id: ParagraphKey;
  terms: string;
  year: string;
  topic: string[];
  type: string;
  [key: string]: string | number | string[];
}

/** The part of FlexSearch's Document API this project uses (its generic typings are unwieldy). */
export interface DocumentIndex {
  add(paragraph: IndexedParagraph): unknown;
  search(options: object): unknown;
  export(handler: (key: string, data: string) => void | Promise<void>): Promise<void>;
  import(key: string, data: string): unknown;
  remove(id: ParagraphKey): unknown;
  /** Put the index on a database through one of FlexSearch's storage adapters. */
  mount(adapter: unknown): Promise<void>;
  /** Write the changes since the last commit to the database. */
  commit(): Promise<void>;
}

/** A Document index mounted on a database: it answers with promises, and its ids are paragraph ids. */
export type MountedIndex = DocumentIndex & { db: unknown };

export function createDocumentIndex(): DocumentIndex {
  // The analyzer has done all normalisation; FlexSearch only splits its terms on spaces.
  const encoder = new Encoder({ normalize: false, dedupe: false, numeric: false, cache: false, maxlength: 1 << 20, split: /\s+/ } as never);
  return new Document({
    tokenize: 'strict',
    encoder,
    document: { id: 'id', index: [INDEXED_FIELD], tag: [...TAG_FIELDS] },
  } as never) as unknown as DocumentIndex;
}

/** What FlexSearch indexes of one paragraph: its distinct terms and its tags. */
export function indexedParagraph(id: ParagraphKey, entry: Entry, fields: AnalysedFields): IndexedParagraph {
  const terms = new Set<string>();
  for (const field of FIELDS) for (const token of fields[field]) if (!token.stop) terms.add(token.term);
  return {
    id,
    terms: [...terms].join(' '),
    year: String(entry.year),
    topic: entry.topics,
    type: entry.type,
  };
}

/**
 * Paragraphs holding any of `include` and none of `exclude`, in any field. With `required` (the words of
 * a phrase the query must contain, each as the terms it may match), only paragraphs holding every one of
 * those words: a phrase like "dialogmøte 2" need not bring every paragraph with a 2 to the ranker.
 * Each term is looked up on its own and the lists are merged here: a word with a hundred expansions
 * (compounds of "arbeid") costs a hundred lookups, where FlexSearch's own merge would also rank them.
 */
export function findCandidates(index: MountedIndex, include: string[], exclude: string[], limit: number, required?: string[][]): MaybePromise<ParagraphKey[]>;
export function findCandidates(index: DocumentIndex, include: string[], exclude: string[], limit: number, required?: string[][]): number[];
export function findCandidates(index: DocumentIndex, include: string[], exclude: string[], limit: number, required: string[][] = []): MaybePromise<ParagraphKey[]> {
  if (include.length === 0) return [];
  const holdingAny = (terms: string[]) =>
    then(all(terms.map((term) => index.search({ query: term, field: INDEXED_FIELD, limit }) as MaybePromise<{ result: ParagraphKey[] }[]>)), (lists) => {
      const found = lists.flatMap((fields) => fields.map((field) => field.result));
      // One term's list has each paragraph once already.
      if (found.length === 1) return found[0]!;
      const ids = new Set<ParagraphKey>();
      for (const list of found) for (const id of list) ids.add(id);
      return [...ids];
    });
  const groups = required.length ? required : [include];
  return then(all([...groups.map(holdingAny), holdingAny(exclude)]), (lists) => {
    const excluded = new Set(lists.pop());
    let result = lists[0]!;
    if (excluded.size) result = result.filter((id) => !excluded.has(id));
    for (const list of lists.slice(1)) {
      const present = new Set(list);
      result = result.filter((id) => present.has(id));
    }
    return result.length > limit ? result.slice(0, limit) : result;
  });
}

/** Paragraphs carrying every given tag (no text query): browsing by year, topic or type. */
export function findTagged(index: MountedIndex, filter: TagFilter, limit: number): MaybePromise<ParagraphKey[] | null>;
export function findTagged(index: DocumentIndex, filter: TagFilter, limit: number): number[] | null;
export function findTagged(index: DocumentIndex, filter: TagFilter, limit: number): MaybePromise<ParagraphKey[]> | null {
  const tags = TAG_FIELDS.flatMap((field) => (filter[field]?.length ? [{ field, values: filter[field]! }] : []));
  if (tags.length === 0) return null;
  const found = tags.map(({ field, values }) => all(values.map((tag) => index.search({ tag: { [field]: tag }, limit }) as MaybePromise<{ result: ParagraphKey[] }[]>)));
  return then(all(found), (fields) => {
    let result: Set<ParagraphKey> | undefined;
    for (const groups of fields) {
      const ids = new Set(groups.flat().flatMap((group) => group.result));
      const previous: Set<ParagraphKey> | undefined = result;
      result = previous ? new Set([...previous].filter((id) => ids.has(id))) : ids;
    }
    return [...(result ?? [])];
  });
}

/** Candidate paragraphs as catalog positions, whichever kind of index finds them. */
export interface CandidateFinder {
  readonly index: DocumentIndex;
  find(include: string[], exclude: string[], limit: number, required?: string[][]): MaybePromise<number[]>;
  tagged(filter: TagFilter, limit: number): MaybePromise<number[] | null>;
}

export function memoryFinder(index: DocumentIndex): CandidateFinder {
  return { index, find: (include, exclude, limit, required) => findCandidates(index, include, exclude, limit, required), tagged: (filter, limit) => findTagged(index, filter, limit) };
}

export function mountedFinder(index: MountedIndex, position: (id: ParagraphKey) => number | undefined): CandidateFinder {
  // The database may already hold paragraphs of an ingest this server has not loaded yet: those wait.
  const positions = (ids: ParagraphKey[]) => ids.map(position).filter((p): p is number => p !== undefined);
  return {
    index,
    find: (include, exclude, limit, required) => then(findCandidates(index, include, exclude, limit, required), positions),
    tagged: (filter, limit) => then(findTagged(index, filter, limit), (ids) => ids && positions(ids)),
  };
}
