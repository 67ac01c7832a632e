/**
 * A scan's own confusion table, learned from the scan: the misreadings an OCR engine makes are the same
 * throughout a document, so the words whose reading is clear — "oppfglging" can only be "oppfølging" —
 * tell how often this engine writes ø as g, and how often it gets ø right. Expectation–maximisation over
 * the scan's words, starting from the seed table: read every word with the current table, count the
 * misreadings each reading implies (weighted by how likely the reading is), re-estimate, repeat.
 */
import { ConfusionTable, type Confusion } from './confusion-table.js';
import { EDGE, isNumber } from './language-model.js';
import { capitalisedByContext, type ProseWord } from './prose-words.js';
import { costUnder, isName, misreadingOptions, type Spelling, type SpellingOptions } from './spellings.js';
import type { WordOdds, Word } from './word-odds.js';

/** Spells a token as the words it may stand for under a table. */
export type Speller = (token: string, table: ConfusionTable, options: SpellingOptions) => Spelling[];

/** A learned misreading, with how many times the scan is estimated to make it. */
export interface LearnedConfusion extends Confusion {
  count: number;
}

/** A letter meant, what OCR wrote for it, and how often a reading has it so. */
interface Written {
  meant: string;
  written: string;
  n: number;
}

/** What a reading of a scanned word has to go on: its readings, and how well each fits where it stands. */
interface Evidence {
  /** The word as written, in lower case. */
  word: string;
  readings: Reading[];
  fit: number[];
}

const SEPARATOR = '\u0000';

/** How many observations the seed table counts for, per letter meant. */
const SEED_WEIGHT = 10;
/** The same for a capital, whose prior is the small letter's learned rates. */
const CAPITAL_WEIGHT = 30;
/** Rounds of re-estimation: the table settles within a few. */
const ROUNDS = 3;
/** How many different words (or places, for a word its neighbours decide) must show a misreading before it counts. */
const MIN_SUPPORT = 2;

/** One reading of a scanned word: the word, what it was spelled from, and the letters OCR wrote for it. */
interface Reading {
  word: Word;
  /** None for the word as written. */
  spelling?: Spelling;
  /** How often each letter meant is written each way, the letters read as themselves included. */
  letters: Written[];
}

/**
 * Learn the scan's confusion table from its words. Words with one reading only count for every letter
 * read as itself; a word that is no word as written is read as any word the misreadings may make of
 * it; a word that is a word as written but may be another is decided by its neighbours.
 */
export function learnConfusions(text: string, words: ProseWord[], spell: Speller, odds: WordOdds, seed: ConfusionTable): { table: ConfusionTable; learned: LearnedConfusion[] } {
  const discovery = seed.withDiscovery();
  const asItself = new Map<string, number>();
  /** Words that are no word as written, by spelling, with how often each occurs and how likely each reading is alone. */
  const unclear = new Map<string, Evidence & { n: number }>();
  /** Occurrences of words that are words as written but may be others, with how well each reading fits between its neighbours. */
  const ambiguous: Evidence[] = [];
  const readingsOf = new Map<string, { key: string; known: boolean; options: Reading[] }>();

  const readings = (token: string, capitalised: boolean) => {
    const key = `${capitalised ? '^' : ''}${token}`;
    let found = readingsOf.get(key);
    if (found) return found;
    const own = spell(token, discovery, { misreadings: false })[0];
    const asWritten: Reading = { word: odds.word(token, own), letters: tally([...token].map((l) => [l, l])) };
    // Only a word that is none as written, and that the seed table's misreadings do not explain, is
    // searched for misreadings the seed table lacks; so is a lone digit, which may be a word of one
    // letter ("for 4 sikre"), where a longer number is a number.
    const known = !!own || isNumber(token);
    const loneDigit = /^\d$/u.test(token);
    const options = misreadingOptions(token, own, capitalised);
    const seeded = spell(token, seed, options);
    const others = ((known && !loneDigit) || seeded.some((s) => s.text !== token) ? seeded : spell(token, discovery, options))
      .filter((s) => s.text !== token)
      .map((s) => ({ word: odds.word(s.text, s), spelling: s, letters: alignment(s) }));
    // An abbreviation in capitals teaches nothing of how capitals are misread ("AMU" is no "ØMU"); its
    // capital may itself be misread, though ("Igpet" for "løpet").
    const acronym = isName(token, own, capitalised) && !/\p{Ll}/u.test(token);
    const kept = acronym ? others.filter((r) => !isCapital(r.spelling.text)) : others;
    readingsOf.set(key, (found = { key, known, options: [asWritten, ...kept] }));
    return found;
  };

  for (const [i, w] of words.entries()) {
    // Abbreviations and section numbers say nothing of how letters are misread.
    if (w.text.includes('.')) continue;
    const capitalised = capitalisedByContext(text, words, i);
    const { key, known, options } = readings(w.text, capitalised);
    if (options.length === 1) {
      for (const letter of w.text) asItself.set(letter, (asItself.get(letter) ?? 0) + 1);
    } else if (!known) {
      const entry = unclear.get(key) ?? { n: 0, word: w.text.toLowerCase(), readings: options, fit: options.map((r) => r.word.alone) };
      entry.n++;
      unclear.set(key, entry);
    } else {
      const next = words[i + 1];
      const after = next && !next.breakBefore ? odds.word(next.text, spell(next.text, discovery, { misreadings: false })[0]) : odds.end;
      const before = w.breakBefore ? EDGE : words[i - 1]!.text.toLowerCase();
      // Decided by its neighbours, each place the word stands is a word of its own.
      ambiguous.push({ word: `${before} ${w.text.toLowerCase()}`, readings: options, fit: options.map((r) => odds.after(before, r.word) + odds.after(r.word.key, after)) });
    }
  }

  let table = seed;
  let counts = new Map<string, Map<string, number>>();
  let shown = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    counts = new Map();
    /** The words whose likeliest reading shows each misreading. */
    const support = new Map<string, Set<string>>();
    const add = (meant: string, written: string, n: number) => {
      const row = counts.get(meant) ?? new Map<string, number>();
      row.set(written, (row.get(written) ?? 0) + n);
      counts.set(meant, row);
    };
    for (const [letter, n] of asItself) add(letter, letter, n);
    const current = round === 0 ? discovery : table;
    const share = ({ word, readings: options, fit }: Evidence, n: number) => {
      const scores = options.map((r, k) => fit[k]! + costOf(r, current));
      const best = Math.max(...scores);
      const weights = scores.map((s) => Math.exp(s - best));
      const total = weights.reduce((a, b) => a + b, 0);
      for (const [k, r] of options.entries()) {
        const posterior = weights[k]! / total;
        if (posterior < 1e-6) continue;
        for (const { meant, written, n: times } of r.letters) {
          add(meant, written, n * times * posterior);
          if (posterior > 0.5 && meant !== written) support.set(meant + SEPARATOR + written, (support.get(meant + SEPARATOR + written) ?? new Set()).add(word));
        }
      }
    };
    for (const evidence of unclear.values()) share(evidence, evidence.n);
    for (const evidence of ambiguous) share(evidence, 1);
    shown = new Set([...support].filter(([, seen]) => seen.size >= MIN_SUPPORT).map(([key]) => key));
    // A misreading is the engine's only when more than one word shows it: one word read so may be that
    // word's own coincidence ("Dr" is no "År").
    for (const [meant, row] of counts) for (const written of row.keys()) if (written !== meant && !shown.has(meant + SEPARATOR + written)) row.delete(written);
    table = estimate(counts, seed, shown);
  }
  return { table, learned: learnedConfusions(table, counts) };
}

function isCapital(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** The log-odds of the misreadings a reading undoes, under a table. */
function costOf(reading: Reading, table: ConfusionTable): number {
  return reading.spelling ? costUnder(reading.spelling, table) : 0;
}

/** Each letter of the spelling with what OCR wrote for it: its misreadings, the rest as themselves. */
function alignment(spelling: Spelling): Written[] {
  const misread = new Map<string, number>();
  for (const m of spelling.misread) misread.set(m.meant, (misread.get(m.meant) ?? 0) + 1);
  const letters: [string, string][] = spelling.misread.map((m) => [m.meant, m.written]);
  for (const letter of spelling.text) {
    const left = misread.get(letter) ?? 0;
    if (left > 0) misread.set(letter, left - 1);
    else if (/\p{L}/u.test(letter)) letters.push([letter, letter]);
  }
  return tally(letters);
}

function tally(letters: [meant: string, written: string][]): Written[] {
  const counted = new Map<string, Written>();
  for (const [meant, written] of letters) {
    const key = meant + SEPARATOR + written;
    const entry = counted.get(key);
    if (entry) entry.n++;
    else counted.set(key, { meant, written, n: 1 });
  }
  return [...counted.values()];
}

/**
 * The table the counts say, the seed's rates counting for a few observations of each letter. A capital
 * is rare, so its row leans harder on the small letter's.
 */
function estimate(counts: Map<string, Map<string, number>>, seed: ConfusionTable, shown: Set<string>): ConfusionTable {
  const rows = new Map<string, Map<string, number>>();
  const misread = [...counts].filter(([meant, row]) => [...row.keys()].some((w) => w !== meant)).map(([meant]) => meant);
  const meantLetters = [...new Set([...seed.meantLetters(), ...misread])];
  const rowOf = (meant: string, weight: number, prior: Map<string, number>) => {
    const observed = counts.get(meant) ?? new Map<string, number>();
    let n = 0;
    for (const c of observed.values()) n += c;
    const row = new Map<string, number>();
    for (const written of new Set([...observed.keys(), ...prior.keys()])) {
      if (written !== meant) row.set(written, ((observed.get(written) ?? 0) + weight * (prior.get(written) ?? 0)) / (n + weight));
    }
    return row;
  };
  const seedRow = (meant: string) => new Map(seed.confusions().filter((c) => c.meant === meant).map((c) => [c.written, c.probability]));
  for (const meant of meantLetters.filter((m) => m === m.toLowerCase())) rows.set(meant, rowOf(meant, SEED_WEIGHT, seedRow(meant)));
  for (const meant of meantLetters.filter((m) => m !== m.toLowerCase())) {
    // Where the seed's capital is only its small letter's look-alike in capitals, the small letter's
    // learned rate stands for it.
    const small = seedRow(meant.toLowerCase());
    const prior = new Map([...seedRow(meant)].filter(([written]) => !small.has(written.toLowerCase())));
    for (const [written, p] of rows.get(meant.toLowerCase()) ?? []) prior.set(capitalised(written), p);
    rows.set(meant, rowOf(meant, CAPITAL_WEIGHT, prior));
  }
  return ConfusionTable.of(rows, (meant, written) => shown.has(meant + SEPARATOR + written));
}

/** The misreadings the scan gave evidence of (half an observation or more), with their estimated counts. */
function learnedConfusions(table: ConfusionTable, counts: Map<string, Map<string, number>>): LearnedConfusion[] {
  return table
    .confusions()
    .map((c) => ({ ...c, count: counts.get(c.meant)?.get(c.written) ?? 0 }))
    .filter((c) => c.count >= 0.5);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
