/**
 * The bench's results (the shape of bench/results.json), as Markdown tables and the bars they are held
 * to. Every latency bar compares figures of the same run — engines measured minutes apart on the same
 * machine — never a time against a fixed number; build and write times have targets in seconds.
 */
import { ENGINE_NAMES, RANKING_PEERS } from './engines.js';
import type { HttpResult, Route } from './http-load.js';
import type { IngestResult } from './ingest-throughput.js';
import type { LatencyResult } from './latency.js';
import { formatMachine, type Machine } from './machine.js';
import type { PdfPages } from './pdf-pages.js';
import type { Relevance } from './relevance.js';
import { growthExponent, METRIC_NAMES, METRICS, scaleKey, series, type MetricName } from './scaling.js';

export interface BenchResults {
  meta: {
    date: string;
    durationS?: number;
    machine: Machine;
    queries: number;
    /** Paragraphs of the real corpus: 1×. */
    paragraphs: number;
    /** The scale the bars are read at. */
    copies: number;
    /** Every scale measured. */
    scales: number[];
  };
  /** Engines that could not run here, and why (a missing runtime). */
  skipped?: Record<string, string>;
  relevance?: Record<string, Relevance>;
  /** By engine, then by scale (`1x`, `100x`, …). */
  latency?: Record<string, Record<string, LatencyResult>>;
  /** By engine: each metric's growth exponent over the scales measured (derived from `latency`). */
  growth?: Record<string, Partial<Record<MetricName, number>>>;
  http?: HttpResult;
  ingest?: IngestResult;
  /** Reading published letters (PDF), per page. */
  pdf?: PdfPages;
}

export interface Bar {
  name: string;
  pass: boolean;
  detail: string;
}

const SELF = 'styringssok';
/** The same engine on the PostgreSQL store: not a peer, and bound to rank exactly as SELF does. */
const SELF_POSTGRES = 'styringssok-postgres';

export function growthOf(latency: NonNullable<BenchResults['latency']>): NonNullable<BenchResults['growth']> {
  const exponents = (byScale: Record<string, LatencyResult>) => METRIC_NAMES.map((m) => [m, growthExponent(series(byScale, m))] as const).filter(([, g]) => g !== undefined);
  return Object.fromEntries(Object.entries(latency).map(([engine, byScale]) => [engine, Object.fromEntries(exponents(byScale))]));
}

export function bars(results: BenchResults): Bar[] {
  const out: Bar[] = [];
  const { relevance, latency, http, ingest, meta } = results;
  const at = (engine: string) => latency?.[engine]?.[scaleKey(meta.copies)];
  const scaled = `${meta.copies}×`;
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
  const own = at(SELF);
  if (own) {
    const peers = RANKING_PEERS.filter((p) => at(p));
    const fastest = (key: 'p50Ms' | 'p99Ms') => peers.reduce<string | undefined>((best, p) => (best === undefined || at(p)![key] < at(best)![key] ? p : best), undefined);
    for (const [key, factor] of [['p50Ms', 0.8], ['p99Ms', 1]] as const) {
      const peer = fastest(key);
      if (!peer) continue;
      const theirs = at(peer)![key];
      out.push({
        name: `latency ${scaled}: ${key.slice(0, 3)} ≤ ${factor === 1 ? '' : `${factor}× `}the fastest ranking peer's`,
        pass: own[key] <= factor * theirs,
        detail: `${ratio(own[key] / theirs)} of ${peer}'s (${ms(own[key])} vs ${ms(theirs)}; peers measured: ${peers.join(', ')})`,
      });
    }
    out.push({ name: `build ${scaled}: ≤ 4 s`, pass: own.buildMs <= 4000, detail: seconds(own.buildMs) });
    const stored = at(SELF_POSTGRES);
    if (stored) {
      out.push({ name: `PostgreSQL store: writing ${scaled} ≤ 10 s`, pass: stored.writeMs! <= 10_000, detail: seconds(stored.writeMs!) });
      for (const [key, factor] of [['p50Ms', 2], ['p99Ms', 3]] as const) {
        out.push({ name: `PostgreSQL store ${scaled}: ${key.slice(0, 3)} ≤ ${factor}× in memory`, pass: stored[key] <= factor * own[key], detail: `${ratio(stored[key] / own[key])} (${ms(stored[key])} vs ${ms(own[key])})` });
      }
    }
  }
  if (http) {
    const { search, bareAnswer } = http.routes;
    out.push({ name: 'http: /api/search ≥ 0.5× the rps of a bare route sending a same-size answer', pass: http.ratio >= 0.5, detail: `${http.ratio.toFixed(2)} (${rps(search.rps)} / ${rps(bareAnswer.rps)} req/s)` });
  }
  if (ingest) {
    out.push({ name: 'ingest 1×: ≤ 5 s', pass: ingest['1x'].ms <= 5000, detail: seconds(ingest['1x'].ms) });
    out.push({ name: 'unchanged re-ingest: ≤ 1 s', pass: ingest.unchangedMs <= 1000, detail: seconds(ingest.unchangedMs) });
  }
  const { pdf } = results;
  if (pdf) {
    out.push({ name: 'born-digital PDF: ≤ 50 ms per page', pass: pdf.bornDigital.msPerPage <= 50, detail: seconds(pdf.bornDigital.msPerPage) });
    if ('msPerPage' in pdf.scanned) out.push({ name: 'scanned PDF: ≤ 5 s per page', pass: pdf.scanned.msPerPage <= 5000, detail: seconds(pdf.scanned.msPerPage) });
  }
  return out;
}

export function formatReport(results: BenchResults): string {
  const sections = [engineTable(results), scalingTables(results), postgresStoreTable(results), httpTable(results.http), [...ingestLines(results.ingest), ...pdfLines(results.pdf)]];
  return [
    ...sections.filter((s) => s.length).map((s) => s.join('\n')),
    `Machine: ${formatMachine(results.meta.machine)}${results.meta.durationS ? `; the bench took ${(results.meta.durationS / 60).toFixed(1)} min` : ''}.`,
    ['Bars:', '', ...bars(results).map((b) => `- ${b.pass ? 'PASS' : '**FAIL**'} ${b.name}: ${b.detail}`)].join('\n'),
  ].join('\n\n');
}

/** Engines in the bench's order, then any others the results hold. */
function enginesOf(results: BenchResults): string[] {
  const present = new Set([...Object.keys(results.relevance ?? {}), ...Object.keys(results.latency ?? {})]);
  return [...ENGINE_NAMES.filter((e) => present.has(e)), ...[...present].filter((e) => !(ENGINE_NAMES as string[]).includes(e))];
}

function engineTable(results: BenchResults): string[] {
  const { relevance, latency, skipped, meta } = results;
  const engines = enginesOf(results);
  if (!engines.length) return [];
  const big = scaleKey(meta.copies);
  const n = `${meta.copies}×`;
  const ownP50 = latency?.[SELF]?.[big]?.p50Ms;
  const lines = [
    `| engine | nDCG@10 | R@10 | MRR | p50 1× | p99 1× | p50 ${n} | p99 ${n} | p50 ÷ ${SELF} ${n} | build ${n} | index ${n} | RSS ${n} |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const engine of engines) {
    const r = relevance?.[engine];
    const one = latency?.[engine]?.['1x'];
    const at = latency?.[engine]?.[big];
    lines.push(
      `| ${engine} | ${fixed(r?.ndcg, 3)} | ${fixed(r?.recall, 2)} | ${fixed(r?.mrr, 2)} | ${ms(one?.p50Ms)} | ${ms(one?.p99Ms)} | ${ms(at?.p50Ms)} | ${ms(at?.p99Ms)} | ${at && ownP50 ? ratio(at.p50Ms / ownP50) : '–'} | ${at ? seconds(at.buildMs) : '–'} | ${mb(at?.indexMB)} | ${mb(at?.rssMB)} |`,
    );
  }
  lines.push('');
  const fts = latency?.['postgres-fts']?.[big];
  if (fts?.roundTrip) lines.push(`- postgres-fts's times are the server's own; its client round trip at ${n}: p50 ${ms(fts.roundTrip.p50Ms)}, p99 ${ms(fts.roundTrip.p99Ms)}.`);
  lines.push(
    '- *index* is what the built index holds: JS heap and buffers after a full GC, plus for sqlite-fts5 its in-memory database and for postgres-fts its table and GIN index in the server; Lucene\'s is the JVM heap after GC (the index is in a ByteBuffersDirectory); styringssok-postgres\'s is what its serving process holds, loaded from the database.',
  );
  for (const [engine, reason] of Object.entries(skipped ?? {})) lines.push(`- ${engine}: skipped: ${reason}.`);
  return lines;
}

function scalingTables(results: BenchResults): string[] {
  const { latency, meta } = results;
  if (!latency || meta.scales.length < 2) return [];
  const engines = enginesOf(results).filter((e) => Object.keys(latency[e] ?? {}).length > 1);
  const lines: string[] = [];
  for (const metric of METRIC_NAMES) {
    const { label, unit } = METRICS[metric];
    lines.push(`| ${label} | ${meta.scales.map((s) => `${s}×`).join(' | ')} | growth exponent |`, `|---|${meta.scales.map(() => '---:').join('|')}|---:|`);
    for (const engine of engines) {
      const byScale = latency[engine]!;
      const cells = meta.scales.map((s) => {
        const r = byScale[scaleKey(s)];
        if (!r) return '–';
        const value = METRICS[metric].value(r);
        return unit === 'MB' ? mb(value) : metric === 'build' ? seconds(value) : ms(value);
      });
      lines.push(`| ${engine} | ${cells.join(' | ')} | ${fixed(growthExponent(series(byScale, metric)), 2)} |`);
    }
    lines.push('');
  }
  lines.push('The growth exponent is the slope of the log-log least-squares line through the points: 1 grows in proportion to the corpus, 0 not at all.');
  return lines;
}

function postgresStoreTable({ latency, meta }: BenchResults): string[] {
  const key = scaleKey(meta.copies);
  const memory = latency?.[SELF]?.[key];
  const stored = latency?.[SELF_POSTGRES]?.[key];
  if (!memory || !stored) return [];
  const n = `${meta.copies}×`;
  return [
    `| ${SELF} at ${n} | in memory | PostgreSQL store | store ÷ memory | target |`,
    '|---|---:|---:|---:|---|',
    `| writing the corpus | – | ${seconds(stored.writeMs!)} | – | ≤ 10 s |`,
    `| p50 | ${ms(memory.p50Ms)} | ${ms(stored.p50Ms)} | ${ratio(stored.p50Ms / memory.p50Ms)} | ≤ 2× |`,
    `| p99 | ${ms(memory.p99Ms)} | ${ms(stored.p99Ms)} | ${ratio(stored.p99Ms / memory.p99Ms)} | ≤ 3× |`,
    `| held in memory per app server and version | ${mb(memory.indexMB)} | ${mb(stored.indexMB)} | ${ratio(stored.indexMB / memory.indexMB)} | – |`,
    '',
    '- In memory, the index is built in the process and its documents are the bench\'s own corpus; on the store, the serving process loads the documents and the index parts of the version from the database and holds them itself.',
  ];
}

const ROUTE_LABELS: Record<Route, string> = {
  bare: 'bare route, `{"ok":true}`',
  bareAnswer: 'bare route, a precomputed search answer',
  search: '`/api/search`',
  searchCompressed: '`/api/search`, `Accept-Encoding: gzip, deflate, br`',
};

function httpTable(http: HttpResult | undefined): string[] {
  if (!http) return [];
  const lines = ['| route | bytes per response | req/s | p50 | p99 | ÷ bare answer |', '|---|---:|---:|---:|---:|---:|'];
  for (const [route, label] of Object.entries(ROUTE_LABELS) as [Route, string][]) {
    const r = http.routes[route];
    lines.push(`| ${label} | ${r.bytes.toFixed(0)} | ${rps(r.rps)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${(r.rps / http.routes.bareAnswer.rps).toFixed(2)} |`);
  }
  lines.push(
    '',
    `- Bytes per response count headers. The precomputed answer is that of «${http.answer.q}», ${kb(http.answer.bytes)} (search answers average ${kb(http.answer.meanBytes)}).`,
    `- The request log got ${http.log.lines} lines (${fixed(http.log.bytes / 2 ** 20, 1)} MB) for ${http.log.requests} search requests.`,
  );
  return lines;
}

function ingestLines(ingest: IngestResult | undefined): string[] {
  if (!ingest) return [];
  const { '1x': single, scaled } = ingest;
  return [
    `- Ingest 1×: ${seconds(single.ms)} (${single.documents} documents, ${single.paragraphs} paragraphs)`,
    `- Ingest ${scaled.copies}×: ${seconds(scaled.ms)} for ${fixed(scaled.sourceMB, 1)} MB of sources, ${fixed(scaled.mbPerS, 2)} MB/s (${scaled.documents} documents, ${scaled.paragraphs} paragraphs)`,
    `- Unchanged re-ingest (a second \`npm run ingest\` of the same corpus into a files store, in a fresh process): ${seconds(ingest.unchangedMs)}`,
  ];
}

function pdfLines(pdf: PdfPages | undefined): string[] {
  if (!pdf) return [];
  const { bornDigital, scanned } = pdf;
  return [
    `- Born-digital PDF (read by pdf.js and parsed by the layout rules, warm): ${seconds(bornDigital.msPerPage)} per page (${bornDigital.pages} pages)`,
    'skipped' in scanned
      ? `- Scanned PDF: skipped (${scanned.skipped})`
      : `- Scanned PDF (OCR'd by Tesseract, ${scanned.concurrency} pages at once, and parsed): ${seconds(scanned.msPerPage)} per page (${scanned.pages} pages)`,
  ];
}

function ms(value: number | undefined): string {
  if (value === undefined) return '–';
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(valueMs < 10_000 ? 2 : 1)} s`;
}

function mb(value: number | undefined): string {
  return value === undefined ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} MB`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function rps(value: number): string {
  return value.toFixed(0);
}

/** Two significant digits, so that a ratio far below 1 still shows. */
function ratio(value: number): string {
  return `${value >= 10 ? value.toFixed(0) : value.toPrecision(2)}×`;
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? '–' : value.toFixed(digits);
}
