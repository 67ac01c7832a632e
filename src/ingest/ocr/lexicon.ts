/**
 * The Norwegian bokmål word list OCR repair spells against: cspell's bokmål dictionary as a trie, so
 * many variants of a word can be spelled letter by letter at once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeTrie, type ITrie } from 'cspell-trie-lib';

/** One place in the word list, reached by spelling a prefix letter by letter. */
export interface LexiconNode {
  /** A word ends here. */
  readonly eow: boolean;
  /** The place after one more letter. */
  get(letter: string): LexiconNode | undefined;
}

/** The Norwegian bokmål word list: the words a repaired OCR text may contain. */
export interface Lexicon {
  /** True when the word is Norwegian as written, or in lower case when it starts a sentence or shouts. */
  has(word: string): boolean;
  /** The word list as a case-sensitive trie, for spelling many variants of a word at once. */
  readonly root: LexiconNode;
}

let cached: Lexicon | undefined;

/** The cspell bokmål dictionary (≈1.3 M word forms incl. compounds), loaded once per process. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  // The package exports only its cspell settings; the trie sits beside them.
  const settings = createRequire(import.meta.url).resolve('@cspell/dict-nb-no/cspell-ext.json');
  const path = join(dirname(settings), 'nb.trie.gz');
  const trie: ITrie = decodeTrie(gunzipSync(readFileSync(path)));
  // Case-sensitive look-ups: cspell's case-insensitive forms also strip accents, so "fa" would pass for "få".
  const has = (word: string) => trie.hasWord(word, true) || trie.hasWord(word.toLowerCase(), true);
  cached = { has, root: trie.data.getRoot() };
  return cached;
}
