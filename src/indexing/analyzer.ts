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
 * - law references become one term (`§ 14 a`, `§14 a` → `§14a`; `§§ 24 og 25` → `§24`, `§25`), and a
 *   chapter one too (`kapittel 11` → kapittel, `kap11`; `§ 11-12` → `§11-12`, `kap11`);
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

/** A section number as laws print it: `14`, `14 a`, `11-12` (section 12 of chapter 11); "§ 17 i" is § 17 in … */
const SECTION_NUMBER = String.raw`\d+(?:-\d+)?(?:\s*[a-hj-zA-HJ-Z](?![\p{L}\d]))?`;

/**
 * A reference to sections or a chapter of a law: `§ 14 a`, `§14 a`, `§§ 24 og 25`, `§ 11-12`,
 * `kapittel 11`, `kap. 4`. The query parser keeps one together as one word.
 */
export const LAW_REFERENCE = new RegExp(
  String.raw`(§{1,2})\s*(${SECTION_NUMBER})((?:\s*(?:,|og|–)\s*${SECTION_NUMBER})*)|(?<![\p{L}\d])([Kk]apittel|[Kk]ap\.)\s*(\d+)(?![\p{L}\d])`,
  'u',
);

/** Numbers with dots or commas, and words (letters and digits, joined by hyphens). */
const WORD = '\\d+(?:[.,]\\d+)+|[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*';
/** Law references too: tried first at every position, so only used on text that has a § or a chapter. */
const TOKEN_WITH_LAW = new RegExp(`${LAW_REFERENCE.source}|${WORD}`, 'gu');
const MAY_REFER = /§|kap/i;
const TOKEN = new RegExp(WORD, 'gu');

/** Three or more words in capitals are shouting (a heading in capitals), not abbreviations. */
const SHOUTING = /\p{Lu}{2,}(?:[\s,.:;–-]+\p{Lu}{2,}){2,}/gu;

export function analyze(input: string): Token[] {
  // Lower-cased only where that keeps every offset (it always does for Norwegian letters).
  const text = input.replace(SHOUTING, (run) => (run.toLowerCase().length === run.length ? run.toLowerCase() : run));
  const tokens: Token[] = [];
  const push = (term: string, surface: string, start: number, end: number) => {
    tokens.push({ term, surface, start, end, stop: false });
  };
  const pattern = MAY_REFER.test(text) ? TOKEN_WITH_LAW : TOKEN;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) {
      // § 14 a / §§ 24 og 25: one term per referenced section; § 11-12 names chapter 11 too.
      for (const [ref] of `${m[2]}${m[3]}`.matchAll(new RegExp(SECTION_NUMBER, 'gu'))) {
        const section = ref.replace(/\s/g, '').toLowerCase();
        push(`§${section}`, `§${section}`, start, end);
        const chapter = /^(\d+)-/.exec(section);
        if (chapter) push(`kap${chapter[1]}`, `kap${chapter[1]}`, start, end);
      }
      continue;
    }
    if (m[4]) {
      // kapittel 11: the word, and the chapter as one term.
      const word = wordToken(m[4].replace('.', ''), start);
      if (word) tokens.push(word);
      push(`kap${m[5]}`, `kap${m[5]}`, start, end);
      continue;
    }
    const word = m[0];
    if (/^\d/.test(word) && /^[\d.,]+$/.test(word)) {
      push(word.replace(/[.,]$/, ''), word, start, start + word.length);
      continue;
    }
    // Each part between hyphens (most words have none: the whole word, not copied).
    for (let from = 0; from <= word.length; ) {
      const hyphen = word.indexOf('-', from);
      const to = hyphen === -1 ? word.length : hyphen;
      const token = wordToken(word.slice(from, to), start + from);
      if (token) tokens.push(token);
      from = to + 1;
    }
  }
  return tokens;
}

/** One word's token (no hyphen inside): what the analyzer makes of it at `start`; null for none. */
export function wordToken(word: string, start: number, end = start + word.length): Token | null {
  const analysed = wordAnalysis(word);
  return analysed && { term: analysed.term, surface: analysed.surface, start, end, stop: analysed.stop };
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
 * makes a term analyse as itself, so terms can be handed back to the analyzer as a query. A doubled
 * last consonant is made single, as Norwegian writes a word without its ending (programmet → program,
 * tilskuddet → tilskudd → tilskud): a stem of 5 letters or more only, so takk and tak stay apart.
 */
function stem(word: string): string {
  for (let current = word; ; ) {
    let next = keepDerivation(current, stemmer.stem(current));
    if (next.length >= 5) next = next.replace(/([bdfgklmnprstv])\1$/, '$1');
    if (next === current) return current;
    current = next;
  }
}

/** Snowball's derivational endings (its step 3), looked for at the start of what it cut off. */
const DERIVATIONAL = /^(?:hetslov|elov|slov|lov|eleg|elig|els|leg|lig|eig|ig)/;

/**
 * On a stem of three letters or fewer a derivational ending carries the meaning: Snowball makes
 * `ledig`, `leder` and `ledelse` all `led`, `farlig` and `far` one, `tidlig` and `tid` one. Such a
 * stem keeps the ending the word had (ledige, ledighet → ledig; ledelsen → ledel; leder → led).
 */
function keepDerivation(word: string, stemmed: string): string {
  if (stemmed.length > 3 || !word.startsWith(stemmed)) return stemmed;
  const ending = DERIVATIONAL.exec(word.slice(stemmed.length));
  return ending ? stemmed + ending[0] : stemmed;
}

/**
 * Lower-case and fold one word; "oe" is how ø is typed without the letter ("oppfoelging"). Only an "oe"
 * typed so: an ø folded before an e ("miljøet") is an o and an e.
 */
function foldWord(word: string): string {
  return fold(word.toLowerCase().replace(/oe/g, 'o'));
}

/** The index terms of a text, in order, without stop words. */
export function terms(text: string): string[] {
  return analyze(text)
    .filter((t) => !t.stop)
    .map((t) => t.term);
}
