import { isNumber, type LanguageModel } from './language-model.js';
import type { Lexicon } from './lexicon.js';
import { LINE_BREAK, ocrSpellings, type Spelling } from './ocr-spellings.js';
import { proseWords, type ProseWord } from './prose-words.js';

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

/** Pseudo-counts of a word the corpus has not seen, by what vouches for it. */
const UNSEEN = { listed: 0.1, corpus: 0, unknown: 0.0003 };
/** How much less likely an unknown word is for each letter sequence no Norwegian word in the corpus has. */
const UNFAMILIAR = 0.1;
/** Odds that two words stand joined as a compound rather than apart. */
const COMPOUNDING = 0.02;
/** A space OCR lost between two words. */
const LOST_SPACE = Math.log(0.001);
/** Taken off every word pair seen, to leave room for the many pairs a small corpus has not seen. */
const DISCOUNT = 0.75;
/** How many observations an ending's overall share counts for against what follows one word. */
const ENDING_SMOOTHING = 5;

/** A word as the language model sees it. */
interface Word {
  key: string;
  unigram: number;
}

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

/**
 * Repair a text whose æ, ø and å OCR misread: each word is read as the likeliest word it may stand for
 * given how OCR misreads letters, the word list, and how the corpus's clean letters use words and word
 * pairs. A word already right, a number or an unknown name stays unless its neighbours say otherwise.
 */
export function repairOcr(text: string, model: LanguageModel, lexicon: Lexicon): { text: string; repairs: Repair[] } {
  const words = [...proseWords(text)];
  const total = model.size + 1;
  // A compound the corpus has not seen is an unseen word that took a further chance for each part after
  // the first; parts the corpus has not seen either make it less likely still.
  const unigram = (key: string, spelling: Pick<Spelling, 'kind' | 'parts'> | undefined) => {
    const unseen =
      spelling?.kind === 'compound'
        ? spelling.parts.reduce((odds, part) => odds * COMPOUNDING * Math.min(1, partCount(part) + UNSEEN.listed), UNSEEN.listed / COMPOUNDING)
        : spelling
          ? UNSEEN[spelling.kind]
          : UNSEEN.unknown * UNFAMILIAR ** model.unfamiliarTrigrams(key);
    // The model counts numbers as one word; this number is one of them.
    return Math.log((model.count(key) + unseen) / total) + (isNumber(key) ? Math.log(model.numberShare(key)) : 0);
  };
  // A compound's first parts often carry a linking s ("løsnings|fokus"): the word without it counts too.
  const partCount = (part: string) => Math.max(model.count(part), part.endsWith('s') ? model.count(part.slice(0, -1)) : 0);
  // Absolute discounting: a word followed by many different words leaves more to words unseen after it,
  // shared out by how often words with this ending follow it.
  const bigrams = new Map<string, number>();
  const bigram = (previous: string, word: Word) => {
    const pair = `${previous} ${word.key} ${word.unigram}`;
    let p = bigrams.get(pair);
    if (p === undefined) bigrams.set(pair, (p = contextual(previous, word)));
    return p;
  };
  const contextual = (previous: string, word: Word) => {
    const after = model.followersOf(previous);
    if (after.total === 0) return word.unigram;
    const endingShare = model.endingCount(word.key) / total;
    const endingHere = (model.endingPairCount(previous, word.key) + ENDING_SMOOTHING * endingShare) / (after.total + ENDING_SMOOTHING);
    const unseen = Math.exp(word.unigram) * (endingShare > 0 ? endingHere / endingShare : 1);
    const seen = Math.max(model.pairCount(previous, word.key) - DISCOUNT, 0);
    return Math.log((seen + DISCOUNT * after.distinct * unseen) / after.total);
  };
  const spellingCache = new Map<string, Spelling[]>();
  const spellings = (token: string, lostLetter: boolean) => {
    const key = `${lostLetter ? 1 : 0}${token}`;
    let found = spellingCache.get(key);
    if (!found) spellingCache.set(key, (found = ocrSpellings(token, lexicon, model, lostLetter)));
    return found;
  };

  const readingsFrom = (i: number): Reading[] => {
    const word = words[i]!;
    const own = spellings(word.text, false).find((s) => s.text === word.text);
    const out: Reading[] = [read(i, i + 1, own ?? word.text)];
    if (!own && isAbbreviation(word)) return out;
    const listed = own?.kind === 'listed';
    for (const s of spellings(word.text, !listed)) if (s.text !== word.text) out.push(read(i, i + 1, s));
    // Two words run together where OCR lost the space ("atdet").
    if (!own) for (const [first, second] of splits(word.text)) out.push({ ...read(i, i + 1, first, second), channel: LOST_SPACE });
    const next = words[i + 1];
    const gap = next ? text.slice(word.end, next.start) : '';
    // A word split where a letter was lost ("gj re"), or by a line-end hyphen ("oppfølg-\ning").
    if (next && !next.breakBefore && (gap === ' ' || /^-[ \t]*\n[ \t]*$/u.test(gap))) {
      const source = word.text + (gap === ' ' ? ' ' : LINE_BREAK) + next.text;
      for (const s of spellings(source, false)) if (s.kind !== 'compound') out.push(read(i, i + 2, s));
    }
    return out;
  };
  // An unknown word with a full stop that ends no sentence is an abbreviation ("pkt. 3", "jf. kap").
  const isAbbreviation = (word: ProseWord) => /^\.\s*[\p{Ll}\d]/u.test(text.slice(word.end, word.end + 3));
  const splits = (token: string): [Spelling, Spelling][] => {
    const out: [Spelling, Spelling][] = [];
    for (let at = 1; at < token.length; at++) {
      const [first, second] = [token.slice(0, at), token.slice(at)].map((part) => spellings(part, false).find((s) => s.text === part && s.kind !== 'compound'));
      if (first && second) out.push([first, second]);
    }
    return out;
  };
  /** A reading of scanned words `from` to `to` as the given spellings, or as written when only a string. */
  const read = (from: number, to: number, ...spelled: (Spelling | string)[]): Reading => {
    const readWords = spelled.map((s) => {
      const key = (typeof s === 'string' ? s : s.text).toLowerCase().replaceAll(LINE_BREAK, '');
      return { key, unigram: unigram(key, typeof s === 'string' ? undefined : s) };
    });
    const text = spelled.map((s) => (typeof s === 'string' ? s : s.text)).join(' ');
    const channel = spelled.reduce((sum, s) => sum + (typeof s === 'string' ? 0 : s.cost), 0);
    return { from, to, text, words: readWords, channel };
  };

  // Best path to each word boundary, by the last word read (its context for the next).
  const best: Map<string, Path>[] = words.map(() => new Map());
  best.push(new Map());
  best[0]!.set('', { score: 0 });
  for (let i = 0; i < words.length; i++) {
    const here = best[i]!;
    if (here.size === 0) continue;
    const fresh = words[i]!.breakBefore;
    for (const reading of readingsFrom(i)) {
      const there = best[reading.to]!;
      const last = reading.words[reading.words.length - 1]!.key;
      let inside = 0;
      for (let w = 1; w < reading.words.length; w++) inside += bigram(reading.words[w - 1]!.key, reading.words[w]!);
      for (const [previous, path] of here) {
        const first = reading.words[0]!;
        const context = fresh || previous === '' ? first.unigram : bigram(previous, first);
        const score = path.score + context + inside + reading.channel;
        const current = there.get(last);
        if (!current || current.score < score) there.set(last, { score, reading, previous: path });
      }
    }
  }

  const chosen: Path[] = [];
  let end = [...best[words.length]!.values()].reduce<Path | undefined>((a, b) => (!a || b.score > a.score ? b : a), undefined);
  for (; end?.reading; end = end.previous) chosen.push(end);
  chosen.reverse();
  return rewrite(text, words, chosen);
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
