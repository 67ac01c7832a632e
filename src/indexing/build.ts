/**
 * Building the index of a corpus: the catalog of its paragraphs, each paragraph's fields analysed once —
 * into the forward index and vocabulary the ranking reads, and into FlexSearch, which finds candidates.
 * Building does no I/O; the stores keep what it makes (see serialize.ts).
 */
import type { Corpus } from '../model/corpus.js';
import { analyze, type Token } from './analyzer.js';
import { Catalog, type Entry } from './catalog.js';
import { FIELDS, ForwardIndex, type Field } from './forward-index.js';
import { createParagraphIndex, indexedParagraph, type ParagraphIndex } from './paragraph-index.js';
import { Vocabulary } from './vocabulary.js';

/** Everything a search engine reads. */
export interface SearchIndex {
  catalog: Catalog;
  paragraphs: ParagraphIndex;
  forward: ForwardIndex;
  vocabulary: Vocabulary;
}

export type AnalysedFields = Record<Field, Token[]>;

/** The ranked fields of a paragraph: its text, its heading and its section's number and title. */
export function analyseFields(entry: Entry): AnalysedFields {
  return { text: analyze(entry.text), heading: analyze(entry.heading ?? ''), title: analyze(`${entry.section} ${entry.sectionTitle}`) };
}

export function buildIndex(corpus: Corpus): SearchIndex {
  const catalog = new Catalog(corpus);
  const paragraphs = createParagraphIndex();
  const vocabulary = Vocabulary.empty();
  const analysed = catalog.entries.map((entry, position) => {
    const fields = analyseFields(entry);
    paragraphs.add(indexedParagraph(position, entry, FIELDS.map((field) => fields[field])));
    return fields;
  });
  return { catalog, paragraphs, forward: ForwardIndex.build(analysed, vocabulary), vocabulary };
}
