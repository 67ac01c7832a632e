/**
 * `npm run bench`: this engine, in memory and on PostgreSQL, beside its peers — Lucene, SQLite FTS5,
 * PostgreSQL full-text search, FlexSearch and MiniSearch — on the same paragraphs and queries, in one
 * run: relevance, query latency, build cost and memory at every scale of the corpus (1× to 300×) with
 * each metric's growth exponent, HTTP throughput against bare routes in the same server, ingest times,
 * and reading PDFs per page. Prints Markdown tables, the machine and the bars; writes
 * bench/results.json and the scaling chart bench/scaling.svg. The machine may be busy with other work:
 * read the ratios, not the times. PostgreSQL is the database at DATABASE_URL (an empty one), or else a
 * throwaway server started for the run; Lucene is Debian's liblucene8-java, run by javac and java. A
 * peer whose runtime is missing is skipped. `--from FILE` reports and draws a saved run instead.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../src/archive.js';
import { loadJudgedQueries } from '../src/evaluation/relevance.js';
import { FilesStore } from '../src/store/files/files-store.js';
import { startPostgres } from '../tests/helpers/postgres.js';
import { ENGINE_NAMES, LUCENE, type EngineName } from './bench/engines.js';
import { measureHttp } from './bench/http-load.js';
import { measureIngest } from './bench/ingest-throughput.js';
import { compileLucene } from './bench/lucene-peer.js';
import { lowerOf } from './bench/latency.js';
import { describeMachine } from './bench/machine.js';
import type { PdfPages } from './bench/pdf-pages.js';
import { formatReport, growthOf, type BenchResults } from './bench/report.js';
import { scalingChart } from './bench/scaling-chart.js';
import { scaleKey } from './bench/scaling.js';
import type { EngineRun } from './bench/worker.js';
import { runWorker } from './bench/worker-process.js';

const SECTIONS = ['engines', 'http', 'ingest'] as const;
/** Measured at 1× and the bars' scale only: writing a larger corpus to PostgreSQL takes minutes. */
const BAR_SCALE_ONLY: EngineName[] = ['styringssok-postgres'];
/** Peers that do not rank, measured up to the bars' scale: beyond it they would cost the bench minutes, and tell nothing the ranking peers do not. */
const UP_TO_BAR_SCALE: EngineName[] = ['flexsearch-default', 'minisearch'];

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    index: { type: 'string', default: 'index' },
    queries: { type: 'string', default: '../shared/eval/dev-queries.json' },
    /** The scale the bars are read at; one of `scales`. */
    copies: { type: 'string', default: '100' },
    scales: { type: 'string', default: '1,10,100,300' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    /** Run some sections only (engines, http, ingest); results are then printed, not written. */
    only: { type: 'string', multiple: true },
    out: { type: 'string', default: 'bench/results.json' },
    chart: { type: 'string', default: 'bench/scaling.svg' },
    from: { type: 'string' },
  },
});

if (values.from) {
  const saved = JSON.parse(readFileSync(resolve(values.from), 'utf8')) as BenchResults;
  console.log(formatReport(saved));
  writeChart(saved);
} else {
  await bench();
}

async function bench(): Promise<void> {
  const started = performance.now();
  const only = values.only?.flatMap((s) => s.split(','));
  const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown?.length) throw new Error(`unknown section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
  const run = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
  const copies = Number(values.copies);
  const scales = [...new Set([1, ...values.scales.split(',').map(Number), copies])].sort((a, b) => a - b);
  const corpusDir = resolve(values.corpus);
  const queriesPath = resolve(values.queries);
  const queries = loadJudgedQueries(queriesPath);

  const live = await openArchive(new FilesStore(resolve(values.index)), corpusDir, { onRebuild: (reason) => console.error(`Building the index: ${reason}.`), pollMs: 0 });
  const { corpus, size: paragraphs } = live.current.catalog;
  await live.close();
  const skipped: Record<string, string> = {};
  const postgres = run('engines') && !process.env.DATABASE_URL ? await startPostgres().catch((error: Error) => error) : undefined;
  if (postgres instanceof Error) for (const engine of ['styringssok-postgres', 'postgres-fts']) skipped[engine] = postgres.message;
  const server = postgres instanceof Error ? undefined : postgres;
  const databaseUrl = process.env.DATABASE_URL || server?.url;
  // The workers read a copy of corpus.json of their own: an ingest elsewhere may replace the index meanwhile.
  const workDir = mkdtempSync(join(tmpdir(), 'styringssok-bench-'));
  const stopPostgres = once(async () => {
    await server?.stop();
  });
  const cleanUp = once(async () => {
    await stopPostgres();
    rmSync(workDir, { recursive: true, force: true });
  });
  // A server left running would outlive the bench.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(128 + constants.signals[signal])));
  try {
    const corpusPath = join(workDir, 'corpus.json');
    writeFileSync(corpusPath, JSON.stringify(corpus));
    const lucene = run('engines') ? compileLucene(join(workDir, 'lucene')) : undefined;
    if (lucene && 'skipped' in lucene) skipped[LUCENE] = lucene.skipped;
    const results: BenchResults = {
      meta: { date: new Date().toISOString(), machine: await describeMachine(databaseUrl), queries: queries.length, paragraphs, copies, scales },
    };
    if (run('engines')) {
      results.skipped = skipped;
      results.relevance = {};
      results.latency = {};
      const luceneClasspath = lucene && 'classpath' in lucene ? lucene.classpath : undefined;
      for (const scale of scales) {
        // At the bars' scale each engine runs twice, the second time in reverse order, and the lower of
        // its figures count: the machine's load drifts over minutes, and a bar compares engines run minutes apart.
        const passes = scale === copies ? [ENGINE_NAMES, [...ENGINE_NAMES].reverse()] : [ENGINE_NAMES];
        for (const engine of passes.flat()) {
          if (skipped[engine] || (BAR_SCALE_ONLY.includes(engine) && scale !== 1 && scale !== copies) || (UP_TO_BAR_SCALE.includes(engine) && scale > copies)) continue;
          const t = performance.now();
          process.stderr.write(`${engine} at ${scale}×… `);
          const measured = await runWorker<EngineRun>({ kind: 'engine', engine, copies: scale, corpusPath, queriesPath, databaseUrl, luceneClasspath });
          process.stderr.write(`${((performance.now() - t) / 1000).toFixed(0)} s, p50 ${(measured.latency.p50Ms * 1000).toFixed(0)} µs\n`);
          const byScale = (results.latency[engine] ??= {});
          const first = byScale[scaleKey(scale)];
          byScale[scaleKey(scale)] = first ? lowerOf(first, measured.latency) : measured.latency;
          if (measured.relevance) results.relevance[engine] = measured.relevance;
          if (engine === LUCENE) results.meta.machine.lucene ??= measured.runtime;
        }
      }
      results.growth = growthOf(results.latency);
    }
    // Stopped before the loads that follow: a server still checkpointing and vacuuming what the engines
    // wrote took a core from them (the 100× ingest ran 85–94 s beside it, 68 s after it stopped).
    await stopPostgres();
    if (run('http')) {
      console.error('HTTP load…');
      const load = { connections: Number(values.connections), durationS: Number(values.duration) };
      results.http = await measureHttp(corpusPath, queries.map((q) => q.q), join(workDir, 'requests.log'), load);
    }
    if (run('ingest')) {
      console.error(`Ingest at 1× and ${copies}×, and again unchanged…`);
      results.ingest = await measureIngest(corpusDir, copies);
      console.error('Reading PDFs…');
      results.pdf = await runWorker<PdfPages>({ kind: 'pdf-pages' });
    }
    results.meta.machine.loadAverage.end = loadavg();
    results.meta.durationS = (performance.now() - started) / 1000;

    console.log(formatReport(results));
    if (!only) {
      mkdirSync(dirname(resolve(values.out)), { recursive: true });
      writeFileSync(resolve(values.out), `${JSON.stringify(results, null, 2)}\n`);
      console.error(`\nWritten to ${values.out}`);
      writeChart(results);
    }
  } finally {
    await cleanUp();
  }
}

function writeChart(results: BenchResults): void {
  writeFileSync(resolve(values.chart), scalingChart(results));
  console.error(`Chart drawn in ${values.chart}`);
}

/** The first call runs `work`; later calls share its promise (at the end, on failure, when interrupted). */
function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
}
