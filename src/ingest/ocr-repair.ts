import type { LanguageModel } from './language-model.js';
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
const UNSEEN = { listed: 0.1, corpus: 0, unknown: 0.001 };
/** How much less likely an unknown word is for each letter sequence no Norwegian word in the corpus has. */
const UNFAMILIAR = 0.1;
/** Odds that two words stand joined as a compound rather than apart. */
const COMPOUNDING = 0.01;
/** Taken off every word pair seen, to leave room for the many pairs a small corpus has not seen. */
const DISCOUNT = 0.75;
/** How many observations an ending's overall share counts for against what follows one word. */
const ENDING_SMOOTHING = 5;
/** A word of lost letters only ("å") that vanished from the scan with its spaces. */
const LOST_WORD = Math.log(0.03);

/** One way to read a stretch of the scan: one word or two joined, as a word and what it costs. */
interface Reading {
  /** Index of the first scanned word read, and of the one after the last. */
  from: number;
  to: number;
  text: string;
  key: string;
  channel: number;
  unigram: number;
}

interface Path {
  score: number;
  reading?: Reading;
  /** A lost word put back before the reading. */
  inserted?: string;
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
        ? spelling.parts.reduce((odds, part) => odds * COMPOUNDING * Math.min(1, model.count(part) + UNSEEN.listed), UNSEEN.listed / COMPOUNDING)
        : spelling
          ? UNSEEN[spelling.kind]
          : UNSEEN.unknown * UNFAMILIAR ** model.unfamiliarTrigrams(key);
    return Math.log((model.count(key) + unseen) / total);
  };
  // Absolute discounting: a word followed by many different words leaves more to words unseen after it,
  // shared out by how often words with this ending follow it.
  const bigrams = new Map<string, number>();
  const bigram = (previous: string, reading: Reading) => {
    const pair = `${previous} ${reading.key} ${reading.unigram}`;
    let p = bigrams.get(pair);
    if (p === undefined) bigrams.set(pair, (p = contextual(previous, reading)));
    return p;
  };
  const contextual = (previous: string, reading: Reading) => {
    const after = model.followersOf(previous);
    if (after.total === 0) return reading.unigram;
    const endingShare = model.endingCount(reading.key) / total;
    const endingHere = (model.endingPairCount(previous, reading.key) + ENDING_SMOOTHING * endingShare) / (after.total + ENDING_SMOOTHING);
    const unseen = Math.exp(reading.unigram) * (endingShare > 0 ? endingHere / endingShare : 1);
    const seen = Math.max(model.pairCount(previous, reading.key) - DISCOUNT, 0);
    return Math.log((seen + DISCOUNT * after.distinct * unseen) / after.total);
  };
  const lostWords = [...model.vocabulary()].filter((w) => /^[æøå]+$/u.test(w));
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
    const out: Reading[] = [read(i, i + 1, word.text, 0, own)];
    if (!own && isAbbreviation(word)) return out;
    for (const s of spellings(word.text, !own)) if (s !== own) out.push(read(i, i + 1, s.text, s.cost, s));
    const next = words[i + 1];
    const gap = next ? text.slice(word.end, next.start) : '';
    // A word split where a letter was lost ("gj re"), or by a line-end hyphen ("oppfølg-\ning").
    if (next && !next.breakBefore && (gap === ' ' || /^-[ \t]*\n[ \t]*$/u.test(gap))) {
      const source = word.text + (gap === ' ' ? ' ' : LINE_BREAK) + next.text;
      for (const s of spellings(source, false)) if (s.kind !== 'compound') out.push(read(i, i + 2, s.text, s.cost, s));
    }
    return out;
  };
  // An unknown word with a full stop that ends no sentence is an abbreviation ("pkt. 3", "jf. kap").
  const isAbbreviation = (word: ProseWord) => /^\.\s*[\p{Ll}\d]/u.test(text.slice(word.end, word.end + 3));
  const read = (from: number, to: number, word: string, channel: number, spelling: Spelling | undefined): Reading => {
    const key = word.toLowerCase().replaceAll(LINE_BREAK, '');
    return { from, to, text: word, key, channel, unigram: unigram(key, spelling) };
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
      const offer = (path: Path) => {
        const current = there.get(reading.key);
        if (!current || current.score < path.score) there.set(reading.key, path);
      };
      for (const [previous, path] of here) {
        const context = fresh || previous === '' ? reading.unigram : bigram(previous, reading);
        offer({ score: path.score + context + reading.channel, reading, previous: path });
        if (fresh || previous === '') continue;
        for (const lost of lostWords) {
          const score =
            path.score + LOST_WORD + bigram(previous, read(i, i, lost, 0, { text: lost, cost: 0, kind: 'listed', parts: [] })) + bigram(lost, reading) + reading.channel;
          offer({ score, reading, inserted: lost, previous: path });
        }
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
  for (const { reading, inserted } of chosen) {
    const first = words[reading!.from]!;
    const last = words[reading!.to - 1]!;
    const from = text.slice(first.start, last.end);
    out += text.slice(copied, first.start);
    copied = first.start;
    if (inserted) {
      repairs.push({ start: out.length, end: out.length + inserted.length, from: '', to: inserted });
      out += inserted + ' ';
    }
    const gap = reading!.to - reading!.from === 2 ? text.slice(first.end, words[reading!.from + 1]!.start) : '';
    const to = reading!.text.replace(LINE_BREAK, gap);
    if (to !== from) {
      repairs.push({ start: out.length, end: out.length + to.length, from, to });
      out += to;
      copied = last.end;
    }
  }
  return { text: out + text.slice(copied), repairs };
}
