/**
 * `npm run eval`: relevance of the engine on the judged query sets — the shared development set and
 * the project's own additions — through the same search call the API makes. Prints nDCG@10,
 * recall@10 and reciprocal rank per query, and the means.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadJudgedQueries, mean, scoreQuery, type QueryScore } from '../src/evaluation/relevance.js';
import { openArchive } from '../src/archive.js';
import { FilesStore } from '../src/store/files/files-store.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    index: { type: 'string', default: 'index' },
    queries: { type: 'string', multiple: true },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const sets = values.queries ?? ['../shared/eval/dev-queries.json', 'scripts/eval-queries.json'].filter((p) => existsSync(p));

const { current: engine } = await openArchive(new FilesStore(resolve(values.index)), resolve(values.corpus), { onRebuild: (reason) => console.error(`Building the index: ${reason}.`), pollMs: 0 });
for (const path of sets) {
  const scores: QueryScore[] = [];
  console.log(`\n${path}`);
  console.log(`${'query'.padEnd(30)} ${'nDCG@10'.padStart(8)} ${'R@10'.padStart(6)} ${'RR'.padStart(6)}`);
  for (const query of loadJudgedQueries(path)) {
    const response = await engine.search({ q: query.q, limit: 10 });
    const score = scoreQuery(query, response.hits);
    scores.push(score);
    console.log(`${query.id.padEnd(30)} ${score.ndcg.toFixed(3).padStart(8)} ${score.recall.toFixed(2).padStart(6)} ${score.rr.toFixed(2).padStart(6)}`);
    if (values.verbose && score.ndcg < 1) for (const hit of response.hits) console.log(`      ${hit.year} ${hit.score.toFixed(2).padStart(6)} ${hit.id}  ${hit.text.slice(0, 70).replace(/\s+/g, ' ')}`);
  }
  const m = mean(scores);
  console.log(`${'MEAN'.padEnd(30)} ${m.ndcg.toFixed(3).padStart(8)} ${m.recall.toFixed(2).padStart(6)} ${m.mrr.toFixed(2).padStart(6)}   (${scores.length} queries; MRR shown as RR)`);
}
