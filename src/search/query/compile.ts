/**
 * A parsed query made ready for one index: each word analysed as the index's text was and expanded
 * through the vocabulary (stem, compounds, near spellings) into weighted terms with their IDF; words that
 * spell an abbreviation or a synonym searched for as its other forms too, weighted below the words as
 * typed; a question's frame left out; what candidates must and must not hold; and — when a word is
 * unknown — the query as the nearest indexed spellings would write it.
 */
import type { Token } from '../../indexing/analyzer.js';
import type { Vocabulary } from '../../indexing/vocabulary.js';
import type { CandidateQuery } from '../candidates.js';
import { idf, partIdf, type PhrasePart, type QueryTerm, type RankedClause, type RankedPart } from '../rank/ranker.js';
import { bindSections, widen, type QueryWord, type Widening } from './alternatives.js';
import type { QueryContext } from './context.js';
import { parseQuery, type Part } from './parse.js';
import { withoutQuestionFrame } from './question.js';

export interface CompileOptions {
  /** The words as typed only: no abbreviation or synonym widens the query. */
  exact?: boolean;
}

export interface CompiledQuery {
  clauses: RankedClause[];
  /** What a candidate must hold, by the same rule as the ranking matches: see CandidateQuery. */
  candidates: CandidateQuery;
  excludedPhrases: PhrasePart[];
  /** Every term the query's words may match: what is highlighted. */
  matchIds: Set<number>;
  suggestion?: string;
  /** Parts of the query left out: past MAX_QUERY_PARTS. */
  ignored: string[];
  widened: Widening[];
}

export function compileQuery(q: string, context: QueryContext, options: CompileOptions = {}): CompiledQuery {
  const { vocabulary, analysis, paragraphs } = context;
  const parsed = withoutQuestionFrame(q, parseQuery(q));
  const known = (term: string) => vocabulary.termIds.has(term);
  const tokensOf = (text: string) => analysis.tokens(text, known);
  const matchIds = new Set<number>();
  let corrected = false;
  const suggestionWords: string[] = [];

  const queryTerm = (term: string, surface: string): QueryTerm => {
    const expansions = vocabulary.expand(term, surface);
    const weights = new Map(expansions.map((e) => [e.term, e.weight]));
    let df = 0;
    for (const e of expansions) {
      matchIds.add(e.term);
      df += vocabulary.data.df[e.term]!;
    }
    return { weights, surface: vocabulary.surfaceIds.get(surface) ?? -1, idf: idf(Math.min(df, paragraphs), paragraphs) };
  };

  const rankedPart = (part: Part): { ranked: RankedPart; words: Token[] } | null => {
    const tokens = tokensOf(part.text);
    const words = tokens.filter((t) => !t.stop);
    if (words.length === 0) return null;
    for (const t of words) {
      const fix = vocabulary.termIds.has(t.term) ? undefined : closestSpelling(vocabulary, t.surface);
      if (fix) corrected = true;
      suggestionWords.push(fix ?? part.text.slice(t.start, t.end));
    }
    if (part.kind === 'word' || tokens.length === 1) return { ranked: { kind: 'word', terms: words.map((t) => queryTerm(t.term, t.surface)) }, words };
    const phraseWords = tokens.map((t) => ({ term: t.stop ? null : queryTerm(t.term, t.surface), surface: vocabulary.surfaceIds.get(t.surface) ?? -1 }));
    return { ranked: { kind: 'phrase', words: phraseWords, idf: phraseWords.reduce((s, w) => s + (w.term?.idf ?? 0), 0) }, words: [] };
  };

  const clauses: RankedClause[] = [];
  /** For each clause that is one word standing alone: its text and tokens, which alternatives are read from. */
  const words: (QueryWord | null)[] = [];
  for (const clause of parsed.clauses) {
    const parts = clause.anyOf.map((part) => ({ part, compiled: rankedPart(part) })).filter((p) => p.compiled !== null);
    if (parts.length === 0) continue;
    const anyOf = parts.map((p) => p.compiled!.ranked);
    clauses.push({ anyOf, idf: Math.max(...anyOf.map(partIdf)) });
    const [only] = parts;
    words.push(parts.length === 1 && only!.part.kind === 'word' ? { text: only!.part.text, tokens: only!.compiled!.words } : null);
  }
  bindSections(context, clauses, words, matchIds);
  const widened = options.exact ? [] : widen(context, clauses, words, matchIds);

  const exclude: string[] = [];
  const excludedPhrases: PhrasePart[] = [];
  for (const part of parsed.excluded) {
    if (part.kind === 'word') exclude.push(...tokensOf(part.text).filter((t) => !t.stop && known(t.term)).map((t) => t.term));
    else {
      const phrase = excludedPhrase(vocabulary, tokensOf(part.text));
      if (phrase) excludedPhrases.push(phrase);
    }
  }
  const termsOf = (term: QueryTerm) => [...term.weights.keys()].map((id) => vocabulary.term(id));
  const candidates: CandidateQuery = {
    clauses: clauses.map(({ anyOf }) => anyOf.map((part) => (part.kind === 'word' ? part.terms.map(termsOf) : part.words.flatMap((w) => (w.term ? [termsOf(w.term)] : []))))),
    // A clause of phrases only must hold (see the ranker).
    required: clauses.flatMap(({ anyOf }, k) => (anyOf.every((p) => p.kind === 'phrase') ? [k] : [])),
    exclude,
  };
  const compiled: CompiledQuery = { clauses, candidates, excludedPhrases, matchIds, ignored: parsed.ignored, widened };
  if (corrected) compiled.suggestion = suggestionWords.join(' ');
  return compiled;
}

/** An excluded phrase matches through its own terms only, never by fuzzy or compound expansion. */
function excludedPhrase(vocabulary: Vocabulary, tokens: Token[]): PhrasePart | null {
  const words = tokens.map((t) => {
    const id = vocabulary.termIds.get(t.term);
    return { term: t.stop ? null : { weights: new Map(id === undefined ? [] : [[id, 1]]), surface: -1, idf: 1 }, surface: vocabulary.surfaceIds.get(t.surface) ?? -1 };
  });
  return words.length ? { kind: 'phrase', words, idf: 1 } : null;
}

/** The indexed word form nearest to an unknown word: of the near spellings, the most frequent. */
function closestSpelling(vocabulary: Vocabulary, surface: string): string | undefined {
  const { surfaces, surfaceTerm, df } = vocabulary.data;
  const near = vocabulary.nearSurfaces(surface);
  near.sort((a, b) => df[surfaceTerm[b]!]! - df[surfaceTerm[a]!]!);
  return near.length ? surfaces[near[0]!] : undefined;
}
