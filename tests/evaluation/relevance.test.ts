/** Per-kind relevance means: how a query gets its kind, and the means taken over each kind's queries. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJudgedQueries, loadKindMap, mean, meanByKind, scoreQuery, UNKINDED, type QueryScore } from '../../src/evaluation/relevance.js';

const score = (id: string, kind: string, ndcg: number, recall: number, rr: number): QueryScore => ({ id, q: id, kind, ndcg, recall, rr });

describe('meanByKind', () => {
  test('averages each kind over its own queries, kinds in alphabetical order', () => {
    const scores = [score('a', 'synonym', 1, 1, 1), score('b', 'law', 0.5, 0.5, 0.5), score('c', 'synonym', 0, 0, 0.5), score('d', 'law', 0.25, 1, 1)];
    expect(meanByKind(scores)).toEqual([
      { kind: 'law', queries: 2, ndcg: 0.375, recall: 0.75, mrr: 0.75 },
      { kind: 'synonym', queries: 2, ndcg: 0.5, recall: 0.5, mrr: 0.75 },
    ]);
  });

  test('one kind is the plain mean; no scores give no kinds', () => {
    const scores = [score('a', 'question', 0.2, 0.4, 1), score('b', 'question', 0.6, 0.8, 0.5)];
    const [only] = meanByKind(scores);
    expect(only).toEqual({ kind: 'question', queries: 2, ...mean(scores) });
    expect(meanByKind([])).toEqual([]);
  });

  test('the kind means weigh kinds equally, unlike the mean over all queries', () => {
    const scores = [score('a', 'concept', 1, 1, 1), score('b', 'concept', 1, 1, 1), score('c', 'concept', 1, 1, 1), score('d', 'heading', 0, 0, 0)];
    expect(mean(scores).ndcg).toBe(0.75);
    expect(meanByKind(scores).map((k) => k.ndcg)).toEqual([1, 0]);
  });
});

describe('query kinds', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'relevance-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("an entry's own kind wins, then the kinds map, else it is unkinded", () => {
    const shared = join(dir, 'shared.json');
    const own = join(dir, 'own.json');
    writeFileSync(shared, JSON.stringify({ queries: [{ id: 's1', q: 'IPS', rel: [] }, { id: 's2', q: 'x', rel: [] }, { id: 's3', q: 'y', kind: 'typo', rel: [] }] }));
    writeFileSync(own, JSON.stringify({ kinds: { s1: 'abbreviation', s3: 'concept' }, queries: [{ id: 'o1', q: 'z', kind: 'law', rel: [] }] }));
    const kindOf = { ...loadKindMap(shared), ...loadKindMap(own) };
    expect(loadJudgedQueries(shared, kindOf).map((q) => q.kind)).toEqual(['abbreviation', UNKINDED, 'typo']);
    expect(loadJudgedQueries(own, kindOf).map((q) => q.kind)).toEqual(['law']);
  });

  test('a score carries its query’s kind', () => {
    const query = { id: 'q', q: 'AFT', kind: 'abbreviation', rel: [{ year: 2023, key: 'arbeidsforberedende trening', grade: 2 }] };
    expect(scoreQuery(query, [{ year: 2023, text: 'Kvaliteten i Arbeidsforberedende trening (AFT) må styrkes.' }])).toMatchObject({ kind: 'abbreviation', ndcg: 1, recall: 1, rr: 1 });
  });
});
