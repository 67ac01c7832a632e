import { buildIndex } from '../../src/indexing/build.js';
import { exportIndex, importIndex } from '../../src/indexing/serialize.js';
import { SearchEngine } from '../../src/search/engine.js';
import { searchSuite, suiteCorpus as corpus } from '../helpers/search-suite.js';

const engine = SearchEngine.build(corpus);

searchSuite('SearchEngine in memory', () => (request) => engine.search(request));

describe('an index exported and imported', () => {
  it('answers as the index it was exported from', async () => {
    const parts = await exportIndex(buildIndex(corpus));
    const loaded = new SearchEngine(importIndex(JSON.parse(JSON.stringify(corpus)), parts));
    for (const q of ['unge', '"fast kontaktperson"', 'ungdomsgarantein', '§ 14 a', 'NOE', 'sykmeldte -dialogmøte', 'garanti']) {
      expect(await loaded.search({ q, limit: 50 })).toEqual(await engine.search({ q, limit: 50 }));
    }
    expect(await loaded.search({ topics: ['unge'] })).toEqual(await engine.search({ topics: ['unge'] }));
  });

  it('refuses parts that do not fit the corpus', async () => {
    const parts = await exportIndex(buildIndex(corpus));
    const fewer = { ...corpus, documents: corpus.documents.slice(1) };
    expect(() => importIndex(fewer, parts)).toThrow(/paragraphs/);
    expect(() => importIndex(corpus, parts.filter((p) => p.name !== 'forward.bin'))).toThrow(/forward\.bin/);
  });
});
