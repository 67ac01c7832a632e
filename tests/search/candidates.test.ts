import { analyze, terms } from '../../src/indexing/analyzer.js';
import type { Entry } from '../../src/indexing/catalog.js';
import { createParagraphIndex, indexedParagraph } from '../../src/indexing/paragraph-index.js';
import { fieldTexts } from '../../src/indexing/build.js';
import { CandidateFinder, type CandidateQuery } from '../../src/search/candidates.js';

function entry(text: string, year: number, topics: string[] = []): Entry {
  return { text, year, topics, section: '2.1', sectionTitle: 'Brukere', type: 'mdb' } as unknown as Entry;
}

const entries = [entry('Brukere av tjenestene skal få svar.', 2024, ['brukermoter']), entry('Bruk av tiltak øker.', 2023), entry('Veiledere i NAV-kontoret etter § 14 a.', 2019)];
const index = createParagraphIndex();
entries.forEach((e, id) => index.add(indexedParagraph(id, e, Object.values(fieldTexts(e)).map(analyze))));
const finder = new CandidateFinder(index, entries.length);
const findCandidates = (query: CandidateQuery, limit: number) => [...finder.find(query, limit)];
const findTagged = (filter: Parameters<CandidateFinder['tagged']>[0]) => {
  const found = finder.tagged(filter);
  return found && [...found];
};

/** Each word of the query its own clause, as the compiler makes them for words standing alone. */
const wordClauses = (query: string) => terms(query).map((t) => [[[t]]]);
const find = (query: string, exclude = '') => findCandidates({ clauses: wordClauses(query), required: [], exclude: terms(exclude) }, 10).sort();

describe('candidates from the FlexSearch paragraph index', () => {
  test('finds a word by the term the analyzer gives the query, also where a stem has a shorter stem', () => {
    // veiledere → veileder → veiled: the term must not be stemmed a second time on its way in.
    expect(find('veiledere')).toEqual([2]);
    expect(find('tiltak')).toEqual([1]);
  });

  test('keeps law references and compounds as the analyzer reads them', () => {
    expect(find('§14 a')).toEqual([2]);
    expect(find('kontoret')).toEqual([2]);
  });

  test('excludes paragraphs holding an excluded word', () => {
    // Every title holds "Brukere"; the excluded word removes the first paragraph.
    expect(find('brukere', 'tjenestene')).toEqual([1, 2]);
  });

  test('a phrase standing alone brings only paragraphs holding all its words', () => {
    const phrase = (q: string) => [[terms(q).map((t) => [t])]];
    expect(find('tjenestene tiltak')).toEqual([0, 1]);
    expect(findCandidates({ clauses: phrase('bruk tiltak'), required: [0], exclude: [] }, 10)).toEqual([1]);
    expect(findCandidates({ clauses: phrase('svar tiltak'), required: [0], exclude: [] }, 10)).toEqual([]);
    // A word may match any of its terms; excluded words still exclude.
    expect(findCandidates({ clauses: [[[['tiltak', 'svar']]]], required: [0], exclude: terms('øker') }, 10)).toEqual([0]);
  });

  test('a word read as two parts (a compound) brings only paragraphs holding both', () => {
    // "tjenestebruk" split as tjeneste + bruk: both must be there, as the ranker demands.
    const [tjeneste] = terms('tjenestene');
    const [bruk] = terms('brukere');
    expect(findCandidates({ clauses: [[[[tjeneste!], [bruk!]]]], required: [], exclude: [] }, 10)).toEqual([0]);
    // Either reading of a clause will do.
    expect(findCandidates({ clauses: [[[[tjeneste!], [bruk!]], [['tiltak']]]], required: [], exclude: [] }, 10).sort()).toEqual([0, 1]);
  });

  test('selects by tags without a query', () => {
    expect(findTagged({ year: ['2023'] })).toEqual([1]);
    expect(findTagged({ topic: ['brukermoter'], year: ['2024', '2019'] })).toEqual([0]);
    expect(findTagged({})).toBeNull();
  });
});
