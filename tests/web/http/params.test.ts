import fc from 'fast-check';
import { HttpError } from '../../../src/web/http/http-error.js';
import { MAX_QUERY_LENGTH } from '../../../src/search/query/parse.js';
import { apiSearchRequest, pageNumber, paragraphId, searchFilters } from '../../../src/web/http/params.js';

describe('query parameters', () => {
  test('repeated filters become lists; years become numbers', () => {
    expect(searchFilters({ q: ' unge ', year: ['2023', '2019'], topic: 'unge', type: ['mdb'] })).toEqual({ q: 'unge', years: [2023, 2019], topics: ['unge'], types: ['mdb'], exact: false });
  });

  test('empty values are no filter', () => {
    expect(searchFilters({ q: '', year: '', topic: ['', ''] })).toEqual({ q: '', years: [], topics: [], types: [], exact: false });
  });

  test('exact is on for 1 or true, and off for anything else, never an error', () => {
    expect(apiSearchRequest({ exact: '1' }).exact).toBe(true);
    expect(searchFilters({ exact: 'true' }).exact).toBe(true);
    for (const exact of [undefined, '', '0', 'false', 'ja', 'TRUE ', ['1', '1'], { nested: '1' }]) expect(searchFilters({ exact }).exact).toBe(false);
  });

  test('control characters are spaces', () => {
    expect(searchFilters({ q: 'unge\u0000\u0007garanti\u001b' }).q).toBe('unge  garanti');
  });

  test('limit beyond the maximum is the maximum; offset is a whole number', () => {
    expect(apiSearchRequest({ limit: '99999999999999999999' }).limit).toBe(100);
    expect(apiSearchRequest({ offset: '99999999999999999999' }).offset).toBe(Number.MAX_SAFE_INTEGER);
    expect(apiSearchRequest({})).toMatchObject({ limit: 10, offset: 0 });
  });

  test.each([
    [{ limit: '-1' }, /limit/],
    [{ limit: 'ti' }, /limit/],
    [{ offset: '1.5' }, /offset/],
    [{ year: '20x4' }, /årstall/],
    [{ q: ['a', 'b'] }, /én gang/],
    [{ q: { nested: 'x' } }, /Ugyldig verdi/],
    [{ q: 'x'.repeat(MAX_QUERY_LENGTH + 1) }, /for langt/],
    [{ topic: Array.from({ length: 21 }, (_, i) => `t${i}`) }, /høyst 20/],
  ])('%j is a 400 that says what is wrong', (query, message) => {
    expect(() => apiSearchRequest(query)).toThrow(HttpError);
    expect(() => apiSearchRequest(query)).toThrow(message);
  });

  test('side counts from 1; a paragraph id is required', () => {
    expect(pageNumber({})).toBe(1);
    expect(pageNumber({ side: '3' })).toBe(3);
    expect(() => pageNumber({ side: '0' })).toThrow(HttpError);
    expect(() => paragraphId({})).toThrow(/Oppgi id-en/);
    expect(paragraphId({ id: ' mdb-2024/2.1-1 ' })).toBe('mdb-2024/2.1-1');
  });

  test('__proto__ and friends are ordinary unknown parameters', () => {
    const query = JSON.parse('{"__proto__": "x", "constructor": "y", "q": "unge"}') as Record<string, unknown>;
    expect(searchFilters(query).q).toBe('unge');
    expect(searchFilters(Object.create(null) as Record<string, unknown>).q).toBe('');
  });

  test('any query string gives a request or an HttpError, never anything else', () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 25 }), fc.object());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q', 'year', 'topic', 'type', 'exact', 'limit', 'offset', 'side', 'id', '__proto__'), value), (query) => {
        for (const read of [apiSearchRequest, searchFilters, pageNumber, paragraphId]) {
          try {
            read(query);
          } catch (error) {
            if (!(error instanceof HttpError) || error.status !== 400) throw error;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
