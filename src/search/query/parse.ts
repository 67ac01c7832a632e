/**
 * The query language: words (all should match; more matched ranks higher), `"exact phrase"` (must
 * match), `-word` / `-"phrase"` (must not match) and `OR` between two parts (either satisfies that
 * part); a slash between words (`sykmeldte/arbeidsledige`) reads as OR; a coordination ("helse- og
 * omsorgstjenesten") is one word. The parser is total: any string parses, malformed input degrading to
 * the nearest sensible reading (an unterminated quote runs to the end, a lone `-` or a dangling `OR` is
 * ignored).
 */
import { LAW_REFERENCE } from '../../indexing/analyzer.js';
import { cleanInput } from '../../text/clean-input.js';

/** A word, or words that must stand together as written. */
export type Part = { kind: 'word'; text: string } | { kind: 'phrase'; text: string };

export interface Clause {
  /** Alternatives: one for a plain word or phrase, several when joined by OR. */
  anyOf: Part[];
}

export interface ParsedQuery {
  clauses: Clause[];
  excluded: Part[];
  /** Parts left out because the query had more than MAX_QUERY_PARTS: the work of one query is bounded. */
  ignored: string[];
}

/** Words and phrases of one query taken into account (a repeated one counts once); advisors type far fewer. */
export const MAX_QUERY_PARTS = 16;

/** Longest query text taken into account: the web refuses a longer one, other callers have the rest ignored. */
export const MAX_QUERY_LENGTH = 1000;

/** Parts joined to a last word, their common end left out: `helse- og omsorgstjenesten`, `arbeids-, helse- og sosial…`. */
const COORDINATION = String.raw`(?:[\p{L}\d]+-\s*,\s*)*[\p{L}\d]+-\s+(?:og|eller|samt)\s+[\p{L}\d]+(?:-[\p{L}\d]+)*`;

/** A quoted phrase, or a word: a law reference with its spaces (`§ 14 a`), a coordination, or a run of non-space. */
const LEXEME = new RegExp(`(-?)"([^"]*)("?)|(-?)(${LAW_REFERENCE.source.replace(/\((?!\?)/g, '(?:')}|${COORDINATION}|[^\\s"]+)`, 'gu');

export function parseQuery(input: string): ParsedQuery {
  const text = cleanInput(input.normalize('NFKC')).slice(0, MAX_QUERY_LENGTH);
  const clauses: Clause[] = [];
  const excluded: Part[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  let joinNext = false;

  for (const m of text.matchAll(LEXEME)) {
    const negated = (m[1] ?? m[4]) === '-';
    const part: Part | null = m[2] !== undefined ? phrase(m[2]) : word(m[5]!);
    if (m[5] === 'OR') {
      joinNext = clauses.length > 0;
      continue;
    }
    if (!part) continue;
    const key = `${negated ? '-' : ''}${part.kind}:${part.text.toLowerCase()}`;
    // A word or phrase said again adds nothing; past the bound, parts are left out and said to be.
    if (seen.has(key) || seen.size >= MAX_QUERY_PARTS) {
      if (!seen.has(key)) ignored.push(m[0]);
      joinNext = false;
      continue;
    }
    seen.add(key);
    const parts = alternatives(part);
    if (negated) excluded.push(...parts);
    else if (joinNext) clauses[clauses.length - 1]!.anyOf.push(...parts);
    else clauses.push({ anyOf: parts });
    joinNext = false;
  }
  return { clauses, excluded, ignored };
}

function phrase(text: string): Part | null {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (!clean) return null;
  return clean.includes(' ') ? { kind: 'phrase', text: clean } : { kind: 'word', text: clean };
}

/** `ansatte/medarbeidere` is either word, as advisors write it; a slash inside a phrase stays as written. */
function alternatives(part: Part): Part[] {
  if (part.kind !== 'word' || !/\p{L}\/\p{L}/u.test(part.text)) return [part];
  return part.text.split('/').flatMap((piece) => word(piece) ?? []);
}

function word(text: string): Part | null {
  // Punctuation alone ("-", "…", "&") carries no search meaning.
  return /[\p{L}\p{N}§]/u.test(text) ? { kind: 'word', text } : null;
}
