/**
 * Other ways of saying a query's words, added to its clauses as alternatives that count less than the
 * words as typed: the other forms of an abbreviation or synonym the words spell ("AFT" is also
 * "arbeidsforberedende trening", and each of those two words is also "AFT"; "KVP-deltakere" is also
 * "kvalifiseringsprogrammet-deltakere"), and a section or chapter named next to its law as that law's
 * ("sosialtjenesteloven § 17" is § 17 of that law first, any § 17 after).
 */
import type { Token } from '../../indexing/analyzer.js';
import { boundTerm, isPlaceTerm, LAW_TERM_PREFIX } from '../../indexing/law-terms.js';
import type { AlternativeKind } from '../../indexing/thesaurus.js';
import { idf as idfOf, type QueryTerm, type RankedClause, type RankedPart } from '../rank/ranker.js';
import type { QueryContext } from './context.js';

/** Words of the query that were searched for in other words too: "AFT" also as "arbeidsforberedende trening". */
export interface Widening {
  words: string;
  kind: AlternativeKind;
  alternatives: string[];
}

/** A clause that is one word standing alone: its text and its tokens (stop words left out). */
export interface QueryWord {
  text: string;
  tokens: Token[];
}

/** What a section matched without its law is worth next to one matched as that law's. */
const UNBOUND_SECTION = 0.5;

/** The alternatives a thesaurus gives the query's words, added to `clauses`; what was widened, to be told. */
export function widen(context: QueryContext, clauses: RankedClause[], words: (QueryWord | null)[], matchIds: Set<number>): Widening[] {
  const widened: Widening[] = [];
  const tell = (text: string, parts: { kind: AlternativeKind; text: string }[]) => {
    for (const kind of new Set(parts.map((p) => p.kind))) widened.push({ words: text, kind, alternatives: parts.filter((p) => p.kind === kind).map((p) => p.text) });
  };
  // Forms spelled by whole words, across a run of single words.
  for (const run of runsOf(words)) {
    const terms = run.flatMap((k) => words[k]!.tokens.map((t) => t.term));
    const clauseOf = run.flatMap((k) => words[k]!.tokens.map(() => k));
    const wordEnds = new Set(run.map((_, n) => run.slice(0, n + 1).reduce((sum, k) => sum + words[k]!.tokens.length, 0)));
    for (let i = 0; i < terms.length; ) {
      const match = i === 0 || wordEnds.has(i) ? context.thesaurus.at(terms, i, (end) => wordEnds.has(end)) : null;
      if (!match) {
        i++;
        continue;
      }
      const spanned = [...new Set(clauseOf.slice(i, i + match.length))];
      const told = match.alternatives.filter((alternative) => {
        const parts = spanned.map((k) => alternativePart(context, alternative.tokens, alternative.weight, clauses[k]!.idf, matchIds));
        spanned.forEach((k, n) => parts[n] && clauses[k]!.anyOf.push(parts[n]));
        return parts.some(Boolean);
      });
      tell(spanned.map((k) => words[k]!.text).join(' '), told);
      i += match.length;
    }
  }
  // Forms spelled by a part of one word ("KVP" of "KVP-deltakere"): that word with the part said otherwise.
  words.forEach((word, k) => {
    const part = clauses[k]!.anyOf[0];
    if (!word || word.tokens.length < 2 || part?.kind !== 'word') return;
    const terms = word.tokens.map((t) => t.term);
    for (let i = 0; i < terms.length; i++) {
      const match = context.thesaurus.at(terms, i, (end) => end <= terms.length && end - i < terms.length);
      if (!match) continue;
      const alternatives = match.alternatives.flatMap((alternative) => {
        const spelled = part.terms.slice(i, i + match.length);
        const replaced = alternativeTerms(context, alternative.tokens, alternative.weight, spelled.reduce((sum, t) => sum + t.idf, 0), matchIds);
        if (!replaced) return [];
        clauses[k]!.anyOf.push({ kind: 'word', terms: [...part.terms.slice(0, i), ...replaced, ...part.terms.slice(i + match.length)] });
        return [alternative];
      });
      tell(word.text.slice(word.tokens[i]!.start, word.tokens[i + match.length - 1]!.end), alternatives);
      i += match.length - 1;
    }
  });
  return widened;
}

/**
 * A section or chapter next to a law's name (either side: "NAV-loven § 14 a", "§ 17 i
 * sosialtjenesteloven") is searched for as that law's first, as one named without a law after, never as
 * another law's. Where the text has neither, the section is dropped and the law alone is searched for.
 */
export function bindSections(context: QueryContext, clauses: RankedClause[], words: (QueryWord | null)[], matchIds: Set<number>): void {
  const unmatched = new Set<number>();
  const lawOf = (k: number) => {
    const tokens = words[k]?.tokens;
    return tokens?.length === 1 && tokens[0]!.term.startsWith(LAW_TERM_PREFIX) ? tokens[0]!.term : null;
  };
  words.forEach((word, k) => {
    const part = clauses[k]!.anyOf[0];
    const law = lawOf(k - 1) ?? lawOf(k + 1);
    if (!word || !law || part?.kind !== 'word' || !word.tokens.some((t) => isPlaceTerm(t.term))) return;
    const bound = alternativeTerms(context, word.tokens.filter((t) => isPlaceTerm(t.term)).map((t) => ({ ...t, term: boundTerm(law, t.term), surface: boundTerm(law, t.surface) })), 1, null, matchIds);
    // A section named without a law may be that law's; one named with another law is not.
    const unbound = alternativeTerms(context, word.tokens, UNBOUND_SECTION, null, matchIds);
    const parts = [bound, unbound].flatMap((terms): RankedPart[] => (terms ? [{ kind: 'word', terms }] : []));
    const others = clauses[k]!.anyOf.slice(1);
    if (parts.length + others.length) clauses[k] = { anyOf: [...parts, ...others], idf: clauses[k]!.idf };
    else unmatched.add(k);
  });
  for (const k of [...unmatched].reverse()) {
    clauses.splice(k, 1);
    words.splice(k, 1);
  }
}

/** The indices of consecutive single words, run by run. */
function runsOf(words: (QueryWord | null)[]): number[][] {
  const runs: number[][] = [];
  words.forEach((word, k) => {
    if (!word) return;
    if (k > 0 && words[k - 1]) runs[runs.length - 1]!.push(k);
    else runs.push([k]);
  });
  return runs;
}

/**
 * Another form as a part of a clause: a word, or a phrase of its tokens, weighing the IDF of the words
 * it stands for (`idf`), so it is never worth more than they; null when the index lacks one of its terms.
 */
function alternativePart(context: QueryContext, tokens: Token[], weight: number, idf: number, matchIds: Set<number>): RankedPart | null {
  const terms = alternativeTerms(context, tokens, weight, idf, matchIds);
  if (!terms) return null;
  if (tokens.length === 1) return { kind: 'word', terms };
  const { surfaceIds } = context.vocabulary;
  let next = 0;
  const words = tokens.map((t) => ({ term: t.stop ? null : terms[next++]!, surface: surfaceIds.get(t.surface) ?? -1 }));
  return { kind: 'phrase', words, idf: weight * idf };
}

/**
 * The terms of another form's tokens (stop words left out), each match worth `weight`, sharing `idf`
 * (or each its own, when null); null when the index lacks one.
 */
function alternativeTerms({ vocabulary, paragraphs }: QueryContext, tokens: Token[], weight: number, idf: number | null, matchIds: Set<number>): QueryTerm[] | null {
  const ids: number[] = [];
  for (const t of tokens) {
    if (t.stop) continue;
    const id = vocabulary.termIds.get(t.term);
    if (id === undefined) return null;
    ids.push(id);
  }
  if (ids.length === 0) return null;
  for (const id of ids) matchIds.add(id);
  return ids.map((id) => ({ weights: new Map([[id, weight]]), surface: -1, idf: idf === null ? idfOf(vocabulary.data.df[id]!, paragraphs) : idf / ids.length }));
}
