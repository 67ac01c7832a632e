/**
 * Issue 12's open question, measured: do corpus-derived associations help the ranking on the judged
 * query sets? Each variant re-ranks (or re-retrieves and fuses) on top of the engine's public API, and
 * is scored exactly as `npm run eval` scores the engine, against a baseline from the same run:
 *
 * - rm3: pseudo-relevance feedback. A relevance model over the terms of the original query's first k
 *   hits (P(t|R) ∝ Σ_d P_ml(t|d)·score(d)), its m best terms other than the query's own, scored by BM25
 *   over the original query's first N=100 hits and interpolated with the engine's score (λ on the
 *   engine's side; both max-normalised in the pool).
 * - rm3+search: the same expansion words appended to the query and searched for, the two lists fused
 *   by the same interpolation (a paragraph only one list has gets 0 from the other).
 * - pmi / llr: paragraph-level co-occurrence over the whole corpus. For each query term its n most
 *   associated terms (by pointwise mutual information or Dunning's log-likelihood ratio; both terms in
 *   ≥ MIN_COUNT paragraphs, together in ≥ MIN_COUNT), weighted by association, re-rank as rm3 does at a
 *   low weight β on the expansion's side.
 *
 * Per variant: the means over all queries, Δ nDCG@10 against the baseline, how many queries improved
 * and worsened, a paired sign-flip randomisation test, and nDCG@10 / R@10 / MRR per kind; then a 2-fold
 * cross-validation per family (choose the setting on one half, score it on the other), which says how
 * much of a gain is the choice of settings fitted to these 104 queries. nDCG@10 is also shown per
 * query set, the shared development set apart from the project's own.
 *
 * `npx tsx scripts/experiments/feedback.ts [-v]` (-v: each query's expansion words and changes).
 * The engine is built in memory from corpus/; nothing is written.
 */

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadJudgedQueries, loadKindMap, mean, meanByKind, scoreQuery, type JudgedQuery, type QueryScore } from '../../src/evaluation/relevance.js';
import { analyze, terms } from '../../src/indexing/analyzer.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { SearchEngine } from '../../src/search/engine.js';

const POOL = 100;
const K1 = 1.2;
const B = 0.75;
const MIN_COUNT = 3;
/** A change in a query's nDCG@10 smaller than this is no change. */
const EPS = 1e-6;
const PERMUTATIONS = 10_000;
/** λ (the engine's share) for rm3: the brief's 0.5 and 0.7, and 0.8 and 0.9 added once 0.7 beat 0.5 everywhere. */
const LAMBDAS = [0.5, 0.7, 0.8, 0.9];

const { values } = parseArgs({ options: { verbose: { type: 'boolean', short: 'v', default: false } } });
const sets = ['../shared/eval/dev-queries.json', 'scripts/eval-queries.json'].filter((p) => existsSync(p));
const kindOf = Object.assign({}, ...sets.map(loadKindMap)) as Record<string, string>;
const queries = sets.flatMap((path) => loadJudgedQueries(path, kindOf).map((q) => ({ ...q, set: path })));

const started = Date.now();
const engine = SearchEngine.build((await ingestCorpus({ corpusDir: 'corpus' })).corpus);
const { entries } = engine.catalog;
const docOf = new Map(entries.map((e, i) => [e.id, i]));

// Corpus statistics over the paragraphs' text, analysed as the index analyses it.
interface Bag {
  tf: Map<string, number>;
  length: number;
}
const bags: Bag[] = entries.map((e) => {
  const tf = new Map<string, number>();
  const ts = terms(e.text);
  for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, length: ts.length };
});
const N = bags.length;
const averageLength = bags.reduce((s, b) => s + b.length, 0) / N;
const postings = new Map<string, number[]>();
bags.forEach((bag, doc) => {
  for (const t of bag.tf.keys()) postings.set(t, [...(postings.get(t) ?? []), doc]);
});
const df = (t: string) => postings.get(t)?.length ?? 0;
/** Each term's most frequent written form, to put an expansion term back into a query. */
const writtenForm = mostFrequentSurfaces();

interface Scored {
  doc: number;
  score: number;
}
type Expansion = Map<string, number>;

interface Variant {
  family: string;
  name: string;
  rank(query: JudgedQuery, pool: Scored[]): Promise<number[]>;
  /** The expansion used for a query, for -v. */
  expansion?: (query: JudgedQuery, pool: Scored[]) => Expansion;
}

const variants: Variant[] = [];
for (const k of [5, 10])
  for (const m of [10, 20])
    for (const lambda of LAMBDAS) {
      const expansion = (q: JudgedQuery, pool: Scored[]) => relevanceModel(pool.slice(0, k), new Set(terms(q.q)), m);
      variants.push({ family: 'rm3', name: `rm3 k=${k} m=${m} λ=${lambda}`, expansion, rank: async (q, pool) => rerank(pool, expansion(q, pool), lambda) });
    }
for (const k of [5, 10])
  for (const m of [5, 10])
    for (const lambda of LAMBDAS) {
      const expansion = (q: JudgedQuery, pool: Scored[]) => relevanceModel(pool.slice(0, k), new Set(terms(q.q)), m);
      variants.push({
        family: 'rm3+search',
        name: `rm3+search k=${k} m=${m} λ=${lambda}`,
        expansion,
        rank: async (q, pool) => fuse(pool, await search(`${q.q} ${[...expansion(q, pool).keys()].map((t) => writtenForm.get(t) ?? t).join(' ')}`, q), lambda),
      });
    }
for (const measure of ['pmi', 'llr'] as const)
  for (const n of [3, 5])
    for (const beta of [0.1, 0.2, 0.3]) {
      const expansion = (q: JudgedQuery) => cooccurrenceExpansion(q.q, measure, n);
      variants.push({ family: measure, name: `${measure} n=${n} β=${beta}`, expansion, rank: async (q, pool) => rerank(pool, expansion(q), 1 - beta) });
    }

// The baseline is the engine's own first 10 (as npm run eval asks for them); the pool its first 100.
const baseline: QueryScore[] = [];
const pools: Scored[][] = [];
let samePrefix = 0;
let identity = 0;
for (const query of queries) {
  const first = (await engine.search({ q: query.q, limit: 10, ...(query.year ? { years: [query.year] } : {}) })).hits;
  const pool = await search(query.q, query);
  pools.push(pool);
  baseline.push(scoreQuery(query, first));
  if (first.every((h, i) => docOf.get(h.id) === pool[i]?.doc)) samePrefix++;
  if (rerank(pool, new Map(), 1).every((doc, i) => doc === pool[i]!.doc)) identity++;
}

const results = new Map<Variant, QueryScore[]>();
for (const variant of variants) {
  const scores: QueryScore[] = [];
  for (const [i, query] of queries.entries()) {
    const ranked = await variant.rank(query, pools[i]!);
    scores.push(scoreQuery(query, ranked.slice(0, 10).map((doc) => entries[doc]!)));
  }
  results.set(variant, scores);
}

printReport();
if (values.verbose) printExpansions();

// --- Variants ----------------------------------------------------------------------------------

/** The engine's first POOL hits for `q`, with the entry's year filter. */
async function search(q: string, query: JudgedQuery): Promise<Scored[]> {
  const { hits } = await engine.search({ q, limit: POOL, ...(query.year ? { years: [query.year] } : {}) });
  return hits.map((h) => ({ doc: docOf.get(h.id)!, score: h.score }));
}

/** RM1 over the feedback paragraphs, its m best terms outside `exclude`, weights summing to 1. */
function relevanceModel(feedback: Scored[], exclude: Set<string>, m: number): Expansion {
  const total = feedback.reduce((s, h) => s + h.score, 0) || 1;
  const model = new Map<string, number>();
  for (const { doc, score } of feedback) {
    const bag = bags[doc]!;
    for (const [t, tf] of bag.tf) if (!exclude.has(t)) model.set(t, (model.get(t) ?? 0) + (tf / bag.length) * (score / total));
  }
  return top(model, m);
}

/** For each query term its n most associated terms, each term's share summing to 1/(query terms). */
function cooccurrenceExpansion(q: string, measure: 'pmi' | 'llr', n: number): Expansion {
  const own = [...new Set(terms(q))];
  const expansion = new Map<string, number>();
  for (const t of own) {
    for (const [u, w] of top(associations(t, measure, new Set(own)), n)) expansion.set(u, (expansion.get(u) ?? 0) + w / own.length);
  }
  return expansion;
}

/** Terms associated with `t` over paragraphs, by PMI or by G² (positive association only). */
function associations(t: string, measure: 'pmi' | 'llr', exclude: Set<string>): Map<string, number> {
  const docs = postings.get(t) ?? [];
  const out = new Map<string, number>();
  if (docs.length < MIN_COUNT) return out;
  const together = new Map<string, number>();
  for (const doc of docs) for (const u of bags[doc]!.tf.keys()) together.set(u, (together.get(u) ?? 0) + 1);
  const a = docs.length;
  for (const [u, k11] of together) {
    const b = df(u);
    if (exclude.has(u) || k11 < MIN_COUNT || b < MIN_COUNT || k11 * N <= a * b) continue;
    out.set(u, measure === 'pmi' ? Math.log2((k11 * N) / (a * b)) : llr(k11, a - k11, b - k11, N - a - b + k11));
  }
  return out;
}

/** Dunning's G² of a 2×2 contingency table. */
function llr(k11: number, k12: number, k21: number, k22: number): number {
  const cell = (k: number, row: number, col: number) => (k > 0 ? k * Math.log((k * N) / (row * col)) : 0);
  return 2 * (cell(k11, k11 + k12, k11 + k21) + cell(k12, k11 + k12, k12 + k22) + cell(k21, k21 + k22, k11 + k21) + cell(k22, k21 + k22, k12 + k22));
}

/** The pool ordered by λ·engine score + (1 − λ)·BM25 of the expansion, both max-normalised; ties keep the engine's order. */
function rerank(pool: Scored[], expansion: Expansion, lambda: number): number[] {
  const own = normalise(pool.map((h) => h.score));
  const expanded = normalise(pool.map((h) => [...expansion].reduce((s, [t, w]) => s + w * bm25(t, h.doc), 0)));
  return order(pool.map((h, i) => ({ doc: h.doc, score: lambda * own[i]! + (1 - lambda) * expanded[i]! })));
}

/** Two lists fused by λ·first + (1 − λ)·second, each max-normalised; absent from one list is 0 there. */
function fuse(first: Scored[], second: Scored[], lambda: number): number[] {
  const fused = new Map<number, number>();
  const add = (list: Scored[], weight: number) => {
    const norm = normalise(list.map((h) => h.score));
    list.forEach((h, i) => fused.set(h.doc, (fused.get(h.doc) ?? 0) + weight * norm[i]!));
  };
  add(first, lambda);
  add(second, 1 - lambda);
  return order([...fused].map(([doc, score]) => ({ doc, score })));
}

function bm25(t: string, doc: number): number {
  const bag = bags[doc]!;
  const tf = bag.tf.get(t) ?? 0;
  if (!tf) return 0;
  const idf = Math.log(1 + (N - df(t) + 0.5) / (df(t) + 0.5));
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * bag.length) / averageLength));
}

/** Best first; a stable sort, so equal scores keep their order in the input. */
function order(scored: Scored[]): number[] {
  return scored
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((s) => s.doc);
}

function normalise(xs: number[]): number[] {
  const max = Math.max(0, ...xs);
  return xs.map((x) => (max > 0 ? x / max : 0));
}

/** The `n` heaviest entries, re-weighted to sum to 1. */
function top(weights: Map<string, number>, n: number): Expansion {
  const best = [...weights].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
  const sum = best.reduce((s, [, w]) => s + w, 0) || 1;
  return new Map(best.map(([t, w]) => [t, w / sum]));
}

function mostFrequentSurfaces(): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const e of entries)
    for (const token of analyze(e.text)) {
      if (token.stop) continue;
      const forms = counts.get(token.term) ?? new Map<string, number>();
      forms.set(token.surface, (forms.get(token.surface) ?? 0) + 1);
      counts.set(token.term, forms);
    }
  return new Map([...counts].map(([term, forms]) => [term, [...forms].sort((a, b) => b[1] - a[1])[0]![0]]));
}

// --- Report ------------------------------------------------------------------------------------

/** Two-sided p of the mean paired difference, by flipping each query's sign at random (seeded). */
function randomisationTest(a: number[], b: number[]): number {
  const d = a.map((x, i) => x - b[i]!);
  const observed = Math.abs(d.reduce((s, x) => s + x, 0));
  let state = 12;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let extreme = 0;
  for (let r = 0; r < PERMUTATIONS; r++) if (Math.abs(d.reduce((s, x) => s + (random() < 0.5 ? -x : x), 0)) >= observed - 1e-12) extreme++;
  return (extreme + 1) / (PERMUTATIONS + 1);
}

function printReport(): void {
  const width = Math.max(...variants.map((v) => v.name.length), 8) + 2;
  const base = mean(baseline);
  console.log(`Feedback experiment: ${queries.length} queries (${sets.join(', ')}), ${N} paragraphs; pool ${POOL}.`);
  console.log(`Checks: pool's first 10 = engine's first 10 for ${samePrefix}/${queries.length} queries; re-rank with λ=1 keeps the pool's order for ${identity}/${queries.length}.\n`);
  const setNames = sets.map((path) => path.replace(/^.*\//, '').replace(/\.json$/, ''));
  const bySet = (scores: QueryScore[]) => sets.map((path) => f3(mean(scores.filter((_, i) => queries[i]!.set === path)).ndcg).padStart(14)).join('');
  console.log(`${'variant'.padEnd(width)}${'nDCG@10'.padStart(8)}${'R@10'.padStart(7)}${'MRR'.padStart(7)}${'ΔnDCG'.padStart(8)}${'better'.padStart(8)}${'worse'.padStart(7)}${'p'.padStart(8)}${setNames.map((n) => n.padStart(14)).join('')}`);
  console.log(`${'baseline'.padEnd(width)}${f3(base.ndcg).padStart(8)}${f3(base.recall).padStart(7)}${f3(base.mrr).padStart(7)}${''.padStart(31)}${bySet(baseline)}`);
  let family = '';
  for (const v of variants) {
    if (v.family !== family) console.log();
    family = v.family;
    const s = results.get(v)!;
    const m = mean(s);
    const better = s.filter((q, i) => q.ndcg > baseline[i]!.ndcg + EPS).length;
    const worse = s.filter((q, i) => q.ndcg < baseline[i]!.ndcg - EPS).length;
    const p = randomisationTest(s.map((q) => q.ndcg), baseline.map((q) => q.ndcg));
    console.log(
      `${v.name.padEnd(width)}${f3(m.ndcg).padStart(8)}${f3(m.recall).padStart(7)}${f3(m.mrr).padStart(7)}${signed(m.ndcg - base.ndcg).padStart(8)}${String(better).padStart(8)}${String(worse).padStart(7)}${p.toFixed(3).padStart(8)}${bySet(s)}`,
    );
  }

  const kinds = meanByKind(baseline).map((k) => k.kind);
  for (const [label, metric] of [['nDCG@10', 'ndcg'], ['R@10', 'recall'], ['MRR', 'mrr']] as const) {
    console.log(`\nPer kind, ${label} (queries per kind in brackets)`);
    console.log(`${''.padEnd(width)}${kinds.map((k) => k.slice(0, 6).padStart(7)).join('')}`);
    console.log(`${''.padEnd(width)}${meanByKind(baseline).map((k) => `(${k.queries})`.padStart(7)).join('')}`);
    const row = (name: string, scores: QueryScore[]) => {
      const byKind = new Map(meanByKind(scores).map((k) => [k.kind, k[metric]]));
      console.log(`${name.padEnd(width)}${kinds.map((k) => f3(byKind.get(k)!).padStart(7)).join('')}`);
    };
    row('baseline', baseline);
    family = '';
    for (const v of variants) {
      if (v.family !== family) console.log();
      family = v.family;
      row(v.name, results.get(v)!);
    }
  }

  // Fold 0 holds the even-numbered queries, fold 1 the odd: the setting chosen on one is scored on the other.
  console.log('\n2-fold cross-validation of each family (setting chosen by nDCG@10 on the other fold)');
  console.log(`${'family'.padEnd(12)}${'CV nDCG'.padStart(8)}${'baseline'.padStart(9)}${'Δ'.padStart(8)}  chosen (for fold 0 | fold 1)`);
  for (const fam of [...new Set(variants.map((v) => v.family))]) {
    const members = variants.filter((v) => v.family === fam);
    const cv: number[] = [];
    const chosen: string[] = [];
    for (const fold of [0, 1]) {
      const trainMean = (v: Variant) => mean(results.get(v)!.filter((_, i) => i % 2 !== fold)).ndcg;
      const best = members.reduce((a, b) => (trainMean(b) > trainMean(a) + EPS ? b : a));
      chosen.push(best.name);
      results.get(best)!.forEach((q, i) => {
        if (i % 2 === fold) cv.push(q.ndcg);
      });
    }
    const cvMean = cv.reduce((s, x) => s + x, 0) / cv.length;
    console.log(`${fam.padEnd(12)}${f3(cvMean).padStart(8)}${f3(base.ndcg).padStart(9)}${signed(cvMean - base.ndcg).padStart(8)}  ${chosen.join(' | ')}`);
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function printExpansions(): void {
  for (const v of variants.filter((x) => x.expansion)) {
    console.log(`\n${v.name}`);
    const s = results.get(v)!;
    queries.forEach((q, i) => {
      const d = s[i]!.ndcg - baseline[i]!.ndcg;
      if (Math.abs(d) <= EPS) return;
      const words = [...v.expansion!(q, pools[i]!)].map(([t, w]) => `${writtenForm.get(t) ?? t}:${w.toFixed(2)}`).join(' ');
      console.log(`  ${signed(d).padStart(7)} ${q.id.padEnd(34)} ${words}`);
    });
  }
}

function f3(x: number): string {
  return x.toFixed(3);
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
}
