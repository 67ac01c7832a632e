/**
 * The search engine over one index: FlexSearch finds candidate paragraphs, the ranker orders them,
 * facets count them, and each hit says where the query matched. It answers with data — ids, spans,
 * counts — and does no I/O: where the index came from is the stores' business.
 */
import { buildIndex, type SearchIndex } from '../indexing/build.js';
import type { Catalog } from '../indexing/catalog.js';
import type { ForwardIndex } from '../indexing/forward-index.js';
import type { Corpus, Law } from '../model/corpus.js';
import type { LawReferences } from '../text/law-references.js';
import { CandidateFinder } from './candidates.js';
import { Comparer, type Comparison } from './compare.js';
import { FacetCounter, type Facets, type Filter } from './facets.js';
import { makeHit, matchesIn, type Hit } from './hit.js';
import type { Widening } from './query/alternatives.js';
import { compileQuery, type CompiledQuery } from './query/compile.js';
import type { QueryContext } from './query/context.js';
import { shapeWeight } from './rank/paragraph-shape.js';
import { Ranker } from './rank/ranker.js';
import { newestRestatementFirst, RESTATEMENT_WINDOW, type RestatementContext } from './rank/restatements.js';
import { rankTop } from './rank/result-order.js';
import type { Span } from '../text/marked-text.js';
import { TermVectors } from './term-vectors.js';

export interface SearchRequest {
  q?: string;
  years?: number[];
  topics?: string[];
  types?: string[];
  limit?: number;
  offset?: number;
  /** The words as typed only, not widened by abbreviations and synonyms. */
  exact?: boolean;
}

export interface SearchResponse {
  total: number;
  hits: Hit[];
  facets: Facets;
  /** The query with unknown words replaced by the nearest indexed spelling, when that differs. */
  suggestion?: string;
  /** Words and phrases left out of a query longer than one search takes (MAX_QUERY_PARTS). */
  ignored?: string[];
  /** Words also searched for in other words: an abbreviation's long form, a synonym. */
  widened?: Widening[];
}

export const MAX_LIMIT = 100;
/**
 * Candidates taken at most: a guard against a runaway archive, far above the 54,100 paragraphs of the
 * 100× bench corpus. Below it every match is counted; only the shown part of the list is ranked.
 */
const MAX_CANDIDATES = 200_000;

/** A request made ready: bounds applied, filters and query compiled. */
interface Plan {
  q: string;
  limit: number;
  offset: number;
  filter: Filter;
  query: CompiledQuery;
}

export class SearchEngine {
  readonly catalog: Catalog;
  /** The laws the index knows by name, as the analysis reads them in text and queries. */
  readonly laws: LawReferences<Law>;
  private readonly forward: ForwardIndex;
  private readonly index: SearchIndex;
  private readonly candidates: CandidateFinder;
  private readonly facets: FacetCounter;
  private readonly ranker: Ranker;
  private readonly comparer: Comparer;
  private readonly vectors: TermVectors;
  private readonly context: QueryContext;

  constructor(index: SearchIndex) {
    this.index = index;
    this.catalog = index.catalog;
    this.laws = index.analysis.laws;
    this.forward = index.forward;
    this.candidates = new CandidateFinder(index.paragraphs, index.catalog.size);
    this.facets = new FacetCounter(index.catalog);
    this.ranker = new Ranker(index.forward, index.catalog.entries.map((e) => e.ordinal), Float32Array.from(index.catalog.entries, (e) => shapeWeight(e.text)));
    this.vectors = new TermVectors(index.forward, index.vocabulary);
    this.comparer = new Comparer(index.catalog, index.forward, index.vocabulary, this.vectors);
    this.context = { vocabulary: index.vocabulary, analysis: index.analysis, thesaurus: index.thesaurus, paragraphs: index.catalog.size };
  }

  /** An engine over a corpus indexed here and now. */
  static build(corpus: Corpus): SearchEngine {
    return new SearchEngine(buildIndex(corpus));
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const plan = this.plan(request);
    return this.respond(plan, this.find(plan));
  }

  /** The block holding a paragraph beside the best matching block of every other year. */
  compare(paragraphId: string): Comparison | null {
    return this.comparer.compare(paragraphId);
  }

  /** Where the query matches in each paragraph of a document (paragraph id → spans in its text). */
  documentMatches(docId: string, q: string): Map<string, Span[]> {
    const { matchIds } = this.compile(q);
    const out = new Map<string, Span[]>();
    const doc = this.catalog.document(docId);
    for (const p of doc?.sections.flatMap((s) => s.paragraphs) ?? []) {
      const position = this.catalog.indexOf(p.id)!;
      out.set(p.id, matchesIn(this.forward, position, 'text', matchIds));
    }
    return out;
  }

  private compile(q: string, exact = false): CompiledQuery {
    return compileQuery(q, this.context, { exact });
  }

  private plan(request: SearchRequest): Plan {
    return {
      q: request.q ?? '',
      limit: clamp(request.limit ?? 10, 0, MAX_LIMIT),
      offset: clamp(request.offset ?? 0, 0, this.catalog.size),
      filter: { years: request.years ?? [], topics: request.topics ?? [], types: request.types ?? [] },
      query: this.compile(request.q ?? '', request.exact),
    };
  }

  /** Candidates of the query's words; without words, what the filters select (nothing for only stop words). */
  private find({ q, filter, query }: Plan): ArrayLike<number> {
    if (query.clauses.length) return this.candidates.find(query.candidates, MAX_CANDIDATES);
    if (q.trim() !== '') return [];
    return this.candidates.tagged({ year: filter.years.map(String), topic: filter.topics, type: filter.types }) ?? [];
  }

  private respond({ q, limit, offset, filter, query }: Plan, found: ArrayLike<number>): SearchResponse {
    let ranked: number[];
    let total: number;
    let facets: Facets;
    const scores = new Map<number, number>();
    if (query.clauses.length === 0) {
      // No words: browse what the filters select, newest letters first, in document order.
      // Only stop words: nothing matches, so there is nothing to count either.
      const all = q.trim() ? [] : this.catalog.entries.map((_, i) => i);
      facets = this.facets.apply(all, filter).facets;
      ranked = Array.from(found).sort((a, b) => this.byYearThenOrder(a, b));
      total = ranked.length;
    } else {
      // Every candidate holds a query word and so matches, unless a phrase rules it out: only then
      // must each one be tested to know whether it counts. Scoring waits for the ranking, which
      // scores only the hits that can reach the part of the list shown.
      const phrases = query.excludedPhrases.length > 0 || query.clauses.some((c) => c.anyOf.some((p) => p.kind === 'phrase'));
      const matching = phrases ? this.matching(found, query) : found;
      const filtered = this.facets.apply(matching, filter);
      facets = filtered.facets;
      total = filtered.hits.length;
      const needed = Math.max(offset + limit, RESTATEMENT_WINDOW);
      ranked = newestRestatementFirst(rankTop(filtered.hits, this.catalog, (doc) => this.matchScore(doc, query), this.ranker.upperBound(query.clauses), needed, scores), scores, this.restatements);
    }
    const response: SearchResponse = {
      total,
      hits: ranked.slice(offset, offset + limit).map((doc) => makeHit(this.catalog.entries[doc]!, doc, this.forward, query.matchIds, scores.get(doc) ?? 0)),
      facets,
    };
    if (query.suggestion) response.suggestion = query.suggestion;
    if (query.ignored.length) response.ignored = query.ignored;
    if (query.widened.length) response.widened = query.widened;
    return response;
  }

  /** The candidates that match the query (those matchScore scores), in their order. */
  private matching(found: ArrayLike<number>, query: CompiledQuery): Int32Array {
    const kept = new Int32Array(found.length);
    let n = 0;
    for (let i = 0; i < found.length; i++) {
      const doc = found[i]!;
      if (this.ranker.matches(doc, query.clauses) && !this.excluded(doc, query)) kept[n++] = doc;
    }
    return kept.subarray(0, n);
  }

  /** A paragraph's score for the query before the recency prior; null when it does not match. */
  private matchScore(doc: number, query: CompiledQuery): number | null {
    const score = this.ranker.score(doc, query.clauses);
    return score === null || this.excluded(doc, query) ? null : score;
  }

  /** Whether the paragraph holds a phrase the query excludes. */
  private excluded(doc: number, query: CompiledQuery): boolean {
    for (const phrase of query.excludedPhrases) if (this.ranker.holds(doc, phrase)) return true;
    return false;
  }

  private readonly restatements: RestatementContext = {
    yearOf: (doc) => this.catalog.entries[doc]!.year,
    typeOf: (doc) => this.catalog.entries[doc]!.type,
    similarity: (a, b) => this.vectors.similarity(a, b),
  };

  /** Newer letters first; within a letter, document order. */
  private byYearThenOrder(a: number, b: number): number {
    return this.catalog.entries[b]!.year - this.catalog.entries[a]!.year || a - b;
  }
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
