/**
 * A long archive: forty years of letters, the older ones saying more about unge. Ranking scores the
 * newest letters first and stops once older ones cannot reach the top; these tests hold it to the
 * answer of scoring everything.
 */
import { buildIndex } from '../../../src/indexing/build.js';
import { SearchEngine } from '../../../src/search/engine.js';
import { shapeWeight } from '../../../src/search/rank/paragraph-shape.js';
import { compileQuery } from '../../../src/search/query/compile.js';
import { Ranker } from '../../../src/search/rank/ranker.js';
import { makeCorpus } from '../../helpers/corpus.js';

const years = Array.from({ length: 40 }, (_, k) => 2024 - k);
const index = buildIndex(
  makeCorpus(
    years.map((year, k) => ({
      year,
      sections: [
        {
          number: '2.1',
          title: k % 3 === 0 ? 'Unge i arbeid' : 'Arbeidsmarkedet',
          paragraphs: [
            { text: `Unge skal få oppfølging. ${'Unge unge ungdomsgarantien. '.repeat(k % 5)}`, heading: k % 2 ? 'Ungdomsgarantien' : undefined, topics: ['unge'] },
            { text: 'Sykmeldte skal følges opp av arbeidsgiver.', topics: ['sykefravaer-ia'] },
            { text: `Oppfølging av unge under 30 år i ${year}.`, topics: ['unge'] },
          ],
        },
      ],
    })),
  ),
);
const engine = new SearchEngine(index);
const ranker = new Ranker(index.forward, index.catalog.entries.map((e) => e.ordinal), Float32Array.from(index.catalog.entries, (e) => shapeWeight(e.text)));

/** The ranking as scoring every match gives it: asking for more hits than match leaves nothing unscored. */
async function scoredEverything(q: string): Promise<number[]> {
  const all = await engine.search({ q, limit: 100 });
  expect(all.total).toBeLessThan(100);
  return all.hits.map((h) => h.score);
}

describe('ranking a long archive', () => {
  test('no paragraph scores above the bound the ranker gives for the query', () => {
    for (const q of ['unge', 'ungdomsgarantien oppfølging', 'unge sykmeldte arbeidsgiver']) {
      const { clauses } = compileQuery(q, { ...index, paragraphs: index.catalog.size });
      const bound = ranker.upperBound(clauses);
      for (let doc = 0; doc < index.catalog.size; doc++) expect(ranker.score(doc, clauses) ?? 0).toBeLessThanOrEqual(bound);
    }
  });

  test('the first page is the head of the full ranking, and totals and facets count every match', async () => {
    for (const q of ['unge', 'ungdomsgarantien oppfølging', 'unge -sykmeldte']) {
      const full = await scoredEverything(q);
      const page = await engine.search({ q, limit: 10 });
      expect(page.hits.map((h) => h.score)).toEqual(full.slice(0, 10));
      const second = await engine.search({ q, limit: 10, offset: 10 });
      expect(second.hits.map((h) => h.score)).toEqual(full.slice(10, 20));
      expect(page.total).toBe((await engine.search({ q, limit: 100 })).total);
      expect(page.facets.year.reduce((n, y) => n + y.count, 0)).toBe(page.total);
    }
    // Two paragraphs a year say "unge"; in the 14 years titled "Unge i arbeid" the third matches too.
    expect((await engine.search({ q: 'unge' })).total).toBe(94);
  });

  test('a query of stop words only finds nothing and counts nothing', async () => {
    const response = await engine.search({ q: 'skal av i' });
    expect(response.total).toBe(0);
    expect(response.facets.year).toEqual([]);
  });
});
