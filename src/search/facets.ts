/**
 * Facets as faceted search counts them: for each facet, the matches that pass every *other* active
 * filter, so choosing 2023 still shows how many hits 2024 has.
 */
import type { Catalog } from '../indexing/catalog.js';
import type { Codes } from '../indexing/facet-codes.js';

/** What a search is narrowed to; an empty list narrows nothing. */
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

/** One collator for every query: `localeCompare(…, 'nb')` would build one per comparison. */
const norwegian = new Intl.Collator('nb');

/** Split candidates into hits (passing all filters) and facet counts. */
export function applyFilters(candidates: Iterable<number>, catalog: Catalog, filter: Filter): { hits: number[]; facets: Facets } {
  const codes = catalog.facetCodes;
  const years = new Set(filter.years);
  const topicSet = new Set(filter.topics);
  const types = new Set(filter.types);
  // The loop reads typed arrays only: it runs once per candidate, thousands of times per query.
  const yearOf = codes.year.of;
  const typeOf = codes.type.of;
  const topicOf = codes.topic.of;
  const topicFrom = codes.topic.from;
  const yearOk = allowed(codes.year, years);
  const typeOk = allowed(codes.type, types);
  const topicOk = allowed(codes.topic, topicSet);
  const yearCounts = new Int32Array(codes.year.values.length);
  const topicCounts = new Int32Array(codes.topic.values.length);
  const typeCounts = new Int32Array(codes.type.values.length);
  const hits: number[] = [];
  for (const doc of candidates) {
    const year = yearOf[doc]!;
    const type = typeOf[doc]!;
    const from = topicFrom[doc]!;
    const to = topicFrom[doc + 1]!;
    const okYear = yearOk === null || yearOk[year] === 1;
    const okType = typeOk === null || typeOk[type] === 1;
    let okTopic = topicOk === null;
    for (let k = from; k < to && !okTopic; k++) okTopic = topicOk![topicOf[k]!] === 1;
    if (okTopic && okType) yearCounts[year]!++;
    if (okYear && okType) for (let k = from; k < to; k++) topicCounts[topicOf[k]!]!++;
    if (okYear && okTopic) typeCounts[type]!++;
    if (okYear && okTopic && okType) hits.push(doc);
  }
  const label = new Map(catalog.topics.map((t) => [t.id, t.label]));
  return {
    hits,
    facets: {
      year: listed(codes.year, yearCounts, years).map(([value, count]) => ({ value, count })).sort((a, b) => b.value - a.value),
      topic: listed(codes.topic, topicCounts, topicSet)
        .map(([value, count]) => ({ value, label: label.get(value) ?? value, count }))
        .sort((a, b) => b.count - a.count || norwegian.compare(a.label, b.label)),
      type: listed(codes.type, typeCounts, types)
        .map(([value, count]) => ({ value, label: catalog.typeLabel(value), count }))
        .sort((a, b) => b.count - a.count || norwegian.compare(a.label, b.label)),
    },
  };
}

/** The value numbers a filter lets through, or null when it chooses nothing (everything passes). */
function allowed<V>({ values, code }: Codes<V>, chosen: Set<V>): Uint8Array | null {
  if (chosen.size === 0) return null;
  const ok = new Uint8Array(values.length);
  for (const v of chosen) {
    const c = code.get(v);
    if (c !== undefined) ok[c] = 1;
  }
  return ok;
}

/** Counted values with their counts; then each chosen value not counted, at zero, so it can be unchosen. */
function listed<V>({ values, code }: Codes<V>, counts: Int32Array, chosen: Set<V>): [V, number][] {
  const out: [V, number][] = [];
  counts.forEach((count, c) => {
    if (count > 0) out.push([values[c]!, count]);
  });
  for (const v of chosen) {
    const c = code.get(v);
    if (c === undefined || counts[c] === 0) out.push([v, 0]);
  }
  return out;
}
