/**
 * The one text analysis used both when indexing and when querying, so the two can never disagree.
 *
 * text → tokens (with offsets, for snippets and highlighting) → terms:
 * - words are lower-cased and folded (æ→ae, ø→o, å→a; a typed "oe" meets ø too), then stemmed with
 *   the Snowball Norwegian stemmer, so `oppfølging`/`oppfolging`/`oppfoelging` and
 *   `ungdomsgaranti`/`ungdomsgarantien` meet;
 * - abbreviations written in capitals (AAP, IPS, KVP, NOE, IA, OT) are kept exactly, never stemmed nor
 *   dropped as stop words ("NOE" is a unit, "noe" a stop word); a genitive s is cut (NAVs → nav); a run
 *   of three or more words in capitals is a heading set in capitals and read as ordinary words;
 * - law references become one term (`§ 14 a`, `§14 a` → `§14a`; `§§ 24 og 25` → `§24`, `§25`);
 * - numbers and section numbers stay whole (`2.1.1`, `6,1`);
 * - hyphenated compounds are split into their parts (`NAV-kontoret` → nav, kontor);
 * - footnote markers (superscript digits) separate words and are never terms.
 */
import snowball from 'snowball-stemmers';
import { fold } from '../text/fold.js';
import { STOPWORDS } from './stopwords.js';

export interface Token {
  /** The index term: stemmed, folded; for abbreviations, numbers and law references the exact form. */
  term: string;
  /** The folded word as written (before stemming), for exact-match scoring and typo tolerance. */
  surface: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
  stop: boolean;
}

const stemmer = snowball.newStemmer('norwegian');

/** A law reference: `§ 14 a`, `§14 a`, `§§ 24 og 25`. The query parser keeps one together as one word. */
export const LAW_REFERENCE = /(§{1,2})\s*(\d+)(?:\s*([a-zA-Z])(?![\p{L}\d]))?((?:\s*(?:,|og|-|–)\s*\d+(?:\s*[a-zA-Z](?![\p{L}\d]))?)*)/u;

/** Numbers with dots or commas, and words (letters and digits, joined by hyphens). */
const WORD = '\\d+(?:[.,]\\d+)+|[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*';
/** Law references too: tried first at every position, so only used on text that has a §. */
const TOKEN_WITH_LAW = new RegExp(`${LAW_REFERENCE.source}|${WORD}`, 'gu');
const TOKEN = new RegExp(WORD, 'gu');

/** Three or more words in capitals are shouting (a heading in capitals), not abbreviations. */
const SHOUTING = /\p{Lu}{2,}(?:[\s,.:;–-]+\p{Lu}{2,}){2,}/gu;

export function analyze(input: string): Token[] {
  // Lower-cased only where that keeps every offset (it always does for Norwegian letters).
  const text = input.replace(SHOUTING, (run) => (run.toLowerCase().length === run.length ? run.toLowerCase() : run));
  const tokens: Token[] = [];
  const push = (term: string, surface: string, start: number, end: number, stop = false) => {
    tokens.push({ term, surface, start, end, stop });
  };
  for (const m of text.matchAll(text.includes('§') ? TOKEN_WITH_LAW : TOKEN)) {
    const start = m.index;
    if (m[1]) {
      // § 14 a / §§ 24 og 25: one term per referenced section.
      const refs = [`${m[2]}${m[3] ?? ''}`, ...[...(m[4] ?? '').matchAll(/(\d+)(?:\s*([a-zA-Z]))?/g)].map((r) => `${r[1]}${r[2] ?? ''}`)];
      for (const ref of refs) push(`§${ref.toLowerCase()}`, `§${ref.toLowerCase()}`, start, start + m[0].length);
      continue;
    }
    const word = m[0];
    if (/^\d/.test(word) && /^[\d.,]+$/.test(word)) {
      push(word.replace(/[.,]$/, ''), word, start, start + word.length);
      continue;
    }
    let offset = start;
    for (const part of word.split('-')) {
      analyzeWord(part, offset, push);
      offset += part.length + 1;
    }
  }
  return tokens;
}

function analyzeWord(word: string, start: number, push: (term: string, surface: string, start: number, end: number, stop?: boolean) => void): void {
  const analysed = wordAnalysis(word);
  if (analysed) push(analysed.term, analysed.surface, start, start + word.length, analysed.stop);
}

interface WordAnalysis {
  term: string;
  surface: string;
  stop: boolean;
}

/**
 * A written word's analysis depends on the word alone, and a few thousand words make up most text:
 * remembering them spares folding and stemming (the bulk of analysis) at indexing and for snippets.
 */
const analysedWords = new Map<string, WordAnalysis | null>();
const MAX_REMEMBERED_WORDS = 200_000;

function wordAnalysis(word: string): WordAnalysis | null {
  let analysed = analysedWords.get(word);
  if (analysed !== undefined) return analysed;
  analysed = analyseWord(word);
  if (analysedWords.size >= MAX_REMEMBERED_WORDS) analysedWords.clear();
  analysedWords.set(word, analysed);
  return analysed;
}

function analyseWord(word: string): WordAnalysis | null {
  if (!word) return null;
  // Capitals (AAP, NAVs, P4): an abbreviation, matched exactly. One that spells a stop word keeps its
  // capitals as its term (NOE, not noe), so it is neither dropped nor confused with the word.
  const abbreviation = /^(\p{Lu}{2,}|\p{Lu}+\d+)(s?)$/u.exec(word);
  if (abbreviation && word.length <= 8) {
    const folded = fold(abbreviation[1]!);
    const term = STOPWORDS.has(folded) ? folded.toUpperCase() : folded;
    return { term, surface: term, stop: false };
  }
  // Folding may leave nothing of a stray symbol (an isolated Arabic vowel sign): no term then.
  const surface = foldWord(word).replace(/[^\p{L}\d]/gu, '');
  if (!surface) return null;
  if (STOPWORDS.has(surface)) return { term: surface, surface, stop: true };
  return { term: /^\d+$/.test(surface) ? surface : stem(surface), surface, stop: false };
}

/**
 * Snowball's stem of a stem can be shorter still (brukere → bruker → bruk); stemming to the fixed point
 * makes a term analyse as itself, so terms can be handed back to the analyzer as a query.
 */
function stem(word: string): string {
  for (let current = word; ; ) {
    const next = stemmer.stem(current);
    if (next === current) return current;
    current = next;
  }
}

/** Lower-case and fold one word; "oe" is how ø is typed without the letter ("oppfoelging"). */
function foldWord(word: string): string {
  return fold(word).replace(/oe/g, 'o');
}

/** The index terms of a text, in order, without stop words. */
export function terms(text: string): string[] {
  return analyze(text)
    .filter((t) => !t.stop)
    .map((t) => t.term);
}
