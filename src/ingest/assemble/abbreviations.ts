/**
 * Abbreviations learned from the letters themselves: a long form with its short form in parentheses
 * ("Arbeidsforberedende trening (AFT)") or the other way round ("AFT (arbeidsforberedende trening)"),
 * each pair checked as Schwartz & Hearst do (every letter of the short form found in the long form, in
 * order, the first one starting a word). The corpus's data file (`corpus/abbreviations.json`, editable
 * without code) adds pairs the text never defines and vetoes pairs learned wrongly.
 */
import type { Abbreviation, Document } from '../../model/corpus.js';
import { fold } from '../../text/fold.js';
import { readDataFile } from '../read/data-file.js';

export interface AbbreviationEdits {
  add: { short: string; long: string }[];
  /** Pairs not to learn; without `long`, every pair of that short form. */
  veto: { short: string; long?: string }[];
}

/** A short form: a capital, then up to nine letters, digits or hyphens, two capitals at least ("AFT", "AVdir"). */
const SHORT_FORM = /^(?=(?:.*\p{Lu}){2})\p{Lu}[\p{L}\d-]{1,9}$/u;
/** At most this much text in parentheses is read as a definition. */
const MAX_INSIDE = 160;
/** A long form does not run across a sentence or clause boundary. */
const BOUNDARY = /[.;:!?,«»"()\n]/;

export function loadAbbreviationEdits(path: string): AbbreviationEdits {
  const pair = (p: unknown, needsLong: boolean) => {
    const { short, long } = (p ?? {}) as Partial<Abbreviation>;
    return typeof short === 'string' && (typeof long === 'string' || (!needsLong && long === undefined));
  };
  const fits = (data: unknown): data is Partial<AbbreviationEdits> => {
    const { add = [], veto = [] } = (data ?? {}) as Partial<AbbreviationEdits>;
    return Array.isArray(add) && Array.isArray(veto) && add.every((p) => pair(p, true)) && veto.every((p) => pair(p, false));
  };
  const { add = [], veto = [] } = readDataFile(path, fits, '{ add: [{ short, long }], veto: [{ short, long? }] }');
  return { add, veto };
}

/** The corpus's abbreviations: those its text defines, less the vetoed ones, with the data file's added. */
export function abbreviationsOf(documents: Document[], edits: AbbreviationEdits): Abbreviation[] {
  const vetoed = (short: string, long: string) => edits.veto.some((v) => v.short === short && (v.long === undefined || key(v.long) === key(long)));
  const learned = learnAbbreviations(documents).filter((a) => !vetoed(a.short, a.long));
  const added = edits.add.filter((a) => !learned.some((l) => l.short === a.short && key(l.long) === key(a.long))).map((a): Abbreviation => ({ short: a.short, long: a.long, source: 'data' }));
  return [...learned, ...added];
}

/**
 * Every pair the text defines, with how often, in the written form most used — one in lower case when
 * the text writes it so anywhere, the capital of the others being the sentence's or the heading's.
 */
export function learnAbbreviations(documents: Document[]): Abbreviation[] {
  const pairs = new Map<string, { short: string; forms: Map<string, number>; definitions: number }>();
  for (const doc of documents) {
    for (const paragraph of doc.sections.flatMap((s) => s.paragraphs)) {
      for (const { short, long } of definitionsIn(paragraph.text)) {
        const id = `${short}\u0000${key(long)}`;
        const pair = pairs.get(id) ?? { short, forms: new Map<string, number>(), definitions: 0 };
        pair.forms.set(long, (pair.forms.get(long) ?? 0) + 1);
        pair.definitions++;
        pairs.set(id, pair);
      }
    }
  }
  return [...pairs.values()]
    .map(({ short, forms, definitions }) => {
      const byUse = [...forms].sort((a, b) => b[1] - a[1]).map(([form]) => form);
      return { short, long: byUse.find((form) => /^\p{Ll}/u.test(form)) ?? byUse[0]!, source: 'learned' as const, definitions };
    })
    .sort((a, b) => a.short.localeCompare(b.short, 'nb'));
}

/** The definitions in one text. */
export function definitionsIn(text: string): { short: string; long: string }[] {
  const found: { short: string; long: string }[] = [];
  for (const [rawBefore, rawInside] of parenthesised(text)) {
    const before = rawBefore.split(BOUNDARY).pop()!.trim();
    const inside = rawInside.trim();
    if (SHORT_FORM.test(inside)) {
      // Long form first: the words before, at most as many as the short form allows.
      const words = before.split(/\s+/).filter(Boolean);
      const long = longForm(inside, words.slice(-Math.min(inside.length + 5, inside.length * 2)).join(' '));
      if (long) found.push({ short: inside, long });
      continue;
    }
    // Short form first: the word before the parentheses, the whole of what is inside them its long form.
    const short = before.split(/\s+/).pop() ?? '';
    if (SHORT_FORM.test(short) && !BOUNDARY.test(inside) && inside.split(/\s+/).length <= Math.min(short.length + 5, short.length * 2)) {
      const long = longForm(short, inside);
      if (long === inside) found.push({ short, long });
    }
  }
  return found;
}

/**
 * Each text in parentheses (none inside, at most MAX_INSIDE long) with the text before it back to the
 * parenthesis before, its trailing space cut. One pass over the parentheses: a pattern for it would try every start again.
 */
function* parenthesised(text: string): Generator<[before: string, inside: string]> {
  let start = 0;
  for (let at = nextParenthesis(text, 0); at !== -1; ) {
    const next = nextParenthesis(text, at + 1);
    if (text[at] === '(' && next !== -1 && text[next] === ')' && next - at - 1 >= 1 && next - at - 1 <= MAX_INSIDE) {
      yield [text.slice(start, at).trimEnd(), text.slice(at + 1, next)];
      start = next + 1;
      at = nextParenthesis(text, start);
    } else {
      start = at + 1;
      at = next;
    }
  }
}

function nextParenthesis(text: string, from: number): number {
  const open = text.indexOf('(', from);
  const close = text.indexOf(')', from);
  return open === -1 ? close : close === -1 ? open : Math.min(open, close);
}

/**
 * Schwartz & Hearst's test: the shortest end of `candidate` holding every letter and digit of `short`
 * in order, the first at the start of a word; null when there is none, or it holds the short form itself.
 */
function longForm(short: string, candidate: string): string | null {
  const s = short.toLowerCase();
  const l = candidate.toLowerCase();
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si--) {
    const c = s[si]!;
    if (!/[\p{L}\d]/u.test(c)) continue;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[\p{L}\d]/u.test(l[li - 1]!)))) li--;
    if (li < 0) return null;
    li--;
  }
  // The long form starts with the word its first letter starts ("v/Etablerings…" is "Etablerings…").
  let start = li + 1;
  while (start > 0 && !/[\s/]/u.test(l[start - 1]!)) start--;
  const long = candidate.slice(start).trim();
  if (long.length <= short.length || new RegExp(`(?<![\\p{L}\\d])${short.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![\\p{L}\\d])`, 'u').test(long)) return null;
  return long;
}

function key(long: string): string {
  return fold(long).replace(/\s+/g, ' ').trim();
}
