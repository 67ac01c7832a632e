/**
 * The analysis an index gives its text and its queries alike: the analyzer's tokens, each law named by
 * its one law term, and hyphen-elided coordinations completed with the words the index knows. Indexing
 * runs it in two passes — the words first, then, knowing every term, the coordinations — and a query in
 * one, against the finished vocabulary: the same steps, so a query meets the text as it was indexed.
 */
import type { Law } from '../model/corpus.js';
import { LawReferences } from '../text/law-references.js';
import { analyze, type Token } from './analyzer.js';
import { completeCoordinations } from './coordinations.js';
import { withLawTerms } from './law-terms.js';

export class TextAnalysis {
  readonly laws: LawReferences<Law>;

  constructor(laws: readonly Law[] = []) {
    this.laws = new LawReferences(laws);
  }

  /** What needs no knowledge of the index: words, numbers, § references and laws. */
  words(text: string): Token[] {
    return withLawTerms(text, analyze(text), this.laws);
  }

  /** The words, with coordinations completed where the index knows (`known`) the parts of the last word. */
  complete(text: string, words: Token[], known: (term: string) => boolean): Token[] {
    return completeCoordinations(text, words, known);
  }

  tokens(text: string, known: (term: string) => boolean): Token[] {
    return this.complete(text, this.words(text), known);
  }
}
