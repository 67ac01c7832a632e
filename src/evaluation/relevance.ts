/**
 * Relevance scoring of a ranked hit list against a judged query set, as the set's own `about` defines
 * it: a hit is relevant to an entry when its year matches and its paragraph text contains the entry's
 * key (both lower-cased, whitespace collapsed, dashes and quotes folded, Markdown link syntax removed);
 * each entry is credited once; nDCG@10 with gain 2^grade − 1, recall@10 of grade-2 entries, MRR of the
 * first relevant hit. A hit longer than 2,000 characters is not a paragraph and earns nothing.
 * Each query has a kind (how it asks: abbreviation, synonym, law, …) so that the means can be taken
 * per kind too.
 */
import { readFileSync } from 'node:fs';

export interface Judgement {
  year: number;
  key: string;
  grade: number;
}

export interface JudgedQuery {
  id: string;
  q: string;
  kind: string;
  /** The year the search is filtered to, when the entry names one. */
  year?: number;
  rel: Judgement[];
}

export interface RankedHit {
  year: number;
  text: string;
}

export interface QueryScore {
  id: string;
  q: string;
  kind: string;
  ndcg: number;
  recall: number;
  rr: number;
}

export interface MeanScore {
  ndcg: number;
  recall: number;
  mrr: number;
}

export interface KindMean extends MeanScore {
  kind: string;
  queries: number;
}

const MAX_PARAGRAPH_LENGTH = 2000;
export const CUTOFF = 10;

/** The kind of a query that neither its own entry nor any set's `kinds` map names. */
export const UNKINDED = 'unkinded';

/** A query's kind is its entry's `kind`, else what `kindOf` (see loadKindMap) says for its id. */
export function loadJudgedQueries(path: string, kindOf: Readonly<Record<string, string>> = {}): JudgedQuery[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { queries: { id: string; q: string; kind?: string; year?: number; rel: [number, string, number][] }[] };
  return data.queries.map((q) => ({
    id: q.id,
    q: q.q,
    kind: q.kind ?? kindOf[q.id] ?? UNKINDED,
    ...(q.year === undefined ? {} : { year: q.year }),
    rel: q.rel.map(([year, key, grade]) => ({ year, key: normalizeForMatch(key), grade })),
  }));
}

/** A set's `kinds` map: the kinds of another set's queries by id, for a set we may not edit (the shared one). */
export function loadKindMap(path: string): Record<string, string> {
  return (JSON.parse(readFileSync(path, 'utf8')) as { kinds?: Record<string, string> }).kinds ?? {};
}

function normalizeForMatch(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[«»“”„"‟]/g, '"')
    .replace(/[‘’‚‛']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function scoreQuery(query: JudgedQuery, hits: RankedHit[]): QueryScore {
  const credited = new Set<number>();
  let dcg = 0;
  let rr = 0;
  hits.slice(0, CUTOFF).forEach((hit, rank) => {
    if (hit.text.length > MAX_PARAGRAPH_LENGTH) return;
    const text = normalizeForMatch(hit.text);
    let best = -1;
    query.rel.forEach((j, k) => {
      if (!credited.has(k) && j.year === hit.year && text.includes(j.key) && (best < 0 || j.grade > query.rel[best]!.grade)) best = k;
    });
    if (best < 0) return;
    credited.add(best);
    dcg += (2 ** query.rel[best]!.grade - 1) / Math.log2(rank + 2);
    if (rr === 0) rr = 1 / (rank + 1);
  });
  const ideal = query.rel
    .map((j) => j.grade)
    .sort((a, b) => b - a)
    .slice(0, CUTOFF)
    .reduce((s, g, rank) => s + (2 ** g - 1) / Math.log2(rank + 2), 0);
  const grade2 = query.rel.map((j, k) => (j.grade === 2 ? k : -1)).filter((k) => k >= 0);
  return {
    id: query.id,
    q: query.q,
    kind: query.kind,
    ndcg: ideal ? dcg / ideal : 0,
    recall: grade2.length ? grade2.filter((k) => credited.has(k)).length / grade2.length : 0,
    rr,
  };
}

export function mean(scores: QueryScore[]): MeanScore {
  const n = scores.length || 1;
  return {
    ndcg: scores.reduce((s, q) => s + q.ndcg, 0) / n,
    recall: scores.reduce((s, q) => s + q.recall, 0) / n,
    mrr: scores.reduce((s, q) => s + q.rr, 0) / n,
  };
}

/** The means of each kind's queries, kinds in alphabetical order. */
export function meanByKind(scores: QueryScore[]): KindMean[] {
  const byKind = new Map<string, QueryScore[]>();
  for (const score of scores) byKind.set(score.kind, [...(byKind.get(score.kind) ?? []), score]);
  return [...byKind]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, group]) => ({ kind, queries: group.length, ...mean(group) }));
}
