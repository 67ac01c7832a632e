/**
 * `npm run bench`: this engine, in memory and on PostgreSQL, beside its peers on the same paragraphs
 * and queries, in one run — relevance, query latency and build cost at 1× and at a replicated corpus,
 * HTTP throughput against a bare Express route, and ingest time. Prints Markdown tables and the bars,
 * and writes bench/results.json. The machine may be busy with other work: read the ratios, not the
 * times. PostgreSQL is the database at DATABASE_URL (an empty one), or else a throwaway server started
 * for the run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadJudgedQueries } from '../src/evaluation/relevance.js';
import { openArchive } from '../src/archive.js';
import { FilesStore } from '../src/store/files/files-store.js';
import { startPostgres } from '../tests/helpers/postgres.js';
import { ENGINE_NAMES } from './bench/engines.js';
import { measureHttp } from './bench/http-load.js';
import { measureIngest } from './bench/ingest-throughput.js';
import type { LatencyResult } from './bench/latency.js';
import { formatReport, type BenchResults, type Relevance } from './bench/report.js';
import { runWorker } from './bench/worker-process.js';

const SECTIONS = ['engines', 'http', 'ingest'] as const;

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    index: { type: 'string', default: 'index' },
    queries: { type: 'string', default: '../shared/eval/dev-queries.json' },
    copies: { type: 'string', default: '100' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    /** Run some sections only (engines, http, ingest); results are then printed, not written. */
    only: { type: 'string', multiple: true },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const only = values.only?.flatMap((s) => s.split(','));
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown?.length) throw new Error(`unknown section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
const run = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
const copies = Number(values.copies);
const corpusDir = resolve(values.corpus);
const queriesPath = resolve(values.queries);
const queries = loadJudgedQueries(queriesPath);

const indexDir = resolve(values.index);
const { current: engine } = await openArchive(new FilesStore(indexDir), corpusDir, { onRebuild: (reason) => console.error(`Building the index: ${reason}.`), pollMs: 0 });
// styringssok-postgres's database.
const postgres = run('engines') && !process.env.DATABASE_URL ? await startPostgres() : undefined;
const databaseUrl = process.env.DATABASE_URL || postgres?.url;
// The workers read a copy of corpus.json of their own: an ingest elsewhere may replace the index meanwhile.
const workDir = mkdtempSync(join(tmpdir(), 'styringssok-bench-'));
const corpusPath = join(workDir, 'corpus.json');
writeFileSync(corpusPath, JSON.stringify(engine.catalog.corpus));
let cleaned: Promise<void> | undefined;
/** Once: at the end, on failure, or when interrupted (a server left running would outlive the bench). */
const cleanUp = () =>
  (cleaned ??= (async () => {
    await postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(128 + constants.signals[signal])));

const results: BenchResults = {
  meta: { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: loadavg(), queries: queries.length, copies },
};
try {
  await measure(results);
} finally {
  await cleanUp();
}

async function measure(results: BenchResults): Promise<void> {
  if (run('engines')) {
    results.relevance = {};
    results.latency = {};
    for (const scale of [1, copies]) {
      for (const name of ENGINE_NAMES) {
        console.error(`${name} at ${scale}×…`);
        const measured = await runWorker<{ latency: LatencyResult; relevance?: Relevance }>({ kind: 'engine', engine: name, copies: scale, corpusPath, queriesPath, databaseUrl });
        (results.latency[name] ??= {})[`${scale}x`] = measured.latency;
        if (measured.relevance) results.relevance[name] = measured.relevance;
      }
    }
  }
  if (run('http')) {
    console.error('HTTP load…');
    results.http = await measureHttp(corpusPath, queries.map((q) => q.q), { connections: Number(values.connections), durationS: Number(values.duration) });
  }
  if (run('ingest')) {
    console.error(`Ingest at 1× and ${copies}×…`);
    const { '1x': single, scaled } = await measureIngest(corpusDir, copies);
    results.ingest = { '1x': single, [`${copies}x`]: scaled };
  }
}

console.log(formatReport(results));
if (!only) {
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(resolve(values.out), `${JSON.stringify(results, null, 2)}\n`);
  console.error(`\nWritten to ${values.out}`);
}
