/**
 * `npm run eval`: relevance of the engine on the judged query sets — the shared development set and
 * the project's own additions — through the same search call the API makes. Prints nDCG@10,
 * recall@10 and reciprocal rank per query, the means, and the means per kind of query for each set
 * and for all sets together, against the bars of issue 12.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadJudgedQueries, loadKindMap, mean, meanByKind, scoreQuery, type QueryScore } from '../src/evaluation/relevance.js';
import { openArchive } from '../src/archive.js';
import { FilesStore } from '../src/store/files/files-store.js';

// Issue 12's bars over all sets together: the means, and every kind's nDCG@10.
const BAR = { ndcg: 0.95, mrr: 0.97, kindNdcg: 0.9 };

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    index: { type: 'string', default: 'index' },
    queries: { type: 'string', multiple: true },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const sets = values.queries ?? ['../shared/eval/dev-queries.json', 'scripts/eval-queries.json'].filter((p) => existsSync(p));
// Any set may name the kinds of another's queries (ours does, for the shared set we may not edit).
const kindOf = Object.assign({}, ...sets.map(loadKindMap)) as Record<string, string>;

const { current: engine } = await openArchive(new FilesStore(resolve(values.index)), resolve(values.corpus), { onRebuild: (reason) => console.error(`Building the index: ${reason}.`), pollMs: 0 });
const judged = sets.map((path) => ({ path, queries: loadJudgedQueries(path, kindOf) }));
const idWidth = Math.max(30, ...judged.flatMap((set) => set.queries.map((q) => q.id.length)));
const all: QueryScore[] = [];
for (const { path, queries } of judged) {
  const scores: QueryScore[] = [];
  console.log(`\n${path}`);
  console.log(`${'query'.padEnd(idWidth)} ${'nDCG@10'.padStart(8)} ${'R@10'.padStart(6)} ${'RR'.padStart(6)}  kind`);
  for (const query of queries) {
    const response = await engine.search({ q: query.q, limit: 10, ...(query.year ? { years: [query.year] } : {}) });
    const score = scoreQuery(query, response.hits);
    scores.push(score);
    console.log(`${query.id.padEnd(idWidth)} ${score.ndcg.toFixed(3).padStart(8)} ${score.recall.toFixed(2).padStart(6)} ${score.rr.toFixed(2).padStart(6)}  ${score.kind}`);
    if (values.verbose && score.ndcg < 1) for (const hit of response.hits) console.log(`      ${hit.year} ${hit.score.toFixed(2).padStart(6)} ${hit.id}  ${hit.text.slice(0, 70).replace(/\s+/g, ' ')}`);
  }
  const m = mean(scores);
  console.log(`${'MEAN'.padEnd(idWidth)} ${m.ndcg.toFixed(3).padStart(8)} ${m.recall.toFixed(2).padStart(6)} ${m.mrr.toFixed(2).padStart(6)}   (${scores.length} queries; MRR shown as RR)`);
  printKinds(scores);
  all.push(...scores);
}

const overall = mean(all);
if (sets.length > 1) {
  console.log(`\nALL SETS (${all.length} queries)`);
  printKinds(all);
  console.log(`${'MEAN'.padEnd(16)} ${String(all.length).padStart(7)} ${overall.ndcg.toFixed(3).padStart(8)} ${overall.recall.toFixed(2).padStart(6)} ${overall.mrr.toFixed(2).padStart(6)}`);
}
const weakKinds = meanByKind(all).filter((k) => k.ndcg < BAR.kindNdcg).map((k) => k.kind);
console.log(
  `\nBars: nDCG@10 ${overall.ndcg.toFixed(3)} ${overall.ndcg >= BAR.ndcg ? '≥' : '<'} ${BAR.ndcg}; ` +
    `MRR ${overall.mrr.toFixed(3)} ${overall.mrr >= BAR.mrr ? '≥' : '<'} ${BAR.mrr}; ` +
    `kinds below ${BAR.kindNdcg} nDCG@10: ${weakKinds.length ? weakKinds.join(', ') : 'none'}`,
);

function printKinds(scores: QueryScore[]): void {
  console.log(`${'kind'.padEnd(16)} ${'queries'.padStart(7)} ${'nDCG@10'.padStart(8)} ${'R@10'.padStart(6)} ${'MRR'.padStart(6)}`);
  for (const k of meanByKind(scores)) {
    const flag = k.ndcg < BAR.kindNdcg ? '  < bar' : '';
    console.log(`${k.kind.padEnd(16)} ${String(k.queries).padStart(7)} ${k.ndcg.toFixed(3).padStart(8)} ${k.recall.toFixed(2).padStart(6)} ${k.mrr.toFixed(2).padStart(6)}${flag}`);
  }
}
