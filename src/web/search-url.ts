import type { SearchFilters } from './params.js';

/**
 * The search page keeps its whole state in the URL, so every view can be linked to and reloaded.
 * Parameter names are the API's (`q`, `year`, `topic`, `type`) plus `side` for the result page.
 */
export interface SearchState extends SearchFilters {
  page: number;
}

export function searchUrl(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  if (state.q) params.append('q', state.q);
  for (const year of state.years ?? []) params.append('year', String(year));
  for (const topic of state.topics ?? []) params.append('topic', topic);
  for (const type of state.types ?? []) params.append('type', type);
  if (state.page && state.page > 1) params.append('side', String(state.page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** The link to a comparison across years, starting from one paragraph. */
export function compareUrl(paragraphId: string): string {
  return `/sammenlign?id=${encodeURIComponent(paragraphId)}`;
}
