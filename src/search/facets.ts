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

/** A facet's values as shown: each value number's label, and its place in Norwegian alphabetical order. */
interface Labels {
  label: (value: string) => string;
  of: string[];
  rank: Int32Array;
}

/** Counts the facets of a catalog's paragraphs; what does not change between queries is made once. */
export class FacetCounter {
  private readonly topics: Labels;
  private readonly types: Labels;

  constructor(private readonly catalog: Catalog) {
    const topicLabel = new Map(catalog.topics.map((t) => [t.id, t.label]));
    this.topics = labels(catalog.facetCodes.topic, (value) => topicLabel.get(value) ?? value);
    this.types = labels(catalog.facetCodes.type, (value) => catalog.typeLabel(value));
  }

  /** Split candidates into hits (passing all filters) and facet counts. */
  apply(candidates: ArrayLike<number>, filter: Filter): { hits: ArrayLike<number>; facets: Facets } {
    const codes = this.catalog.facetCodes;
    const years = new Set(filter.years);
    const topicSet = new Set(filter.topics);
    const types = new Set(filter.types);
    // The loops read typed arrays only: they run once per candidate, thousands of times per query.
    const yearOf = codes.year.of;
    const typeOf = codes.type.of;
    const topicOf = codes.topic.of;
    const topicFrom = codes.topic.from;
    const yearCounts = new Int32Array(codes.year.values.length);
    const topicCounts = new Int32Array(codes.topic.values.length);
    const typeCounts = new Int32Array(codes.type.values.length);
    let hits: ArrayLike<number> = candidates;
    if (years.size + topicSet.size + types.size === 0) {
      for (let i = 0; i < candidates.length; i++) {
        const doc = candidates[i]!;
        yearCounts[yearOf[doc]!]!++;
        typeCounts[typeOf[doc]!]!++;
        for (let k = topicFrom[doc]!, to = topicFrom[doc + 1]!; k < to; k++) topicCounts[topicOf[k]!]!++;
      }
    } else {
      const yearOk = allowed(codes.year, years);
      const typeOk = allowed(codes.type, types);
      const topicOk = allowed(codes.topic, topicSet);
      const passing = new Int32Array(candidates.length);
      let n = 0;
      for (let i = 0; i < candidates.length; i++) {
        const doc = candidates[i]!;
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
        if (okYear && okTopic && okType) passing[n++] = doc;
      }
      hits = passing.subarray(0, n);
    }
    return {
      hits,
      facets: {
        year: listed(codes.year, yearCounts, years).map(([value, count]) => ({ value, count })).sort((a, b) => b.value - a.value),
        topic: labelled(codes.topic, topicCounts, topicSet, this.topics),
        type: labelled(codes.type, typeCounts, types, this.types),
      },
    };
  }
}

function labels(codes: Codes<string>, label: (value: string) => string): Labels {
  const of = codes.values.map(label);
  const rank = new Int32Array(of.length);
  const order = of.map((_, c) => c).sort((a, b) => norwegian.compare(of[a]!, of[b]!));
  // Labels the collator holds equal share a rank, so ordering by rank is ordering by the collator.
  order.forEach((c, i) => (rank[c] = i > 0 && norwegian.compare(of[order[i - 1]!]!, of[c]!) === 0 ? rank[order[i - 1]!]! : i));
  return { label, of, rank };
}

/**
 * A labelled facet, most hits first, then in Norwegian alphabetical order (the counted values by their
 * rank, made once), each chosen value not counted last, at zero.
 */
function labelled(codes: Codes<string>, counts: Int32Array, chosen: Set<string>, { label, of, rank }: Labels): (FacetValue<string> & { label: string })[] {
  const code = (value: string) => codes.code.get(value);
  return listed(codes, counts, chosen)
    .map(([value, count]) => {
      const c = code(value);
      return { value, label: c === undefined ? label(value) : of[c]!, count };
    })
    .sort((a, b) => b.count - a.count || (a.count > 0 ? rank[code(a.value)!]! - rank[code(b.value)!]! : norwegian.compare(a.label, b.label)));
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
