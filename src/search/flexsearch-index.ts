import FlexSearch from 'flexsearch';
import type { Entry } from './catalog.js';
import { terms } from './analyzer.js';

const { Document, Encoder, Resolver } = FlexSearch;

/**
 * The FlexSearch 0.8 Document index: paragraph text, heading and section title as indexed fields,
 * year, topic and type as tags. Its encoder is the project's analyzer, so FlexSearch stores exactly the
 * terms the ranking reasons about; because the analyzer is idempotent, a term found in the vocabulary
 * can be handed back to FlexSearch as a query and means itself.
 */
export const INDEXED_FIELDS = ['text', 'heading', 'title'] as const;
export const TAG_FIELDS = ['year', 'topic', 'type'] as const;

export interface TagFilter {
  year?: string[];
  topic?: string[];
  type?: string[];
}

export interface IndexedParagraph {
  id: number;
  text: string;
  heading: string;
  title: string;
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
}

export function createDocumentIndex(): DocumentIndex {
  const encoder = new Encoder({
    // The analyzer does all normalisation; FlexSearch only splits its output on spaces.
    normalize: false,
    dedupe: false,
    numeric: false,
    cache: false,
    maxlength: 1 << 20,
    prepare: (text: string) => terms(text).join(' '),
  });
  return new Document({
    tokenize: 'strict',
    encoder,
    document: { id: 'id', index: [...INDEXED_FIELDS], tag: [...TAG_FIELDS] },
  } as never) as unknown as DocumentIndex;
}

/** What FlexSearch indexes of one paragraph. */
export function indexedParagraph(id: number, entry: Entry): IndexedParagraph {
  return {
    id,
    text: entry.text,
    heading: entry.heading ?? '',
    title: `${entry.section} ${entry.sectionTitle}`.trim(),
    year: String(entry.year),
    topic: entry.topics,
    type: entry.type,
  };
}

/** Paragraphs holding any of `include` in any field and none of `exclude`. */
export function findCandidates(index: DocumentIndex, include: string[], exclude: string[], limit: number): number[] {
  if (include.length === 0) return [];
  const query = include.join(' ');
  let resolver = new Resolver({ index, query, field: INDEXED_FIELDS[0], suggest: true } as never) as unknown as ResolverChain;
  for (const field of INDEXED_FIELDS.slice(1)) resolver = resolver.or({ index, query, field, suggest: true });
  if (exclude.length) {
    const excluded = exclude.join(' ');
    for (const field of INDEXED_FIELDS) resolver = resolver.not({ index, query: excluded, field, suggest: true });
  }
  return resolver.resolve({ limit }) as number[];
}

/** Paragraphs carrying every given tag (no text query): browsing by year, topic or type. */
export function findTagged(index: DocumentIndex, filter: TagFilter, limit: number): number[] | null {
  const tags = TAG_FIELDS.flatMap((field) => (filter[field]?.length ? [{ field, values: filter[field]! }] : []));
  if (tags.length === 0) return null;
  let result: Set<number> | undefined;
  for (const { field, values } of tags) {
    const ids = new Set<number>();
    for (const tag of values) {
      const found = index.search({ tag: { [field]: tag }, limit }) as { result: number[] }[];
      for (const group of found) for (const id of group.result) ids.add(id);
    }
    const previous: Set<number> | undefined = result;
    result = previous ? new Set([...previous].filter((id) => ids.has(id))) : ids;
  }
  return [...(result ?? [])];
}

interface ResolverChain {
  or(options: object): ResolverChain;
  not(options: object): ResolverChain;
  resolve(options: object): unknown;
}
