/**
 * The FlexSearch 0.8 Document index: one indexed field holding the terms of a paragraph's text, heading
 * and section title, and year, topic and type as tags. FlexSearch finds the candidates — paragraphs
 * holding a query term anywhere — and the ranking reads each field from the forward index, so one field
 * answers with one lookup per term. Terms are handed to FlexSearch already analysed (the project's
 * analyzer, separated by spaces) and its encoder only splits them, so FlexSearch stores exactly the terms
 * the ranking reasons about, and a term from the vocabulary queried back means itself.
 */
import FlexSearch from 'flexsearch';
import type { Token } from './analyzer.js';
import type { Entry } from './catalog.js';

const { Document } = FlexSearch;

export const INDEXED_FIELD = 'terms';
export const TAG_FIELDS = ['year', 'topic', 'type'] as const;

/** A paragraph as FlexSearch indexes it: its catalog position as id, its distinct terms, its tags. */
export interface IndexedParagraph {
  id: number;
  terms: string;
  year: string;
  topic: string[];
  type: string;
  [key: string]: string | number | string[];
}

/** The part of FlexSearch's Document API this project uses (its generic typings are unwieldy). */
export interface ParagraphIndex {
  add(paragraph: IndexedParagraph): unknown;
  search(options: object): { result: number[] }[];
  export(handler: (key: string, data: string) => void): Promise<void>;
  import(key: string, data: string): unknown;
}

export function createParagraphIndex(): ParagraphIndex {
  return new Document({
    tokenize: 'strict',
    // It finds candidates only: its ranking by position is never read, so one bucket holds every term.
    resolution: 1,
    encode: splitTerms,
    document: { id: 'id', index: [INDEXED_FIELD], tag: [...TAG_FIELDS] },
  } as never) as unknown as ParagraphIndex;
}

/**
 * FlexSearch's encoder, in place of its own: the analyzer has done all normalisation, and a paragraph's
 * terms come distinct, separated by single spaces (see indexedParagraph), a query's one at a time.
 */
function splitTerms(terms: string): string[] {
  return terms ? terms.split(' ') : [];
}

/** What FlexSearch indexes of one paragraph: the distinct terms of all its analysed fields, and its tags. */
export function indexedParagraph(position: number, entry: Entry, fields: Iterable<Token[]>): IndexedParagraph {
  const terms = new Set<string>();
  for (const field of fields) for (const token of field) if (!token.stop) terms.add(token.term);
  return {
    id: position,
    terms: [...terms].join(' '),
    year: String(entry.year),
    topic: entry.topics,
    type: entry.type,
  };
}
