/**
 * What OCR repair and line-end hyphenation know of the language: the word list, and the corpus's clean
 * sources as a language model and a set of known words.
 */
import { isScanned } from '../../model/corpus.js';
import type { ReadSource } from '../read/read-source.js';
import { LanguageModel } from './language-model.js';
import { loadLexicon, type Lexicon } from './lexicon.js';

export interface Language {
  lexicon: Lexicon;
  model: LanguageModel;
  /** A word the corpus or the lexicon knows, as written or in lower case. */
  isWord: (word: string) => boolean;
}

/** The language of the clean sources among `sources` (a scan teaches nothing). */
export function languageOf(sources: ReadSource[]): Language {
  const cleanTexts = sources.filter((s) => !isScanned(s.kind)).map((s) => s.text);
  const lexicon = loadLexicon();
  return { lexicon, model: LanguageModel.fromTexts(cleanTexts), isWord: knownWords(cleanTexts, lexicon) };
}

function knownWords(texts: string[], lexicon: Lexicon): (word: string) => boolean {
  const words = new Set<string>();
  for (const text of texts) for (const w of text.match(/[\p{L}\d]+(?:-[\p{L}\d]+)*/gu) ?? []) words.add(w.toLowerCase());
  return (word) => words.has(word.toLowerCase()) || lexicon.has(word);
}
