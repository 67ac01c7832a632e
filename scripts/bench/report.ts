import type { HttpResult } from './http-load.js';
import type { IngestRun } from './ingest-throughput.js';
import type { LatencyResult } from './latency.js';

/**
 * The bench's results (the shape of bench/results.json), as Markdown tables and the bars they are
 * held to. Latency bars compare engines measured in the same run, never absolute times.
 */
export interface Relevance {
  ndcg: number;
  recall: number;
  mrr: number;
}

export interface BenchResults {
  meta: { date: string; node: string; cpus: number; loadAverage: number[]; queries: number; copies: number };
  relevance?: Record<string, Relevance>;
  latency?: Record<string, Record<string, LatencyResult>>;
  http?: HttpResult;
  ingest?: { '1x': IngestRun } & Record<string, IngestRun & { mbPerS?: number; sourceMB?: number }>;
}

export interface Bar {
  name: string;
  pass: boolean;
  detail: string;
}

const SELF = 'styringssok';
/** The same engine on the PostgreSQL store: not a peer, and bound to rank exactly as SELF does. */
const SELF_POSTGRES = 'styringssok-postgres';

export function bars(results: BenchResults): Bar[] {
  const out: Bar[] = [];
  const { relevance, latency, http, ingest } = results;
  const scaled = `${results.meta.copies}x`;
  if (relevance?.[SELF]) {
    const own = relevance[SELF].ndcg;
    const [bestPeer, best] = Object.entries(relevance).filter(([name]) => name !== SELF && name !== SELF_POSTGRES).reduce((a, [name, r]) => (r.ndcg > a[1] ? [name, r.ndcg] : a), ['none', 0]);
    out.push({ name: 'relevance: nDCG@10 ≥ 0.90', pass: own >= 0.9, detail: own.toFixed(3) });
    out.push({ name: 'relevance: ≥ 0.20 above the best peer', pass: own - best >= 0.2, detail: `${own.toFixed(3)} − ${best.toFixed(3)} (${bestPeer}) = ${(own - best).toFixed(3)}` });
    const onPostgres = relevance[SELF_POSTGRES];
    if (onPostgres) {
      const same = (['ndcg', 'recall', 'mrr'] as const).every((m) => onPostgres[m] === relevance[SELF]![m]);
      out.push({ name: `relevance: ${SELF_POSTGRES} equals ${SELF}`, pass: same, detail: `nDCG@10 ${onPostgres.ndcg.toFixed(3)} vs ${own.toFixed(3)}` });
    }
  }
  const p50 = (engine: string) => latency?.[engine]?.[scaled]?.p50Ms;
  const own = p50(SELF);
  if (own !== undefined) {
    for (const [peer, factor] of [['minisearch', 1], ['sqlite-fts5', 1], ['flexsearch-default', 3]] as const) {
      const theirs = p50(peer);
      if (theirs === undefined) continue;
      const name = factor === 1 ? `latency ${results.meta.copies}×: p50 faster than ${peer}` : `latency ${results.meta.copies}×: p50 within ${factor}× of ${peer}`;
      out.push({ name, pass: factor === 1 ? own < theirs : own <= factor * theirs, detail: `${ratio(own / theirs)} (${ms(own)} vs ${ms(theirs)})` });
    }
  }
  if (http) out.push({ name: 'http: search ÷ bare rps ≥ 0.5', pass: http.ratio >= 0.5, detail: `${http.ratio.toFixed(2)} (${http.searchRps.toFixed(0)} / ${http.bareRps.toFixed(0)} rps)` });
  if (ingest) out.push({ name: 'ingest 1×: ≤ 5 s', pass: ingest['1x'].ms <= 5000, detail: `${(ingest['1x'].ms / 1000).toFixed(2)} s` });
  return out;
}

export function formatReport(results: BenchResults): string {
  const { relevance, latency, http, ingest, meta } = results;
  const scaled = `${meta.copies}x`;
  const lines: string[] = [];
  const engines = [...new Set([...Object.keys(relevance ?? {}), ...Object.keys(latency ?? {})])];
  if (engines.length) {
    lines.push(
      `| engine | nDCG@10 | R@10 | MRR | p50 1× | p99 1× | p50 ${meta.copies}× | p99 ${meta.copies}× | p50 ÷ ${SELF} ${meta.copies}× | build ${meta.copies}× | heap ${meta.copies}× | RSS ${meta.copies}× |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    const ownP50 = latency?.[SELF]?.[scaled]?.p50Ms;
    for (const engine of engines) {
      const r = relevance?.[engine];
      const one = latency?.[engine]?.['1x'];
      const big = latency?.[engine]?.[scaled];
      lines.push(
        `| ${engine} | ${fixed(r?.ndcg, 3)} | ${fixed(r?.recall, 2)} | ${fixed(r?.mrr, 2)} | ${ms(one?.p50Ms)} | ${ms(one?.p99Ms)} | ${ms(big?.p50Ms)} | ${ms(big?.p99Ms)} | ${big && ownP50 ? ratio(big.p50Ms / ownP50) : '–'} | ${big ? `${(big.buildMs / 1000).toFixed(1)} s` : '–'} | ${fixed(big?.heapMB, 0)} MB | ${fixed(big?.rssMB, 0)} MB |`,
      );
    }
  }
  lines.push('');
  if (http) lines.push(`- HTTP \`/api/search\`: ${http.searchRps.toFixed(0)} req/s (p99 ${ms(http.p99Ms)}), bare Express route ${http.bareRps.toFixed(0)} req/s: ratio ${http.ratio.toFixed(2)}`);
  if (ingest) {
    const big = ingest[scaled];
    lines.push(`- Ingest 1×: ${(ingest['1x'].ms / 1000).toFixed(2)} s (${ingest['1x'].documents} documents, ${ingest['1x'].paragraphs} paragraphs)`);
    if (big) lines.push(`- Ingest ${meta.copies}×: ${(big.ms / 1000).toFixed(1)} s for ${fixed(big.sourceMB, 1)} MB of sources, ${fixed(big.mbPerS, 2)} MB/s (${big.documents} documents, ${big.paragraphs} paragraphs)`);
  }
  lines.push('', 'Bars:', '', ...bars(results).map((b) => `- ${b.pass ? 'PASS' : '**FAIL**'} ${b.name}: ${b.detail}`));
  return lines.join('\n');
}

function ms(value: number | undefined): string {
  if (value === undefined) return '–';
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

/** Two significant digits, so that a ratio far below 1 still shows. */
function ratio(value: number): string {
  return `${value >= 10 ? value.toFixed(0) : value.toPrecision(2)}×`;
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? '–' : value.toFixed(digits);
}
