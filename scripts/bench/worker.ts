/** The bench's child process: runs one task and sends its result to the parent. */
import { readFileSync } from 'node:fs';
import { loadJudgedQueries } from '../../src/evaluation/relevance.js';
import type { Corpus } from '../../src/model/corpus.js';
import { ENGINES, LUCENE } from './engines.js';
import { serveSearchApp } from './http-load.js';
import { timeIngest, timeIngestInto } from './ingest-throughput.js';
import { measureLatency, type LatencyResult } from './latency.js';
import { measureLucene } from './lucene-peer.js';
import { timePdfPages } from './pdf-pages.js';
import { timePostgresWrite } from './postgres-engine.js';
import { measureRelevance, rankingsOf, type Relevance } from './relevance.js';
import { replicateCorpus } from './scaled-corpus.js';
import type { Task } from './worker-process.js';

export interface EngineRun {
  latency: LatencyResult;
  /** On the real corpus only: replicas would repeat every relevant paragraph. */
  relevance?: Relevance;
  /** The engine's runtime and its version, when it is not this Node. */
  runtime?: string;
}

async function run(task: Task): Promise<unknown> {
  switch (task.kind) {
    case 'engine': {
      const corpus = replicateCorpus(readCorpus(task.corpusPath), task.copies);
      const queries = loadJudgedQueries(task.queriesPath);
      const texts = queries.map((q) => q.q);
      let measured: { latency: LatencyResult; rankings: string[][]; version?: string };
      if (task.engine === LUCENE) measured = measureLucene(corpus, texts, task.luceneClasspath!);
      else {
        const engine = ENGINES[task.engine](task);
        measured = { latency: await measureLatency(engine, corpus, texts), rankings: await rankingsOf(engine, queries) };
        await engine.dispose();
      }
      const result: EngineRun = { latency: measured.latency, runtime: measured.version };
      if (task.copies === 1) result.relevance = measureRelevance(corpus, queries, measured.rankings);
      return result;
    }
    case 'postgres-write':
      return { ms: await timePostgresWrite(task.databaseUrl, replicateCorpus(readCorpus(task.corpusPath), task.copies)) };
    case 'ingest':
      return timeIngest(task.corpusDir);
    case 'ingest-into':
      return timeIngestInto(task.corpusDir, task.storeDir);
    case 'pdf-pages':
      return timePdfPages();
    case 'serve':
      return serveSearchApp(readCorpus(task.corpusPath), task.queries, task.logPath);
  }
}

function readCorpus(path: string): Corpus {
  return JSON.parse(readFileSync(path, 'utf8')) as Corpus;
}

const task = JSON.parse(process.argv[2]!) as Task;
// A server lives until the bench stops it, or goes when the bench does.
process.on('disconnect', () => process.exit(0));
const result = await run(task);
process.send!(result, () => {
  if (task.kind !== 'serve') process.exit(0);
});
