import type { Catalog, Entry } from './catalog.js';
import { analyze, type Token } from './analyzer.js';
import { ForwardIndex, type Field } from './forward-index.js';
import { Vocabulary } from './vocabulary.js';

/**
 * What ranking reads besides the catalog — the forward index and the vocabulary — built from every
 * paragraph's analysed fields. Each paragraph is analysed once: `visit` gets the same fields to hand to
 * FlexSearch (all of them in memory, only the changed documents' when a database is updated).
 */
export interface RankingData {
  forward: ForwardIndex;
  vocabulary: Vocabulary;
}

export type AnalysedFields = Record<Field, Token[]>;

/** The ranked fields of a paragraph: its text, its heading and its section's number and title. */
export function analyseFields(entry: Entry): AnalysedFields {
  return { text: analyze(entry.text), heading: analyze(entry.heading ?? ''), title: analyze(`${entry.section} ${entry.sectionTitle}`) };
}

export function analyseCatalog(catalog: Catalog, visit: (position: number, entry: Entry, fields: AnalysedFields) => void): RankingData {
  const vocabulary = Vocabulary.empty();
  const analysed = catalog.entries.map((entry, position) => {
    const fields = analyseFields(entry);
    visit(position, entry, fields);
    return fields;
  });
  return { forward: ForwardIndex.build(analysed, vocabulary), vocabulary };
}
