/**
 * Everything the search page shows, computed from the URL's state and one engine search: facets as
 * checkboxes, active filters as removable chips, what the query was widened by, hits per year, the
 * hits (their law references linked), pages, and — with nothing asked yet — the topics over the years
 * and the list of documents.
 */
import { documentSummaries } from '../../search/document-summary.js';
import type { SearchEngine, SearchResponse } from '../../search/engine.js';
import type { Hit } from '../../search/hit.js';
import type { Widening } from '../../search/query/alternatives.js';
import { markedHtml } from '../html.js';
import { lawLinks } from '../law-links.js';
import { countOf, formatNumber, listOf } from '../norwegian.js';
import { compareUrl, searchUrl, type SearchState } from '../urls.js';
import { apiHit, type ApiHit } from './api.js';
import { documentsView, type DocumentItem } from './documents.js';
import { place, type Place } from './place.js';
import { topicTrendsView, type TopicTrendsView } from './topic-trends.js';

const PAGE_SIZE = 10;
/** Topics listed before the rest are folded away. */
const TOPICS_SHOWN = 6;

export interface FacetOption {
  name: 'year' | 'topic' | 'type';
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

export interface HitView extends ApiHit, Place {
  /** The title with the query's matches marked: a hit may match by its heading alone. */
  titleHtml: string;
  topicLabels: string[];
  compareUrl: string | null;
}

export interface SearchPageView {
  state: SearchState;
  /** False on the front page: no words, no filters. */
  asked: boolean;
  response: SearchResponse;
  hits: HitView[];
  summary: string;
  /** "viser 11–20" when there is more than one page. */
  range: string;
  facets: { year: FacetOption[]; type: FacetOption[]; topic: FacetOption[]; moreTopics: FacetOption[] };
  chips: { label: string; url: string }[];
  clearFiltersUrl: string | null;
  /** What the query's words were also searched as ("arbeidsforberedende trening (for AFT)"), and the search without it. */
  widened: { alternatives: string; exactUrl: string } | null;
  /** With `exact`: the same search widened again. */
  widenUrl: string | null;
  yearBars: { year: number; count: number; max: number; url: string }[];
  suggestionUrl: string | null;
  /** The query without its quotes, when quoting made it narrower. */
  broaderQuery: string | null;
  broaderUrl: string | null;
  /** Number of the first hit on this page. */
  firstNumber: number;
  firstPageUrl: string;
  pages: { number: number; url: string; current: boolean }[] | null;
  previousUrl: string | null;
  nextUrl: string | null;
  trends: TopicTrendsView | null;
  documents: DocumentItem[];
}

export async function searchPage(engine: SearchEngine, state: SearchState): Promise<SearchPageView> {
  const filters = state.years.length + state.topics.length + state.types.length;
  const asked = state.q !== '' || filters > 0;
  const response = await engine.search({ q: state.q, years: state.years, topics: state.topics, types: state.types, exact: state.exact, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE });
  const catalog = engine.catalog;
  const links = lawLinks(engine.laws);
  const types = new Set(catalog.allDocuments().map((d) => d.type));
  const comparable = (type: string) => catalog.allDocuments().filter((d) => d.type === type).length > 1;
  const topicLabel = (id: string) => catalog.topicLabel(id);

  const option = (name: FacetOption['name'], value: string, label: string, count: number, checked: boolean): FacetOption => ({ name, value, label, count, checked });
  const topics = response.facets.topic.map((t) => option('topic', t.value, t.label, t.count, state.topics.includes(t.value)));
  // Checked topics stay in view however few hits they have.
  const shown = topics.filter((t, i) => i < TOPICS_SHOWN || t.checked);

  const without = (change: Partial<SearchState>) => searchUrl({ ...state, ...change, page: 1 });
  const chips = [
    ...state.years.map((y) => ({ label: String(y), url: without({ years: state.years.filter((v) => v !== y) }) })),
    ...state.types.map((t) => ({ label: catalog.typeLabel(t), url: without({ types: state.types.filter((v) => v !== t) }) })),
    ...state.topics.map((t) => ({ label: topicLabel(t), url: without({ topics: state.topics.filter((v) => v !== t) }) })),
  ];

  const years = [...response.facets.year].sort((a, b) => a.value - b.value);
  const max = Math.max(0, ...years.map((y) => y.count));
  const pageCount = Math.ceil(response.total / PAGE_SIZE);
  const first = (state.page - 1) * PAGE_SIZE + 1;
  const unquoted = state.q.replace(/["«»“”]/g, ' ').replace(/\s+/g, ' ').trim();
  const broaderQuery = unquoted && unquoted !== state.q ? unquoted : null;
  const alternatives = widenedWords(response.widened ?? []);

  return {
    state,
    asked,
    response,
    hits: response.hits.map((hit) => {
      const where = place(hit.section, hit.sectionTitle, hit.heading);
      return {
        ...apiHit(hit, state.q, links(hit.text)),
        ...where,
        titleHtml: markedHtml(where.title, titleMatches(hit)),
        topicLabels: hit.topics.map(topicLabel),
        compareUrl: comparable(hit.type) ? compareUrl(hit.id) : null,
      };
    }),
    summary: countOf(response.total, 'treff'),
    range: pageCount > 1 && response.hits.length ? `Viser ${formatNumber(first)}–${formatNumber(first + response.hits.length - 1)}` : '',
    facets: {
      year: response.facets.year.map((y) => option('year', String(y.value), String(y.value), y.count, state.years.includes(y.value))),
      type: types.size > 1 || state.types.length ? response.facets.type.map((t) => option('type', t.value, t.label, t.count, state.types.includes(t.value))) : [],
      topic: shown,
      moreTopics: topics.filter((t) => !shown.includes(t)),
    },
    chips,
    clearFiltersUrl: filters ? searchUrl({ q: state.q, exact: state.exact }) : null,
    widened: alternatives ? { alternatives, exactUrl: without({ exact: true }) } : null,
    widenUrl: state.exact && state.q ? without({ exact: false }) : null,
    yearBars: asked && response.total ? years.map((y) => ({ year: y.value, count: y.count, max, url: without({ years: [y.value] }) })) : [],
    suggestionUrl: response.suggestion && response.suggestion !== state.q ? without({ q: response.suggestion }) : null,
    broaderQuery,
    broaderUrl: broaderQuery ? without({ q: broaderQuery }) : null,
    firstNumber: first,
    firstPageUrl: searchUrl({ ...state, page: 1 }),
    pages: pageCount > 1 ? pageNumbers(state.page, pageCount).map((n) => ({ number: n, url: searchUrl({ ...state, page: n }), current: n === state.page })) : null,
    previousUrl: state.page > 1 && pageCount > 0 ? searchUrl({ ...state, page: Math.min(state.page - 1, pageCount) }) : null,
    nextUrl: state.page < pageCount ? searchUrl({ ...state, page: state.page + 1 }) : null,
    trends: asked ? null : topicTrendsView(catalog),
    documents: asked ? [] : documentsView(documentSummaries(catalog), catalog),
  };
}

/**
 * "arbeidsforberedende trening (for AFT) og individuell jobbstøtte (for IPS)": the alternatives of each
 * widened word, however many kinds gave them, after one another.
 */
function widenedWords(widened: readonly Widening[]): string {
  const byWords = new Map<string, Set<string>>();
  for (const { words, alternatives } of widened) for (const alternative of alternatives) byWords.set(words, (byWords.get(words) ?? new Set()).add(alternative));
  return listOf([...byWords].map(([words, alternatives]) => `${listOf([...alternatives], 'eller')} (for ${words})`), 'og');
}

/** Where the query matched the title a hit is shown under: its heading, or its section's title. */
function titleMatches(hit: Hit) {
  return hit.heading ? hit.matches.heading : hit.sectionTitle ? hit.matches.sectionTitle : [];
}

/** The first, the last and the pages around the current one; gaps are shown between them. */
function pageNumbers(current: number, count: number): number[] {
  const pages = new Set([1, count]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= count) pages.add(n);
  return [...pages].sort((a, b) => a - b);
}
