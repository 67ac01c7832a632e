import { readFileSync } from 'node:fs';
import { loadJudgedQueries } from '../../src/evaluation/relevance.js';
import type { Corpus } from '../../src/model/corpus.js';
import { ENGINES } from './engines.js';
import { serveSearchApp } from './http-load.js';
import { timeIngest } from './ingest-throughput.js';
import { measureLatency } from './latency.js';
import { timePostgresWrite } from './postgres-engine.js';
import { measureRelevance } from './relevance.js';
import { replicateCorpus } from './scaled-corpus.js';
import type { Task } from './worker-process.js';

/** The bench's child process: runs one task and sends its result to the parent. */
async function run(task: Task): Promise<unknown> {
  switch (task.kind) {
    case 'engine': {
      const corpus = replicateCorpus(readCorpus(task.corpusPath), task.copies);
      const queries = loadJudgedQueries(task.queriesPath);
      const engine = ENGINES[task.engine](task);
      const latency = await measureLatency(engine, corpus, queries.map((q) => q.q));
      // Relevance is judged on the real corpus only: replicas would repeat every relevant paragraph.
      const relevance = task.copies === 1 ? await measureRelevance(engine, corpus, queries) : undefined;
      await engine.dispose();
      return { latency, relevance };
    }
    case 'postgres-write':
      return { ms: await timePostgresWrite(task.databaseUrl, replicateCorpus(readCorpus(task.corpusPath), task.copies)) };
    case 'ingest':
      return timeIngest(task.corpusDir);
    case 'serve':
      return { port: await serveSearchApp(readCorpus(task.corpusPath)) };
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
