import type { LanguageModel } from './language-model.js';
import { COMPOUND_MARK, type Lexicon, type LexiconNode } from './lexicon.js';

/** A word an OCR'd token may stand for, and how likely OCR was to write the token for it. */
export interface Spelling {
  /** The word with the token's capitalisation. */
  text: string;
  /** Log-probability of the misreadings that turn the word into the token (0: as written). */
  cost: number;
  /** Where the word is known from: the word list, a compound of its words, or the corpus only. */
  kind: 'listed' | 'compound' | 'corpus';
}

/** A letter OCR lost and what it wrote instead, with the estimated probability of that misreading. */
interface Misreading {
  written: string;
  meant: string;
  probability: number;
}

const LOWER_CASE: Misreading[] = [
  // The scanner has no æ, ø or å: each comes out as a look-alike.
  ...['g', 'e', 'o', 'a', 'p', '@'].map((written) => ({ written, meant: 'ø', probability: written === 'g' ? 0.5 : 0.1 })),
  ...['a', '3', '8', '&', 'd'].map((written) => ({ written, meant: 'å', probability: written === 'a' ? 0.6 : 0.1 })),
  ...['ae', 'ee', 'ze', 'eae'].map((written) => ({ written, meant: 'æ', probability: written === 'ae' ? 0.4 : 0.2 })),
  // Thin strokes: a small l read as capital I or a pipe.
  { written: 'I', meant: 'l', probability: 0.03 },
  { written: '|', meant: 'l', probability: 0.03 },
];

/** The same misreadings of capitals, and the capital I read as a pipe. */
const MISREADINGS: Misreading[] = [
  ...LOWER_CASE,
  ...LOWER_CASE.filter((m) => m.meant !== 'l' && /\p{L}/u.test(m.written)).flatMap((m) => {
    const capital = m.written.charAt(0).toUpperCase() + m.written.slice(1);
    return [...new Set([capital, m.written.toUpperCase()])].map((written) => ({ ...m, written, meant: m.meant.toUpperCase() }));
  }),
  { written: '|', meant: 'I', probability: 0.3 },
];

/** A letter lost without trace: the word is split where it stood, or just closes up. */
const LOST = { letters: ['ø', 'å', 'æ'], probability: 0.01 };

/** Stands in the token for a line-end hyphen that split the word: kept in place, spelling goes on. */
export const LINE_BREAK = '\u00ad';

/** Parts of a compound shorter than this are more likely chance than a word. */
const MIN_PART = 3;
const MAX_PARTS = 3;
/** Norwegian joins compound parts directly or with a linking s or e. */
const LINKS = ['', 's', 'e'];
/** More misreadings than this in one word are never worth their cost. */
const MAX_MISREADINGS = 5;

const corpusTries = new WeakMap<LanguageModel, LexiconNode>();

/**
 * The words a token may stand for: every way of undoing the misreadings that spells a word of the word
 * list (also as a compound) or of the corpus. A space in the token is a letter lost where the word split;
 * with `lostLetter`, one lost letter may also be put back anywhere. `LINE_BREAK` marks where a line-end
 * hyphen divides the token; it stays in the spelling. The token itself is included when it is a word.
 */
export function ocrSpellings(token: string, lexicon: Lexicon, model: LanguageModel, lostLetter = false): Spelling[] {
  const corpus = corpusTrie(model);
  const compoundRoot = lexicon.root.get(COMPOUND_MARK);
  const shouts = token.length > 1 && /\p{Lu}/u.test(token) && !/\p{Ll}/u.test(token);
  const found = new Map<string, Spelling>();

  interface State {
    /** Node of the lower-cased spelling, of the spelling as cased, and in the corpus. */
    lower?: LexiconNode | undefined;
    cased?: LexiconNode | undefined;
    corpus?: LexiconNode | undefined;
    parts: number;
    partLength: number;
  }

  const step = (s: State, letter: string): State | undefined => {
    const low = letter.toLowerCase();
    const next = { lower: s.lower?.get(low), cased: s.cased?.get(letter), corpus: s.corpus?.get(low), parts: s.parts, partLength: s.partLength + 1 };
    return next.lower || next.cased || next.corpus ? next : undefined;
  };

  const record = (s: State, text: string, cost: number) => {
    const kind =
      s.parts === 0 && (s.lower?.eow || s.cased?.eow)
        ? 'listed'
        : s.corpus?.eow
          ? 'corpus'
          : s.parts > 0 && s.lower?.eow && s.partLength >= MIN_PART
            ? 'compound'
            : undefined;
    if (!kind) return;
    const cased = shouts ? text.toUpperCase() : text;
    const known = found.get(cased);
    if (!known || known.cost < cost) found.set(cased, { text: cased, cost, kind });
  };

  const walk = (s: State, at: number, text: string, cost: number, misread: number, lost: number) => {
    if (at === token.length) record(s, text, cost);
    if (misread > MAX_MISREADINGS) return;
    const char = token.charAt(at);
    if (char === LINE_BREAK) return walk(s, at + 1, text + char, cost, misread, lost);
    if (at < token.length && char !== ' ') {
      const next = step(s, char);
      if (next) walk(next, at + 1, text + char, cost, misread, lost);
    }
    for (const m of MISREADINGS) {
      if (!token.startsWith(m.written, at)) continue;
      // A symbol read for a letter has no case of its own: capital in a shouted word, and "@" is the
      // look-alike of a capital Ø at the start of a word.
      const capital = /\p{L}/u.test(m.written) ? false : shouts || (m.written === '@' && at === 0);
      const meant = capital ? m.meant.toUpperCase() : m.meant;
      const next = step(s, meant);
      if (next) walk(next, at + m.written.length, text + meant, cost + Math.log(m.probability), misread + 1, lost);
    }
    if (char === ' ' || (lostLetter && lost === 0)) {
      for (const letter of LOST.letters) {
        const meant = shouts ? letter.toUpperCase() : letter;
        const next = step(s, meant);
        if (next) walk(next, at + (char === ' ' ? 1 : 0), text + meant, cost + Math.log(LOST.probability), misread + 1, lost + 1);
      }
    }
    if (compoundRoot && s.lower?.get(COMPOUND_MARK)?.eow && s.partLength >= MIN_PART && s.parts + 1 < MAX_PARTS) {
      for (const link of LINKS) {
        if (token.startsWith(link, at)) walk({ lower: compoundRoot, parts: s.parts + 1, partLength: 0 }, at + link.length, text + link, cost, misread, lost);
      }
    }
  };

  walk({ lower: lexicon.root, cased: lexicon.root, corpus, parts: 0, partLength: 0 }, 0, '', 0, 0, 0);
  return [...found.values()];
}

/** The corpus's words as a trie, built once per model, for the words the word list lacks. */
function corpusTrie(model: LanguageModel): LexiconNode {
  let root = corpusTries.get(model);
  if (root) return root;
  root = new MapNode();
  for (const word of model.vocabulary()) {
    let node = root as MapNode;
    for (const letter of word) {
      let child = node.children.get(letter);
      if (!child) node.children.set(letter, (child = new MapNode()));
      node = child;
    }
    node.eow = true;
  }
  corpusTries.set(model, root);
  return root;
}

class MapNode implements LexiconNode {
  eow = false;
  readonly children = new Map<string, MapNode>();
  get(letter: string): MapNode | undefined {
    return this.children.get(letter);
  }
}
