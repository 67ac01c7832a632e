/**
 * The Norwegian bokmål word list OCR repair spells against: cspell's bokmål dictionary as a trie, so
 * many variants of a word can be spelled letter by letter at once.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeTrie, encodeITrieToBTrie, type ITrie } from 'cspell-trie-lib';

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
  return (cached ??= openLexicon());
}

/**
 * The dictionary, read anew. The package ships it as text, which takes most of a second to decode;
 * decoded once, it is kept in `cacheDir` in cspell's binary form, which loads in a few hundredths.
 * Where `cacheDir` cannot be written (a read-only image), the text is decoded each time.
 */
export function openLexicon(cacheDir = defaultCacheDir()): Lexicon {
  const trie = readCompiled(cacheDir) ?? compile(cacheDir);
  // Case-sensitive look-ups: cspell's case-insensitive forms also strip accents, so "fa" would pass for "få".
  const has = (word: string) => trie.hasWord(word, true) || trie.hasWord(word.toLowerCase(), true);
  return { has, root: trie.data.getRoot() };
}

const require = createRequire(import.meta.url);
// The package exports only its cspell settings; the trie sits beside them.
const packageDir = dirname(require.resolve('@cspell/dict-nb-no/cspell-ext.json'));

/** Beside the packages, where tools keep what they derive from them. */
function defaultCacheDir(): string {
  return join(packageDir, '..', '..', '.cache', 'styringssok');
}

/**
 * The compiled form is named for the dictionary's version; a cspell that writes another binary format
 * fails to read it, and compiles it anew.
 */
const compiledName = `nb-no-${(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version}.btrie`;

function readCompiled(cacheDir: string): ITrie | undefined {
  try {
    return decodeTrie(readFileSync(join(cacheDir, compiledName)));
  } catch {
    return undefined;
  }
}

function compile(cacheDir: string): ITrie {
  const trie = decodeTrie(gunzipSync(readFileSync(join(packageDir, 'nb.trie.gz'))));
  try {
    const path = join(cacheDir, compiledName);
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a process reading the cache never sees half a file.
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, encodeITrieToBTrie(trie));
    renameSync(partial, path);
  } catch {
    // Not writable here: the text form serves.
  }
  return trie;
}
