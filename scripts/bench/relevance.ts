import { CUTOFF, mean, scoreQuery, type JudgedQuery } from '../../src/evaluation/relevance.js';
import type { Corpus } from '../../src/model/corpus.js';
import { paragraphsOf, type BenchEngine } from './engines.js';

/** nDCG@10, recall@10 and MRR of a built engine, scored exactly as `npm run eval` scores this engine. */
export async function measureRelevance(engine: BenchEngine, corpus: Corpus, queries: JudgedQuery[]): Promise<ReturnType<typeof mean>> {
  const paragraphs = new Map(paragraphsOf(corpus).map((p) => [p.id, p]));
  const scores = [];
  for (const query of queries) {
    const ids = await engine.search(query.q, CUTOFF);
    scores.push(scoreQuery(query, ids.map((id) => paragraphs.get(id)!)));
  }
  return mean(scores);
}
