/**
 * The words an OCR'd token may stand for: every way of undoing the misreadings OCR makes (ø read as g,
 * å as a, æ as ae, l as I …) that spells a word of the word list, of the corpus, or a compound of listed
 * words, each with how likely OCR was to write the token for it.
 */
import type { LanguageModel } from './language-model.js';
import type { Lexicon, LexiconNode } from './lexicon.js';

/** A word an OCR'd token may stand for, and how likely OCR was to write the token for it. */
export interface Spelling {
  /** The word with the token's capitalisation. */
  text: string;
  /** Log-probability of the misreadings that turn the word into the token (0: as written). */
  cost: number;
  /** Where the word is known from: the word list, the corpus, or neither but as a compound of listed words. */
  kind: 'listed' | 'corpus' | 'compound';
  /** The listed words a compound is made of, in lower case, without linking letters. */
  parts: string[];
}

/** A letter OCR lost and what it wrote instead, with the estimated probability of that misreading. */
interface Misreading {
  written: string;
  meant: string;
  probability: number;
  /** Not before a capital, where the written letter is a capital in its own right ("HelseIArbeid"). */
  small?: boolean;
}

/** What the scanner writes for ø, with the estimated probability of each look-alike. */
const Ø_LOOK_ALIKES: [string, number][] = [['g', 0.5], ['e', 0.1], ['o', 0.1], ['a', 0.1], ['p', 0.05], ['@', 0.05]];

/** How OCR misreads small letters. */
const OF_SMALL_LETTERS: Misreading[] = [
  // The scanner has no æ, ø or å: each comes out as a look-alike, now and then as two.
  ...Ø_LOOK_ALIKES.map(([written, probability]) => ({ written, meant: 'ø', probability })),
  ...Ø_LOOK_ALIKES.flatMap(([first]) =>
    ['g', '@'].filter((second) => second !== first).map((second) => ({ written: first + second, meant: 'ø', probability: 0.002 })),
  ),
  ...([['a', 0.8], ['3', 0.05], ['8', 0.03], ['&', 0.03], ['d', 0.03]] as const).map(([written, probability]) => ({ written, meant: 'å', probability })),
  ...['ae', 'ee', 'ze', 'eae'].map((written) => ({ written, meant: 'æ', probability: written === 'ae' ? 0.4 : 0.2 })),
  ...['e', 'a'].map((written) => ({ written, meant: 'æ', probability: 0.03 })),
  // Thin strokes: a small l read as capital I or a pipe, a j as i or with an i after it.
  { written: 'I', meant: 'l', probability: 0.03, small: true },
  { written: '|', meant: 'l', probability: 0.03, small: true },
  { written: 'i', meant: 'j', probability: 0.03 },
  { written: 'ji', meant: 'j', probability: 0.01 },
];

/** The same misreadings of capitals, and the capital I read as a pipe. */
const MISREADINGS: Misreading[] = [
  ...OF_SMALL_LETTERS,
  ...OF_SMALL_LETTERS.filter((m) => /[æøå]/u.test(m.meant) && /\p{L}/u.test(m.written)).flatMap((m) => {
    const capital = m.written.charAt(0).toUpperCase() + m.written.slice(1);
    return [...new Set([capital, m.written.toUpperCase()])].map((written) => ({ ...m, written, meant: m.meant.toUpperCase() }));
  }),
  { written: '|', meant: 'I', probability: 0.3 },
];

/** The misreadings by the first character OCR wrote, with their log-probabilities. */
const MISREADINGS_BY_START = new Map<string, (Misreading & { cost: number; symbol: boolean })[]>();
for (const m of MISREADINGS) {
  const first = m.written.charAt(0);
  const list = MISREADINGS_BY_START.get(first) ?? [];
  list.push({ ...m, cost: Math.log(m.probability), symbol: !/\p{L}/u.test(m.written) });
  MISREADINGS_BY_START.set(first, list);
}

/** A letter lost without trace: the word is split where it stood, or just closes up. */
const LOST = { letters: ['ø', 'å', 'æ'], probability: 0.01 };
const LOST_COST = Math.log(LOST.probability);

/** Stands in the token for a line-end hyphen that split the word: kept in place, spelling goes on. */
export const LINE_BREAK = '\u00ad';

/** Parts of a compound shorter than this are more likely chance than a word; more parts than this, too. */
const MIN_PART = 3;
const MAX_PARTS = 3;
/** Words in capitals up to this length are abbreviations. */
const MAX_ACRONYM = 4;
/** Norwegian joins compound parts directly or with a linking s. */
const LINKS = ['', 's'];
/** Misreadings less likely than this together are never worth considering. */
const MIN_COST = Math.log(1e-5);

const corpusTries = new WeakMap<LanguageModel, LexiconNode>();

export interface SpellingOptions {
  /** Undo misreadings; without, only the token as written is looked up. */
  misreadings?: boolean;
  /** Put back one letter lost anywhere in the token. */
  lostLetter?: boolean;
  /** Read the token as a compound of listed words too. */
  compounds?: boolean;
}

/**
 * The words a token may stand for: every way of undoing the misreadings that spells a word of the word
 * list (also as a compound) or of the corpus. A space in the token is a letter lost where the word split.
 * `LINE_BREAK` marks where a line-end hyphen divides the token; it stays in the spelling. The token itself
 * is included when it is a word.
 */
export function ocrSpellings(
  token: string,
  lexicon: Lexicon,
  model: LanguageModel,
  { misreadings = true, lostLetter = false, compounds = true }: SpellingOptions = {},
): Spelling[] {
  const shouts = token.length > 1 && /\p{Lu}/u.test(token) && !/\p{Ll}/u.test(token);
  // A short word in capitals is an abbreviation: only the word list's capitals or the corpus vouch for it.
  const acronym = shouts && token.length <= MAX_ACRONYM;
  const found = new Map<string, { rank: number[]; spelling: Spelling }>();

  interface State {
    /** Node of the lower-cased spelling, of the spelling as cased, and in the corpus. */
    lower?: LexiconNode | undefined;
    cased?: LexiconNode | undefined;
    corpus?: LexiconNode | undefined;
    /** Where in the spelling each compound part after the first starts, and how the part was joined on. */
    cuts: { at: number; link: string }[];
  }

  const step = (s: State, letter: string): State | undefined => {
    const low = letter.toLowerCase();
    const next = { lower: s.lower?.get(low), cased: s.cased?.get(letter), corpus: s.corpus?.get(low), cuts: s.cuts };
    return next.lower || next.cased || next.corpus ? next : undefined;
  };
  const partLength = (s: State, text: string) => text.length - (s.cuts[s.cuts.length - 1]?.at ?? 0);

  const record = (s: State, text: string, cost: number, lost: number) => {
    const compound = s.cuts.length > 0;
    const kind =
      !compound && (s.lower?.eow || s.cased?.eow)
        ? 'listed'
        : !compound && s.corpus?.eow
          ? 'corpus'
          : compound && lost === 0 && s.lower?.eow && partLength(s, text) >= MIN_PART
            ? 'compound'
            : undefined;
    if (!kind) return;
    const cased = shouts ? text.toUpperCase() : text;
    // Of two ways to spell one word, the likelier; of two readings of a compound, the one with fewer
    // parts, then the one found first, with the longer first part.
    const rank = [cost, -s.cuts.length];
    const known = found.get(cased);
    if (known && !better(rank, known.rank)) return;
    found.set(cased, { rank, spelling: { text: cased, cost, kind, parts: compound ? compoundParts(text, s.cuts) : [] } });
  };

  const walk = (s: State, at: number, text: string, cost: number, lost: number) => {
    if (at === token.length) record(s, text, cost, lost);
    if (cost < MIN_COST) return;
    const char = token.charAt(at);
    if (char === LINE_BREAK) return walk(s, at + 1, text + char, cost, lost);
    if (char && char !== ' ') {
      const next = step(s, char);
      if (next) walk(next, at + 1, text + char, cost, lost);
    }
    for (const m of misreadings ? (MISREADINGS_BY_START.get(char) ?? []) : []) {
      if (m.written.length > 1 && !token.startsWith(m.written, at)) continue;
      if (m.small && /\p{Lu}/u.test(token.charAt(at + m.written.length))) continue;
      // A symbol read for a letter has no case of its own: capital in a shouted word, and "@" is the
      // look-alike of a capital Ø at the start of a word.
      const capital = m.symbol && (shouts || (m.written === '@' && at === 0));
      const meant = capital ? m.meant.toUpperCase() : m.meant;
      const next = step(s, meant);
      if (next) walk(next, at + m.written.length, text + meant, cost + m.cost, lost);
    }
    if (char === ' ' || (lostLetter && lost === 0)) {
      for (const letter of LOST.letters) {
        const meant = shouts ? letter.toUpperCase() : letter;
        const next = step(s, meant);
        if (next) walk(next, at + (char === ' ' ? 1 : 0), text + meant, cost + LOST_COST, lost + 1);
      }
    }
    // Norwegian writes compounds as one word, and the word list holds only the common ones.
    if (char && compounds && !acronym && s.lower?.eow && partLength(s, text) >= MIN_PART && s.cuts.length + 1 < MAX_PARTS) {
      for (const link of LINKS) {
        if (!token.startsWith(link, at)) continue;
        const cuts = [...s.cuts, { at: text.length + link.length, link }];
        walk({ lower: lexicon.root, cuts }, at + link.length, text + link, cost, lost);
      }
    }
  };

  const cased = /\p{Lu}/u.test(token) ? lexicon.root : undefined;
  walk({ lower: acronym ? undefined : lexicon.root, cased, corpus: corpusTrie(model), cuts: [] }, 0, '', 0, 0);
  return [...found.values()].map((f) => f.spelling);
}

/** Whether one rank beats another, comparing entry by entry. */
function better(rank: number[], than: number[]): boolean {
  for (const [i, value] of rank.entries()) if (value !== than[i]) return value > than[i]!;
  return false;
}

/** The words of a compound spelled `text`, cut where `cuts` say, linking letters left out. */
function compoundParts(text: string, cuts: { at: number; link: string }[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(text.slice(from, cut.at - cut.link.length));
    from = cut.at;
  }
  parts.push(text.slice(from));
  return parts.map((part) => part.replaceAll(LINE_BREAK, '').toLowerCase());
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
