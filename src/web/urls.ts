/**
 * Every address the app links to, made in one place. The search page keeps its whole state in the URL,
 * so every view can be linked to and reloaded; parameter names are the API's (`q`, `year`, `topic`,
 * `type`, `exact`) plus `side` for the result page. A paragraph's link opens it on its document's page;
 * a law's, its page on Lovdata.
 */
import type { LawReference } from '../text/law-references.js';
import type { SearchFilters } from './http/params.js';

export interface SearchState extends SearchFilters {
  page: number;
}

export function searchUrl(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  if (state.q) params.append('q', state.q);
  if (state.exact) params.append('exact', '1');
  for (const year of state.years ?? []) params.append('year', String(year));
  for (const topic of state.topics ?? []) params.append('topic', topic);
  for (const type of state.types ?? []) params.append('type', type);
  if (state.page && state.page > 1) params.append('side', String(state.page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** A document's page; with a query, its matches marked. */
export function documentUrl(docId: string, query?: string): string {
  return `/dok/${encodeURIComponent(docId)}${query ? `?q=${encodeURIComponent(query)}` : ''}`;
}

/** The link that opens a paragraph itself. */
export function paragraphUrl(docId: string, anchor: string, query?: string): string {
  return `${documentUrl(docId, query)}#${encodeURIComponent(anchor)}`;
}

/** A document's scanned source, with its OCR repairs marked. */
export function scanUrl(docId: string): string {
  return `${documentUrl(docId)}/skann`;
}

/** The comparison across years, starting from one paragraph. */
export function compareUrl(paragraphId: string): string {
  return `/sammenlign?id=${encodeURIComponent(paragraphId)}`;
}

/**
 * A law on Lovdata, at the section or chapter a reference names: `https://lovdata.no/lov/2006-06-16-20`,
 * `…/lov/2006-06-16-20/%C2%A714a` (§ 14 a, its § percent-encoded as every address here is), `…/kap11`.
 */
export function lawUrl({ law, section, chapter }: Pick<LawReference, 'law' | 'section' | 'chapter'>): string {
  const place = section ? `/${encodeURIComponent(`§${section}`)}` : chapter ? `/kap${encodeURIComponent(chapter)}` : '';
  return `https://lovdata.no/lov/${encodeURIComponent(law.id)}${place}`;
}
