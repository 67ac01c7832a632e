/**
 * The JSON API's answers as DESIGN.md lays them out: search's data with what only the web adds — each
 * hit's snippet as HTML-safe text with `<mark>` around matches, and the addresses that open a
 * paragraph.
 */
import type { Comparison } from '../../search/compare.js';
import type { Facets } from '../../search/facets.js';
import type { Hit } from '../../search/hit.js';
import type { SearchResponse } from '../../search/engine.js';
import type { Widening } from '../../search/query/alternatives.js';
import { snippetHtml, type TextLink } from '../html.js';
import { paragraphUrl } from '../urls.js';

/** A hit as the API sends it: its snippet as marked-up HTML and its address instead of spans. */
export interface ApiHit extends Omit<Hit, 'anchor' | 'matches' | 'snippet'> {
  snippet: string;
  url: string;
}

export interface ApiSearchResponse {
  total: number;
  hits: ApiHit[];
  facets: Facets;
  suggestion?: string;
  ignored?: string[];
  widened?: Widening[];
}

/**
 * `q` is the query the hits were found by: a hit's link marks its words on the page it opens. The
 * pages link the law references of the snippet too (`links`); the API's has marks only.
 */
export function apiHit(hit: Hit, q: string, links: readonly TextLink[] = []): ApiHit {
  return {
    id: hit.id,
    docId: hit.docId,
    year: hit.year,
    type: hit.type,
    docTitle: hit.docTitle,
    section: hit.section,
    sectionTitle: hit.sectionTitle,
    heading: hit.heading,
    topics: hit.topics,
    text: hit.text,
    snippet: snippetHtml(hit.text, hit.matches.text, hit.snippet, links),
    url: paragraphUrl(hit.docId, hit.anchor, q.trim() || undefined),
    sources: hit.sources,
    score: hit.score,
  };
}

export function apiSearchResponse(response: SearchResponse, q: string): ApiSearchResponse {
  const answer: ApiSearchResponse = { total: response.total, hits: response.hits.map((hit) => apiHit(hit, q)), facets: response.facets };
  if (response.suggestion) answer.suggestion = response.suggestion;
  if (response.ignored) answer.ignored = response.ignored;
  if (response.widened) answer.widened = response.widened;
  return answer;
}

/** A comparison with the address of each block. */
export function apiComparison(comparison: Comparison) {
  return {
    origin: comparison.origin,
    blocks: comparison.blocks.map(({ year, docId, docTitle, section, sectionTitle, heading, anchor, ...rest }) => ({
      year,
      docId,
      docTitle,
      section,
      sectionTitle,
      heading,
      anchor,
      url: paragraphUrl(docId, anchor),
      ...rest,
    })),
    unmatched: comparison.unmatched,
  };
}
