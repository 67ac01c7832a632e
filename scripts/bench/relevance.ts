/**
 * nDCG@10, recall@10 and MRR of an engine's rankings of the judged queries, scored exactly as
 * `npm run eval` scores this engine. Rankings are paragraph ids, however the engine produced them.
 */
import { CUTOFF, mean, scoreQuery, type JudgedQuery } from '../../src/evaluation/relevance.js';
import type { Corpus } from '../../src/model/corpus.js';
import { paragraphsOf, type BenchEngine } from './engines.js';

export type Relevance = ReturnType<typeof mean>;

/** Each query's top ids from a built engine in this process. */
export async function rankingsOf(engine: BenchEngine, queries: JudgedQuery[]): Promise<string[][]> {
  const rankings = [];
  for (const query of queries) rankings.push(await engine.search(query.q, CUTOFF));
  return rankings;
}

export function measureRelevance(corpus: Corpus, queries: JudgedQuery[], rankings: string[][]): Relevance {
  const paragraphs = new Map(paragraphsOf(corpus).map((p) => [p.id, p]));
  return mean(queries.map((query, i) => scoreQuery(query, rankings[i]!.map((id) => paragraphs.get(id)!))));
}
