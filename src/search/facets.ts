import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../model.js';
import type { Catalog, Entry } from './catalog.js';

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
        .map(([value, count]) => ({ value, label: DOCUMENT_TYPE_LABELS[value as DocumentType] ?? value, count }))
        .sort((a, b) => b.count - a.count || norwegian.compare(a.label, b.label)),
    },
  };
}

/** The distinct values of one facet, numbered, and each paragraph's value numbers. */
export interface Codes<V> {
  values: V[];
  code: Map<V, number>;
  /** Value numbers: one per paragraph, or (topics) paragraph d's at from[d] … from[d + 1]. */
  of: Int32Array;
}

/**
 * Facet values as small numbers, made once per catalog: counting then adds to an array instead of
 * looking up a Map per candidate and value, which is most of the cost of a query with thousands of
 * candidates. Years are numbered newest first, so a year's number is also its rank by recency.
 */
export interface FacetCodes {
  year: Codes<number>;
  type: Codes<string>;
  topic: Codes<string> & { from: Uint32Array };
}

export function facetCodes(entries: Entry[]): FacetCodes {
  const years = entries.map((e) => e.year);
  const topic = encode(entries.flatMap((e) => e.topics));
  const from = new Uint32Array(entries.length + 1);
  entries.forEach((e, i) => (from[i + 1] = from[i]! + e.topics.length));
  return {
    year: encode(years, [...new Set(years)].sort((a, b) => b - a)),
    type: encode(entries.map((e) => e.type)),
    topic: { ...topic, from },
  };
}

/** Number `all`'s values in the order of `values` (by default, as they first occur). */
function encode<V>(all: V[], values: V[] = [...new Set(all)]): Codes<V> {
  const code = new Map(values.map((v, c) => [v, c]));
  return { values, code, of: Int32Array.from(all, (v) => code.get(v)!) };
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
