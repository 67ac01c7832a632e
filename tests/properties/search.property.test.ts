import fc from 'fast-check';
import { analyze, terms } from '../../src/indexing/analyzer.js';
import { MAX_QUERY_LENGTH, parseQuery } from '../../src/search/query/parse.js';
import { SearchEngine } from '../../src/search/engine.js';
import { apiSearchResponse } from '../../src/web/view-models/api.js';
import { makeCorpus } from '../helpers/corpus.js';

/** Strings that look like what people and attackers type: words, operators, quotes, § and odd code points. */
const queryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom('ungdomsgarantien', 'oppfølging', 'OR', '-', '"', '-"', '§', '§§ 24 og 25', '14 a', 'NAV-kontoret', '<script>', '__proto__', '\u202e', '\u0000', '😀', '.*', "' OR 1=1 --", 'ø', 'Å'),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(' ')),
);

describe('query parser', () => {
  test('is total: every string parses into parts that carry searchable text', () => {
    fc.assert(
      fc.property(queryText, (q) => {
        const parsed = parseQuery(q);
        for (const part of [...parsed.clauses.flatMap((c) => c.anyOf), ...parsed.excluded]) {
          expect(part.text.length).toBeGreaterThan(0);
          expect(part.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
          expect(part.text).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/u);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('never reads past the length limit, however long the input', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_QUERY_LENGTH, maxLength: 5000 }), (q) => {
        const parsed = parseQuery(q);
        const words = [...parsed.clauses.flatMap((c) => c.anyOf), ...parsed.excluded].reduce((n, p) => n + p.text.length, 0);
        expect(words).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      }),
      { numRuns: 200 },
    );
  });
});

describe('analyzer', () => {
  test('is idempotent: each of its terms analyses to itself', () => {
    fc.assert(
      fc.property(queryText, (text) => {
        for (const term of terms(text)) expect(terms(term)).toEqual([term]);
      }),
      { numRuns: 2000 },
    );
  });

  test('token offsets point into the input', () => {
    fc.assert(
      fc.property(queryText, (text) => {
        for (const t of analyze(text)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.start).toBeLessThan(t.end);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('engine', () => {
  const engine = SearchEngine.build(
    makeCorpus([
      { year: 2024, sections: [{ number: '2.1', title: 'Unge', paragraphs: [{ heading: 'Ungdomsgarantien', text: 'Unge skal få oppfølging etter § 14 a.', topics: ['unge'] }] }] },
      { year: 2019, sections: [{ number: '3', title: 'Sykefravær', paragraphs: [{ text: 'Sykmeldte følges opp av NAV-kontoret.', topics: [] }] }] },
    ]),
  );

  test('answers any query and any paging with a well-formed response whose snippets are HTML-safe', async () => {
    await fc.assert(
      fc.asyncProperty(queryText, fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), async (q, limit, offset) => {
        const response = apiSearchResponse(await engine.search({ q, limit, offset, years: [2024, 2019] }), q);
        expect(response.total).toBeGreaterThanOrEqual(response.hits.length);
        for (const hit of response.hits) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }),
      { numRuns: 1000 },
    );
  });
});
