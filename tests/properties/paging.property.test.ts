import fc from 'fast-check';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { SearchEngine } from '../../src/search/engine.js';

/**
 * Words as the seed letters write them, with the shapes that split into several terms (hyphens,
 * slashes, compounds, made-up tails) and the query language's operators.
 */
const WORDS = [
  'IA-avtalen', 'sykmeldte/arbeidsledige', 'unge-zz', 'NAV-kontoret', 'ungdomsgarantien', 'oppfølging', 'arbeidsmarkedstiltak',
  'brukerundersøkelse', 'helse- og omsorgstjenesten', 'AFT', 'VTA', '§ 14 a', 'kapittel 11', 'unge', 'arbeid', 'jobb',
  'digitale', 'tjenester', 'styring', 'mål', 'ansatte', 'hva', 'hvem', 'NAV', 'OR', '-', '"', 'sykefravær', 'garanti',
];
const query = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

let engine: SearchEngine;
beforeAll(async () => {
  engine = SearchEngine.build((await ingestCorpus({ corpusDir: 'corpus' })).corpus);
});

describe('paging', () => {
  test('walking every page of a query yields exactly `total` distinct hits, the same at any page size', async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.integer({ min: 1, max: 40 }), async (q, limit) => {
        const first = await engine.search({ q, limit });
        const seen = new Set<string>();
        for (let offset = 0; offset < first.total + limit; offset += limit) {
          const page = await engine.search({ q, limit, offset });
          expect(page.total).toBe(first.total);
          // Every page before the last is full; the one past it is empty.
          expect(page.hits.length).toBe(Math.max(0, Math.min(limit, first.total - offset)));
          for (const hit of page.hits) seen.add(hit.id);
        }
        expect(seen.size).toBe(first.total);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
