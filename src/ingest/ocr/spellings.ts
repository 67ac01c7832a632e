/**
 * The words an OCR'd token may stand for: every way of undoing the misreadings a scan's confusion table
 * holds (ø read as g, å as a, æ as ae, l as I …) that spells a word of the word list, of the corpus, or a
 * compound of listed words, each with how likely OCR was to write the token for it.
 */
import type { ConfusionTable, Misreading } from './confusion-table.js';
import type { LanguageModel } from './language-model.js';
import type { Lexicon, LexiconNode } from './lexicon.js';

/** A word an OCR'd token may stand for, and how likely OCR was to write the token for it. */
export interface Spelling {
  /** The word with the token's capitalisation. */
  text: string;
  /** Log-odds of the misreadings that turn the word into the token, against the token as written (0: as written). */
  cost: number;
  /** The misreadings undone, in order: each letter meant and what OCR wrote for it. */
  misread: Pick<Misreading, 'meant' | 'written'>[];
  /** Where the word is known from: the word list, the corpus, or neither but as a compound of listed words. */
  kind: 'listed' | 'corpus' | 'compound';
  /** The listed words a compound is made of, in lower case, without linking letters. */
  parts: string[];
}

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
  /** The letter lost may be any letter, not only one the table knows OCR to lose. */
  anyLost?: boolean;
  /** Read the token as a compound of listed words too. */
  compounds?: boolean;
  /** The token's context writes it with a capital (it opens a sentence), should its first letter be misread. */
  capitalised?: boolean;
}

/**
 * A capitalised word that is no word as written and opens no sentence: a name, or an abbreviation. It
 * keeps its capital only as another name that misreadings the scan is known to make spell.
 */
export function isName(token: string, own: Spelling | undefined, capitalised: boolean): boolean {
  // A longer word in capitals is a heading's, not a name.
  const heading = token.length > MAX_ACRONYM && !/\p{Ll}/u.test(token);
  return !own && !capitalised && !heading && /^\p{Lu}/u.test(token);
}

/**
 * How to spell a token that reads as `own` (or as no word): a listed word is likelier than any compound,
 * and only a word the list lacks may have lost a letter (repair lets a rare listed word have lost one
 * too). A name is no compound, and too little is known of its letters to put back a lost one.
 */
export function misreadingOptions(token: string, own: Spelling | undefined, capitalised: boolean): SpellingOptions {
  const plain = own?.kind !== 'listed' && !isName(token, own, capitalised);
  return { lostLetter: plain, compounds: plain, capitalised };
}

/** The log-odds of a spelling's misreadings under another table; -Infinity when that table rules them out. */
export function costUnder(spelling: Spelling, table: ConfusionTable): number {
  let cost = 0;
  for (const m of spelling.misread) cost += table.cost(m.meant, m.written);
  return cost >= MIN_COST ? cost : -Infinity;
}

/** The spelling with its misreadings costed under another table; none when that table rules it out. */
export function recosted(spelling: Spelling, table: ConfusionTable): Spelling | undefined {
  const cost = costUnder(spelling, table);
  return cost > -Infinity ? { ...spelling, cost } : undefined;
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
  table: ConfusionTable,
  { misreadings = true, lostLetter = false, anyLost = false, compounds = true, capitalised = false }: SpellingOptions = {},
): Spelling[] {
  const shouts = (token.match(/\p{Lu}/gu)?.length ?? 0) > 1 && !/\p{Ll}/u.test(token);
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

  const record = (s: State, text: string, cost: number, undone: Undone | undefined, lost: boolean) => {
    const compound = s.cuts.length > 0;
    const kind =
      !compound && (s.lower?.eow || s.cased?.eow)
        ? 'listed'
        : !compound && s.corpus?.eow
          ? 'corpus'
          : compound && !lost && s.lower?.eow && partLength(s, text) >= MIN_PART
            ? 'compound'
            : undefined;
    if (!kind) return;
    const cased = shouts ? text.toUpperCase() : text;
    // Of two ways to spell one word, the likelier; of two readings of a compound, the one with fewer
    // parts, then the one found first, with the longer first part.
    const rank = [cost, -s.cuts.length];
    const known = found.get(cased);
    if (known && !better(rank, known.rank)) return;
    const misread: Spelling['misread'] = [];
    for (let u = undone; u; u = u.before) misread.unshift({ meant: u.misreading.meant, written: u.misreading.written });
    found.set(cased, { rank, spelling: { text: cased, cost, kind, parts: compound ? compoundParts(text, s.cuts) : [], misread } });
  };

  /** Whether the letter meant may stand where the misreading was written, by its case. */
  const fits = (m: Misreading, at: number) => {
    if (m.small && /\p{Lu}/u.test(token.charAt(at + m.written.length))) return false;
    // A word is in capitals throughout, or only at its start.
    if (shouts) return m.capital;
    return !m.capital || (at === 0 && m.written !== '');
  };

  const walk = (s: State, at: number, text: string, cost: number, undone: Undone | undefined, lost: boolean) => {
    if (at === token.length) record(s, text, cost, undone, lost);
    if (cost < MIN_COST) return;
    const char = token.charAt(at);
    if (char === LINE_BREAK) return walk(s, at + 1, text + char, cost, undone, lost);
    if (char && char !== ' ') {
      const next = step(s, char);
      if (next) walk(next, at + 1, text + char, cost, undone, lost);
    }
    if (misreadings) {
      for (const m of table.misreadingsFrom(char, !acronym)) {
        if (m.written.length > 1 && !token.startsWith(m.written, at)) continue;
        if (!fits(m, at)) continue;
        const next = step(s, m.meant);
        if (next) walk(next, at + m.written.length, text + m.meant, cost + m.cost, { misreading: m, before: undone }, lost);
      }
    }
    // A letter lost without trace: where the word split (a space in the token), or anywhere but first once.
    if (char === ' ' || (lostLetter && at > 0 && !lost)) {
      // Any letter may be lost inside a word; one more letter at its end would be another inflection of it.
      for (const m of anyLost && char && char !== ' ' ? table.lostLetters() : table.misreadingsFrom('')) {
        if (!fits(m, at)) continue;
        const next = step(s, m.meant);
        if (next) walk(next, at + (char === ' ' ? 1 : 0), text + m.meant, cost + m.cost, { misreading: m, before: undone }, true);
      }
    }
    // Norwegian writes compounds as one word, and the word list holds only the common ones.
    if (char && compounds && !acronym && s.lower?.eow && partLength(s, text) >= MIN_PART && s.cuts.length + 1 < MAX_PARTS) {
      for (const link of LINKS) {
        if (!token.startsWith(link, at)) continue;
        const cuts = [...s.cuts, { at: text.length + link.length, link }];
        walk({ lower: lexicon.root, cuts }, at + link.length, text + link, cost, undone, lost);
      }
    }
  };

  // A capital as written, or a digit or symbol opening the token that may stand for one.
  const cased = /\p{Lu}/u.test(token) || !/\p{L}/u.test(token.charAt(0)) ? lexicon.root : undefined;
  walk({ lower: acronym ? undefined : lexicon.root, cased, corpus: corpusTrie(model), cuts: [] }, 0, '', 0, undefined, false);
  // Where the token's first letter was misread, its case is the context's: a capital where a sentence
  // opens, or where only the capitalised word exists (a name such as "@yvind"). A word of one letter is
  // no name: a capital read where no sentence opens is small ("til A delta" is "til å delta").
  if (!shouts) {
    for (const [text, entry] of [...found]) {
      if (text.charAt(0) === token.charAt(0)) continue;
      const capital = text.charAt(0) !== text.charAt(0).toLowerCase();
      const other = (capital ? text.charAt(0).toLowerCase() : text.charAt(0).toUpperCase()) + text.slice(1);
      if (capital === capitalised) continue;
      if (!found.has(other) && capital && text.length === 1) found.set(other, { ...entry, spelling: { ...entry.spelling, text: other } });
      if (found.has(other)) found.delete(text);
    }
  }
  return [...found.values()].map((f) => f.spelling);
}

/** The misreadings a walk has undone so far, the last first. */
interface Undone {
  misreading: Misreading;
  before: Undone | undefined;
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
