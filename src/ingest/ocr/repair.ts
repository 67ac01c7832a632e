/**
 * OCR repair: a scan whose æ, ø and å were misread is read again, word by word, as the likeliest text
 * it stands for — given how this scan's OCR misreads letters (learned from the scan), the word list, and
 * how the corpus's clean letters and general Norwegian use words and word pairs — in one Viterbi-style
 * pass over the scan.
 */
import { ConfusionTable } from './confusion-table.js';
import { learnConfusions, type LearnedConfusion } from './learn-confusions.js';
import { EDGE, isNumber, type LanguageModel } from './language-model.js';
import type { Lexicon } from './lexicon.js';
import { loadNorwegianPrior, type NorwegianPrior } from './norwegian-prior.js';
import { ScanSpellings } from './scan-spellings.js';
import { isName, LINE_BREAK, misreadingOptions, type Spelling } from './spellings.js';
import { capitalisedByContext, proseWords, type ProseWord } from './prose-words.js';
import { WordOdds, type Word } from './word-odds.js';

/** One word changed by OCR repair, at its place in the repaired text. */
export interface Repair {
  start: number;
  end: number;
  from: string;
  to: string;
}

/**
 * Norwegian prose spends about 1–2 % of its letters on æ, ø and å; a long text with next to none of them
 * lost them in OCR.
 */
export function looksLikeOcrDamage(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2000) return false;
  const nordic = text.match(/[æøåÆØÅ]/gu)?.length ?? 0;
  return nordic / letters < 0.001;
}

/**
 * A word is common as written when the corpus uses it this often or general Norwegian gives it this
 * share; a change of a common word must then beat these odds.
 */
const COMMON = { inCorpus: 2, share: 1e-5, odds: Math.log(3) };

/** A space OCR lost between two words. */
const LOST_SPACE = Math.log(0.001);

/**
 * One way to read a stretch of the scan: one scanned word, two joined into one, or one split in two;
 * as the words it stands for and how likely OCR was to write it so.
 */
interface Reading {
  /** Index of the first scanned word read, and of the one after the last. */
  from: number;
  to: number;
  text: string;
  words: Word[];
  channel: number;
}

interface Path {
  score: number;
  reading?: Reading;
  previous?: Path;
}

/** A repaired text, the words changed, and the confusion table learned from the scan. */
export interface RepairedText {
  text: string;
  repairs: Repair[];
  confusions: LearnedConfusion[];
}

/**
 * Repair a text whose æ, ø and å OCR misread: each word is read as the likeliest word it may stand for
 * given how this scan's OCR misreads letters, the word list, and how the corpus's clean letters and
 * general Norwegian use words and word pairs. A word already right, a number or an unknown name stays
 * unless its neighbours say otherwise.
 */
export function repairOcr(text: string, model: LanguageModel, lexicon: Lexicon, prior: NorwegianPrior = loadNorwegianPrior()): RepairedText {
  const words = [...proseWords(text)];
  /** How often the scan writes each word (in lower case). */
  const timesWritten = new Map<string, number>();
  for (const { text: token } of words) timesWritten.set(token.toLowerCase(), (timesWritten.get(token.toLowerCase()) ?? 0) + 1);
  const odds = new WordOdds(model, prior);
  const scanSpellings = new ScanSpellings(lexicon, model);
  const seed = ConfusionTable.seed();
  const { table, learned } = learnConfusions(text, words, scanSpellings.spell, odds, seed);
  const spellings = scanSpellings.under(table, seed);
  /** The token as written when it is a word, and what vouches for it. */
  const asWritten = (token: string) => spellings(token, { misreadings: false })[0];

  const readingsFrom = (i: number): Reading[] => {
    const word = words[i]!;
    const own = asWritten(word.text);
    // Evidence before change: a word as written that the corpus or general Norwegian often uses is
    // changed only where the context clearly prefers another.
    const common = isNumber(word.text) || model.count(word.text) >= COMMON.inCorpus || prior.share(word.text) >= COMMON.share;
    const out: Reading[] = [read(i, i + 1, { ...(own ?? { text: word.text }), cost: common ? COMMON.odds : 0 })];
    if (!own && isAbbreviation(word)) return out;
    const capitalised = capitalisedByContext(text, words, i);
    const name = isName(word.text, own, capitalised);
    // A name may be a compound too ("Løsningsteam"), kept only where the scan shows its misreadings in
    // other words (below); learning reads no name so, lest a name teach a misreading of its own.
    // A listed word the corpus and general Norwegian seldom use may be a commoner listed word that lost a
    // letter ("og eler"), any letter, where its neighbours clearly say so; never a spelling only the corpus
    // has, which would only trade the word list's norm for the letters' own ("styringsparametre").
    const rare = own?.kind === 'listed' && !common;
    const plain = misreadingOptions(word.text, own, capitalised);
    const options = { ...plain, lostLetter: plain.lostLetter || rare, anyLost: rare, compounds: own?.kind !== 'listed' };
    for (const s of spellings(word.text, options)) {
      const staysName = name && /^\p{Lu}/u.test(s.text);
      if (rare && s.kind !== 'listed' && s.misread.some((m) => m.written === '')) continue;
      if (s.text !== word.text && (!staysName || s.misread.every((m) => table.shown(m.meant, m.written)))) out.push(read(i, i + 1, s));
    }
    // Two words run together where OCR lost the space ("atdet", "Selvom"): a word that is only a
    // compound of listed words may be two words too, unless the scan writes it so again and again —
    // each lost space is a chance of its own.
    const lostSpaces = !own ? 1 : own.kind === 'compound' ? timesWritten.get(word.text.toLowerCase())! : 0;
    if (lostSpaces > 0) for (const [first, second] of splits(word.text)) out.push({ ...read(i, i + 1, first, second), channel: lostSpaces * LOST_SPACE });
    const next = words[i + 1];
    const gap = next ? text.slice(word.end, next.start) : '';
    // A word split where a letter was lost ("gj re"), or by a line-end hyphen ("oppfølg-\ning").
    if (next && !next.breakBefore && (gap === ' ' || /^-[ \t]*\n[ \t]*$/u.test(gap))) {
      const source = word.text + (gap === ' ' ? ' ' : LINE_BREAK) + next.text;
      for (const s of spellings(source, { compounds: false })) out.push(read(i, i + 2, s));
    }
    return out;
  };
  // An unknown word with a full stop that ends no sentence is an abbreviation ("pkt. 3", "jf. kap").
  const isAbbreviation = (word: ProseWord) => /^\.\s*[\p{Ll}\d]/u.test(text.slice(word.end, word.end + 3));
  const splits = (token: string): [Spelling, Spelling][] => {
    const out: [Spelling, Spelling][] = [];
    for (let at = 1; at < token.length; at++) {
      const [first, second] = [token.slice(0, at), token.slice(at)].map((part) => spellings(part, { misreadings: false, compounds: false })[0]);
      if (first && second) out.push([first, second]);
    }
    return out;
  };
  /** Scanned words `from` to `to` read as the words spelled; a spelling without a kind is an unknown word. */
  const read = (from: number, to: number, ...spelled: (Pick<Spelling, 'text' | 'cost'> & Partial<Spelling>)[]): Reading => ({
    from,
    to,
    text: spelled.map((s) => s.text).join(' '),
    words: spelled.map((s) => odds.word(s.text.replaceAll(LINE_BREAK, ''), s.kind && s.parts ? { kind: s.kind, parts: s.parts } : undefined)),
    channel: spelled.reduce((sum, s) => sum + s.cost, 0),
  });

  // Best path to each word boundary, by the last word read (its context for the next).
  const best: Map<string, Path>[] = words.map(() => new Map());
  best.push(new Map());
  best[0]!.set(EDGE, { score: 0 });
  const ending = (previous: string) => (previous === EDGE ? 0 : odds.after(previous, odds.end));
  for (let i = 0; i < words.length; i++) {
    const here = best[i]!;
    if (here.size === 0) continue;
    // The first word, and any after a sentence end or markup, opens a sentence; the word before closed one.
    const fresh = words[i]!.breakBefore;
    for (const reading of readingsFrom(i)) {
      const there = best[reading.to]!;
      const last = reading.words[reading.words.length - 1]!.key;
      let inside = 0;
      for (let w = 1; w < reading.words.length; w++) inside += odds.after(reading.words[w - 1]!.key, reading.words[w]!);
      for (const [previous, path] of here) {
        const first = reading.words[0]!;
        const context = fresh ? ending(previous) + odds.after(EDGE, first) : odds.after(previous, first);
        const score = path.score + context + inside + reading.channel;
        const current = there.get(last);
        if (!current || current.score < score) there.set(last, { score, reading, previous: path });
      }
    }
  }

  const chosen: Path[] = [];
  let end: Path | undefined;
  for (const [last, path] of best[words.length]!) {
    const score = path.score + ending(last);
    if (!end || score > end.score) end = { ...path, score };
  }
  for (; end?.reading; end = end.previous) chosen.push(end);
  chosen.reverse();
  return { ...rewrite(text, words, chosen), confusions: learned };
}

/** The text with each chosen reading in place of what was scanned, and the repairs at their new offsets. */
function rewrite(text: string, words: ProseWord[], chosen: Path[]): { text: string; repairs: Repair[] } {
  let out = '';
  let copied = 0;
  const repairs: Repair[] = [];
  const replace = (from: string, to: string) => {
    if (to !== from) repairs.push({ start: out.length, end: out.length + to.length, from, to });
    out += to;
  };
  for (const { reading } of chosen) {
    const first = words[reading!.from]!;
    const last = words[reading!.to - 1]!;
    out += text.slice(copied, first.start);
    copied = last.end;
    const [head, tail] = reading!.text.split(LINE_BREAK);
    if (tail === undefined) {
      replace(text.slice(first.start, last.end), head!);
      continue;
    }
    // A word broken at a line end is repaired on each side of the break, so each side can be found again.
    replace(first.text, head!);
    out += text.slice(first.end, last.start);
    replace(last.text, tail);
  }
  return { text: out + text.slice(copied), repairs };
}
