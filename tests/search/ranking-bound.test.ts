import { SearchEngine } from '../../src/search/engine.js';
import { makeCorpus } from '../helpers/corpus.js';

/**
 * A long archive: forty years of letters, the older ones saying more about unge. Ranking scores the
 * newest letters first and stops once older ones cannot reach the top; these tests hold it to the
 * answer of scoring everything.
 */
const years = Array.from({ length: 40 }, (_, k) => 2024 - k);
const engine = SearchEngine.build(
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

/** The ranking as scoring every match gives it: asking for more hits than match leaves nothing unscored. */
function scoredEverything(q: string): number[] {
  const all = engine.search({ q, limit: 100 });
  expect(all.total).toBeLessThan(100);
  return all.hits.map((h) => h.score);
}

describe('ranking a long archive', () => {
  test('no paragraph scores above the bound the ranker gives for the query', () => {
    for (const q of ['unge', 'ungdomsgarantien oppfølging', 'unge sykmeldte arbeidsgiver']) {
      const clauses = (engine as unknown as { compile(q: string): { clauses: never[] } }).compile(q).clauses;
      const bound = engine.ranker.upperBound(clauses);
      for (let doc = 0; doc < engine.catalog.size; doc++) expect(engine.ranker.score(doc, clauses) ?? 0).toBeLessThanOrEqual(bound);
    }
  });

  test('the first page is the head of the full ranking, and totals and facets count every match', () => {
    for (const q of ['unge', 'ungdomsgarantien oppfølging', 'unge -sykmeldte']) {
      const full = scoredEverything(q);
      const page = engine.search({ q, limit: 10 });
      expect(page.hits.map((h) => h.score)).toEqual(full.slice(0, 10));
      const second = engine.search({ q, limit: 10, offset: 10 });
      expect(second.hits.map((h) => h.score)).toEqual(full.slice(10, 20));
      expect(page.total).toBe(engine.search({ q, limit: 100 }).total);
      expect(page.facets.year.reduce((n, y) => n + y.count, 0)).toBe(page.total);
    }
    // Two paragraphs a year say "unge"; in the 14 years titled "Unge i arbeid" the third matches too.
    expect(engine.search({ q: 'unge' }).total).toBe(94);
  });

  test('a query of stop words only finds nothing and counts nothing', () => {
    const response = engine.search({ q: 'skal av i' });
    expect(response.total).toBe(0);
    expect(response.facets.year).toEqual([]);
  });
});
