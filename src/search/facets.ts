import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../model.js';
import type { TopicLabel } from '../model.js';
import type { Entry } from './catalog.js';

/**
 * Facets as faceted search counts them: for each facet, the matches that pass every *other* active
 * filter, so choosing 2023 still shows how many hits 2024 has.
 */
export interface Filter {
  years: number[];
  topics: string[];
  types: string[];
}

export interface FacetValue<V> {
  value: V;
  count: number;
}

export interface Facets {
  year: FacetValue<number>[];
  topic: (FacetValue<string> & { label: string })[];
  type: (FacetValue<string> & { label: string })[];
}

/** Split candidates into hits (passing all filters) and facet counts. */
export function applyFilters(candidates: Iterable<number>, entries: Entry[], filter: Filter, topics: TopicLabel[]): { hits: number[]; facets: Facets } {
  const years = new Set(filter.years);
  const topicSet = new Set(filter.topics);
  const types = new Set(filter.types);
  const yearCounts = new Map<number, number>();
  const topicCounts = new Map<string, number>();
  const typeCounts = new Map<string, number>();
  const hits: number[] = [];
  for (const doc of candidates) {
    const e = entries[doc]!;
    const okYear = years.size === 0 || years.has(e.year);
    const okTopic = topicSet.size === 0 || e.topics.some((t) => topicSet.has(t));
    const okType = types.size === 0 || types.has(e.type);
    if (okTopic && okType) yearCounts.set(e.year, (yearCounts.get(e.year) ?? 0) + 1);
    if (okYear && okType) for (const t of e.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
    if (okYear && okTopic) typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
    if (okYear && okTopic && okType) hits.push(doc);
  }
  // A chosen value stays listed, at zero, so it can be unchosen.
  for (const y of years) if (!yearCounts.has(y)) yearCounts.set(y, 0);
  for (const t of topicSet) if (!topicCounts.has(t)) topicCounts.set(t, 0);
  for (const t of types) if (!typeCounts.has(t)) typeCounts.set(t, 0);
  const label = new Map(topics.map((t) => [t.id, t.label]));
  return {
    hits,
    facets: {
      year: [...yearCounts].map(([value, count]) => ({ value, count })).sort((a, b) => b.value - a.value),
      topic: [...topicCounts]
        .map(([value, count]) => ({ value, label: label.get(value) ?? value, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'nb')),
      type: [...typeCounts].map(([value, count]) => ({ value, label: DOCUMENT_TYPE_LABELS[value as DocumentType] ?? value, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'nb')),
    },
  };
}
