/**
 * Facet values as small numbers, made once per catalog: counting then adds to an array instead of
 * looking up a Map per candidate and value, which is most of the cost of a query with thousands of
 * candidates. Years are numbered newest first, so a year's number is also its rank by recency.
 */

/** Distinct values a facet may have (years, types, topics have dozens): what a value number's two bytes hold. */
const MAX_VALUES = 2 ** 16;

/** What a paragraph is counted by. */
interface Faceted {
  year: number;
  type: string;
  topics: string[];
}

/** The distinct values of one facet, numbered, and each paragraph's value numbers. */
export interface Codes<V> {
  values: V[];
  code: Map<V, number>;
  /**
   * Value numbers: one per paragraph, or (topics) paragraph d's at from[d] … from[d + 1]. Two bytes
   * each: a query reads those of thousands of scattered candidates, and half the bytes are half the
   * memory fetches.
   */
  of: Uint16Array;
}

/** The numbered values of each facet. */
export interface FacetCodes {
  year: Codes<number>;
  type: Codes<string>;
  topic: Codes<string> & { from: Uint32Array };
}

/** Every entry's facet values as numbers. */
export function facetCodes(entries: Faceted[]): FacetCodes {
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
  if (values.length > MAX_VALUES) throw new RangeError(`a facet has ${values.length} values, more than ${MAX_VALUES}`);
  const code = new Map(values.map((v, c) => [v, c]));
  return { values, code, of: Uint16Array.from(all, (v) => code.get(v)!) };
}
