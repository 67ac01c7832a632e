import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { Corpus } from '../model.js';
import { analyze } from './analyzer.js';
import { Catalog, paragraphUrl, type Entry } from './catalog.js';
import { Comparer, type Comparison } from './compare.js';
import { applyFilters, type Facets, type Filter } from './facets.js';
import { createDocumentIndex, indexedParagraph, memoryFinder, mountedFinder, type CandidateFinder, type DocumentIndex, type MountedIndex } from './flexsearch-index.js';
import { ForwardIndex } from './forward-index.js';
import { isPromise, then, type MaybePromise } from './maybe-promise.js';
import { parseQuery, type Part } from './query-parser.js';
import { analyseCatalog, type RankingData } from './ranking-data.js';
import { idf, Ranker, type QueryTerm, type RankedClause, type RankedPart } from './ranking.js';
import { newestRestatementFirst, RESTATEMENT_WINDOW, type RestatementContext } from './restatements.js';
import { rankTop } from './result-order.js';
import { snippet, type Match } from './snippet.js';
import { Vocabulary, type VocabularyData } from './vocabulary.js';

/**
 * The search engine: FlexSearch finds candidate paragraphs, the ranker orders them, facets count them,
 * snippets show them. Build it from a corpus, export it to a directory, load it back unchanged — or run
 * it over a FlexSearch index mounted on a database, which answers `searchAsync`.
 */
export interface SearchRequest {
  q?: string;
  years?: number[];
  topics?: string[];
  types?: string[];
  limit?: number;
  offset?: number;
}

export interface Hit {
  id: string;
  docId: string;
  year: number;
  type: string;
  docTitle: string;
  section: string;
  sectionTitle: string;
  heading: string | null;
  topics: string[];
  text: string;
  snippet: string;
  url: string;
  sources: string[];
  score: number;
}

export interface SearchResponse {
  total: number;
  hits: Hit[];
  facets: Facets;
  /** The query with unknown words replaced by the nearest indexed spelling, when that differs. */
  suggestion?: string;
}

export const MAX_LIMIT = 100;
/**
 * Candidates taken at most: a guard against a runaway archive, far above the 54,100 paragraphs of the
 * 100× bench corpus. Below it every match is counted; only the shown part of the list is ranked.
 */
const MAX_CANDIDATES = 200_000;

interface CompiledQuery {
  clauses: RankedClause[];
  /** Terms a match may hold: every expansion of the query's words, which are also what is highlighted. */
  include: string[];
  exclude: string[];
  /** Words every match must hold: those of each phrase that stands alone as a clause, as their terms. */
  required: string[][];
  excludedPhrases: RankedPart[];
  /** The ids of the `include` terms. */
  matchIds: Set<number>;
  suggestion?: string;
}

/** A request made ready: bounds applied, filters and query compiled. */
interface Plan {
  q: string;
  limit: number;
  offset: number;
  filter: Filter;
  query: CompiledQuery;
}

export class SearchEngine {
  readonly ranker: Ranker;
  private readonly comparer: Comparer;

  private constructor(
    readonly catalog: Catalog,
    private readonly finder: CandidateFinder,
    readonly forward: ForwardIndex,
    readonly vocabulary: Vocabulary,
  ) {
    if (forward.size !== catalog.size) throw new Error(`index holds ${forward.size} paragraphs, corpus ${catalog.size}`);
    this.ranker = new Ranker(forward, catalog.entries.map((e) => e.ordinal));
    this.comparer = new Comparer(catalog, forward, vocabulary);
  }

  static build(corpus: Corpus): SearchEngine {
    const catalog = new Catalog(corpus);
    const index = createDocumentIndex();
    const { forward, vocabulary } = analyseCatalog(catalog, (position, entry, fields) => index.add(indexedParagraph(position, entry, fields)));
    return new SearchEngine(catalog, memoryFinder(index), forward, vocabulary);
  }

  /** Write the FlexSearch index and the ranking data into `dir` (which should be new or empty). */
  async export(dir: string): Promise<void> {
    mkdirSync(join(dir, 'flexsearch'), { recursive: true });
    await this.finder.index.export((key, data) => writeFileAtomic(join(dir, 'flexsearch', `${key}.json`), data));
    writeFileAtomic(join(dir, 'forward.bin'), this.forward.serialize());
    writeFileAtomic(join(dir, 'vocabulary.json'), JSON.stringify(this.vocabulary.data));
  }

  static load(dir: string, corpus: Corpus): SearchEngine {
    const index = createDocumentIndex();
    for (const file of readdirSync(join(dir, 'flexsearch')).sort()) {
      index.import(file.replace(/\.json$/, ''), readFileSync(join(dir, 'flexsearch', file), 'utf8'));
    }
    const vocabulary = new Vocabulary(JSON.parse(readFileSync(join(dir, 'vocabulary.json'), 'utf8')) as VocabularyData);
    const forward = ForwardIndex.deserialize(readFileSync(join(dir, 'forward.bin')));
    return new SearchEngine(new Catalog(corpus), memoryFinder(index), forward, vocabulary);
  }

  /**
   * An engine over a FlexSearch index mounted on a database, whose ids are paragraph ids, with the
   * corpus and ranking data the database holds beside it.
   */
  static mounted(corpus: Corpus, index: MountedIndex, { forward, vocabulary }: RankingData): SearchEngine {
    const catalog = new Catalog(corpus);
    return new SearchEngine(catalog, mountedFinder(index, (id) => catalog.indexOf(String(id))), forward, vocabulary);
  }

  /** Search an index in memory; an engine whose index is in a database answers `searchAsync` only. */
  search(request: SearchRequest): SearchResponse {
    const plan = this.plan(request);
    const found = this.find(plan);
    if (isPromise(found)) {
      found.catch(() => {});
      throw new Error('this index is in a database: use searchAsync');
    }
    return this.respond(plan, found);
  }

  /** Search either kind of index. */
  async searchAsync(request: SearchRequest): Promise<SearchResponse> {
    const plan = this.plan(request);
    return this.respond(plan, await this.find(plan));
  }

  private plan(request: SearchRequest): Plan {
    return {
      q: request.q ?? '',
      limit: clamp(request.limit ?? 10, 0, MAX_LIMIT),
      offset: clamp(request.offset ?? 0, 0, this.catalog.size),
      filter: { years: request.years ?? [], topics: request.topics ?? [], types: request.types ?? [] },
      query: this.compile(request.q ?? ''),
    };
  }

  /** Candidates of the query's words; without words, what the filters select (nothing for only stop words). */
  private find({ q, filter, query }: Plan): MaybePromise<number[]> {
    if (query.clauses.length) return this.finder.find(query.include, query.exclude, MAX_CANDIDATES, query.required);
    if (q.trim() !== '') return [];
    return then(this.finder.tagged({ year: filter.years.map(String), topic: filter.topics, type: filter.types }, this.catalog.size), (tagged) => tagged ?? []);
  }

  private respond({ q, limit, offset, filter, query }: Plan, found: number[]): SearchResponse {
    let ranked: number[];
    let total: number;
    let facets: Facets;
    const scores = new Map<number, number>();
    if (query.clauses.length === 0) {
      // No words: browse what the filters select, newest letters first, in document order.
      // Only stop words: nothing matches, so there is nothing to count either.
      const all = q.trim() ? [] : this.catalog.entries.map((_, i) => i);
      facets = applyFilters(all, this.catalog, filter).facets;
      ranked = found.sort((a, b) => this.byYearThenOrder(a, b));
      total = ranked.length;
    } else {
      // Every candidate holds a query word and so matches, unless a phrase rules it out: only then
      // must each one be scored to know whether it counts.
      const phrases = query.excludedPhrases.length > 0 || query.clauses.some((c) => c.anyOf.some((p) => p.kind === 'phrase'));
      const known = new Map<number, number>();
      if (phrases) for (const doc of found) {
        const score = this.matchScore(doc, query);
        if (score !== null) known.set(doc, score);
      }
      const filtered = applyFilters(phrases ? known.keys() : found, this.catalog, filter);
      facets = filtered.facets;
      total = filtered.hits.length;
      const score = phrases ? (doc: number) => known.get(doc)! : (doc: number) => this.matchScore(doc, query);
      const needed = Math.max(offset + limit, RESTATEMENT_WINDOW);
      ranked = newestRestatementFirst(rankTop(filtered.hits, this.catalog, score, this.ranker.upperBound(query.clauses), needed, scores), scores, this.restatements);
    }

    const response: SearchResponse = {
      total,
      hits: ranked.slice(offset, offset + limit).map((doc) => this.hit(doc, scores.get(doc) ?? 0, query.matchIds, q)),
      facets,
    };
    if (query.suggestion) response.suggestion = query.suggestion;
    return response;
  }

  /** A paragraph's score for the query before the recency prior; null when it does not match. */
  private matchScore(doc: number, query: CompiledQuery): number | null {
    const score = this.ranker.score(doc, query.clauses);
    if (score === null || query.excludedPhrases.some((p) => this.ranker.score(doc, [{ anyOf: [p] }]) !== null)) return null;
    return score;
  }

  private readonly restatements: RestatementContext = {
    yearOf: (doc) => this.catalog.entries[doc]!.year,
    typeOf: (doc) => this.catalog.entries[doc]!.type,
    similarity: (a, b) => this.comparer.paragraphSimilarity(a, b),
  };

  /** The block holding a paragraph beside the best matching block of every other year. */
  compare(paragraphId: string): Comparison | null {
    return this.comparer.compare(paragraphId);
  }

  /** Terms of a query as they are highlighted in a paragraph (for the document view). */
  matchTerms(q: string): Set<string> {
    return new Set(this.compile(q).include);
  }

  private hit(doc: number, score: number, matchIds: Set<number>, q?: string): Hit {
    const e: Entry = this.catalog.entries[doc]!;
    // The forward index knows where each term stands in the text: snippets need no second analysis.
    const { terms, starts, ends } = this.forward.tokens(doc, 'text');
    const marks: Match[] = [];
    for (let i = 0; i < terms.length; i++) if (matchIds.has(terms[i]!)) marks.push({ start: starts[i]!, end: ends[i]!, term: terms[i]! });
    return {
      id: e.id,
      docId: e.docId,
      year: e.year,
      type: e.type,
      docTitle: e.docTitle,
      section: e.section,
      sectionTitle: e.sectionTitle,
      heading: e.heading ?? null,
      topics: e.topics,
      text: e.text,
      snippet: snippet(e.text, marks),
      url: paragraphUrl(e, q?.trim() || undefined),
      sources: e.sources,
      score: Math.round(score * 1000) / 1000,
    };
  }

  /** Newer letters first; within a letter, document order. */
  private byYearThenOrder(a: number, b: number): number {
    return this.catalog.entries[b]!.year - this.catalog.entries[a]!.year || a - b;
  }

  private compile(q: string): CompiledQuery {
    const parsed = parseQuery(q);
    const matchIds = new Set<number>();
    let corrected = false;
    const suggestionWords: string[] = [];

    const queryTerm = (term: string, surface: string): QueryTerm => {
      const expansions = this.vocabulary.expand(term, surface);
      const weights = new Map(expansions.map((e) => [e.term, e.weight]));
      let df = 0;
      for (const e of expansions) {
        matchIds.add(e.term);
        df += this.vocabulary.data.df[e.term]!;
      }
      return { weights, surface: this.vocabulary.surfaceIds.get(surface) ?? -1, idf: idf(Math.min(df, this.catalog.size), this.catalog.size) };
    };

    const rankedPart = (part: Part): RankedPart | null => {
      const tokens = analyze(part.text);
      const words = tokens.filter((t) => !t.stop);
      if (words.length === 0) return null;
      for (const t of words) {
        const known = this.vocabulary.termIds.has(t.term);
        const fix = known ? undefined : this.closestSpelling(t.surface);
        if (fix) corrected = true;
        suggestionWords.push(fix ?? part.text.slice(t.start, t.end));
      }
      if (part.kind === 'word' || tokens.length === 1) return { kind: 'word', terms: words.map((t) => queryTerm(t.term, t.surface)) };
      const phraseWords = tokens.map((t) => ({ term: t.stop ? null : queryTerm(t.term, t.surface), surface: this.vocabulary.surfaceIds.get(t.surface) ?? -1 }));
      return { kind: 'phrase', words: phraseWords, idf: phraseWords.reduce((s, w) => s + (w.term?.idf ?? 0), 0) };
    };

    const clauses: RankedClause[] = [];
    for (const clause of parsed.clauses) {
      const anyOf = clause.anyOf.map(rankedPart).filter((p): p is RankedPart => p !== null);
      if (anyOf.length) clauses.push({ anyOf });
    }
    const exclude: string[] = [];
    const excludedPhrases: RankedPart[] = [];
    for (const part of parsed.excluded) {
      const tokens = analyze(part.text).filter((t) => !t.stop);
      if (part.kind === 'word') exclude.push(...tokens.map((t) => t.term).filter((t) => this.vocabulary.termIds.has(t)));
      else {
        const phrase = this.excludedPhrase(part.text);
        if (phrase) excludedPhrases.push(phrase);
      }
    }
    const required = clauses.flatMap(({ anyOf: [part, ...others] }) =>
      part?.kind === 'phrase' && others.length === 0 ? part.words.flatMap((w) => (w.term ? [[...w.term.weights.keys()].map((id) => this.vocabulary.term(id))] : [])) : [],
    );
    const include = [...matchIds].map((id) => this.vocabulary.term(id));
    const compiled: CompiledQuery = { clauses, include, exclude, required, excludedPhrases, matchIds };
    if (corrected) compiled.suggestion = suggestionWords.join(' ');
    return compiled;
  }

  /** An excluded phrase matches through its own terms only, never by fuzzy or compound expansion. */
  private excludedPhrase(text: string): RankedPart | null {
    const tokens = analyze(text);
    const words = tokens.map((t) => {
      const id = this.vocabulary.termIds.get(t.term);
      return { term: t.stop ? null : { weights: new Map(id === undefined ? [] : [[id, 1]]), surface: -1, idf: 1 }, surface: this.vocabulary.surfaceIds.get(t.surface) ?? -1 };
    });
    return words.length ? { kind: 'phrase', words, idf: 1 } : null;
  }

  /** The indexed word form nearest to an unknown word: of the near spellings, the most frequent. */
  private closestSpelling(surface: string): string | undefined {
    const { surfaces, surfaceTerm, df } = this.vocabulary.data;
    const near = this.vocabulary.nearSurfaces(surface);
    near.sort((a, b) => df[surfaceTerm[b]!]! - df[surfaceTerm[a]!]!);
    return near.length ? surfaces[near[0]!] : undefined;
  }
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
