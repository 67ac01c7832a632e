/**
 * Building the index of a corpus: the catalog of its paragraphs, each paragraph's fields analysed once —
 * into the forward index and vocabulary the ranking reads, and into FlexSearch, which finds candidates.
 * Building does no I/O; the stores keep what it makes (see serialize.ts).
 */
import type { Corpus } from '../model/corpus.js';
import type { Token } from './analyzer.js';
import { Catalog, type Entry } from './catalog.js';
import { FIELDS, ForwardIndex, type Field } from './forward-index.js';
import { createParagraphIndex, indexedParagraph, type ParagraphIndex } from './paragraph-index.js';
import { TextAnalysis } from './text-analysis.js';
import { Thesaurus } from './thesaurus.js';
import { Vocabulary } from './vocabulary.js';

/** Everything a search engine reads. */
export interface SearchIndex extends IndexLanguage {
  catalog: Catalog;
  paragraphs: ParagraphIndex;
  forward: ForwardIndex;
  vocabulary: Vocabulary;
}

/** How an index reads text and queries: its analysis, and the words it takes to mean the same. */
export interface IndexLanguage {
  analysis: TextAnalysis;
  thesaurus: Thesaurus;
}

/** The ranked fields of a paragraph: its text, its heading and its section's number and title. */
export function fieldTexts(entry: Entry): Record<Field, string> {
  return { text: entry.text, heading: entry.heading ?? '', title: `${entry.section} ${entry.sectionTitle}` };
}

export function buildIndex(corpus: Corpus): SearchIndex {
  const catalog = new Catalog(corpus);
  const analysis = new TextAnalysis(corpus.laws);
  const texts = catalog.entries.map(fieldTexts);
  // Two passes: coordinations are completed with words the whole corpus knows. A heading and a section
  // title stand over many paragraphs: each is analysed once.
  const wordsOf = byField((text) => analysis.words(text));
  const words = texts.map((fields) => mapFields(fields, (text, field) => wordsOf[field](text)));
  const known = new Set<string>();
  for (const fields of words) for (const field of FIELDS) for (const token of fields[field]) if (!token.stop) known.add(token.term);
  const isKnown = (term: string) => known.has(term);
  const completeOf = byField((text, tokens: Token[]) => analysis.complete(text, tokens, isKnown));
  const paragraphs = createParagraphIndex();
  const analysed = words.map((fields, position) => {
    const complete = mapFields(fields, (tokens, field) => completeOf[field](texts[position]![field], tokens));
    paragraphs.add(indexedParagraph(position, catalog.entries[position]!, FIELDS.map((field) => complete[field])));
    return complete;
  });
  const vocabulary = Vocabulary.empty();
  const forward = ForwardIndex.build(analysed, vocabulary);
  return { catalog, paragraphs, forward, vocabulary, ...indexLanguage(corpus, vocabulary, analysis) };
}

/** The language of an index built from `corpus`, once its vocabulary is known (built or loaded). */
export function indexLanguage(corpus: Corpus, vocabulary: Vocabulary, analysis = new TextAnalysis(corpus.laws)): IndexLanguage {
  const known = (term: string) => vocabulary.termIds.has(term);
  return { analysis, thesaurus: new Thesaurus(Thesaurus.groupsOf(corpus), (text) => analysis.tokens(text, known)) };
}

/**
 * `analyse` per field: for the text as it is, for a heading or title remembered by its text (its
 * tokens, like its text, are then shared by the paragraphs under it, and never changed).
 */
function byField<A extends unknown[]>(analyse: (text: string, ...rest: A) => Token[]): Record<Field, (text: string, ...rest: A) => Token[]> {
  const remembered = (): ((text: string, ...rest: A) => Token[]) => {
    const seen = new Map<string, Token[]>();
    return (text, ...rest) => {
      let tokens = seen.get(text);
      if (!tokens) seen.set(text, (tokens = analyse(text, ...rest)));
      return tokens;
    };
  };
  return { text: analyse, heading: remembered(), title: remembered() };
}

function mapFields<A, B>(fields: Record<Field, A>, f: (value: A, field: Field) => B): Record<Field, B> {
  return { text: f(fields.text, 'text'), heading: f(fields.heading, 'heading'), title: f(fields.title, 'title') };
}
