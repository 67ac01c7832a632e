import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchEngine } from '../../src/search/engine.js';
import { searchSuite, suiteCorpus as corpus } from '../helpers/search-suite.js';

const engine = SearchEngine.build(corpus);

searchSuite('SearchEngine in memory', () => (request) => engine.search(request));

describe('SearchEngine persistence', () => {
  it('exports and loads back an engine that answers identically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'styringssok-'));
    try {
      await engine.export(dir);
      const loaded = SearchEngine.load(dir, corpus);
      for (const q of ['unge', '"fast kontaktperson"', 'ungdomsgarantein', '§ 14 a', 'NOE', 'sykmeldte -dialogmøte', 'garanti']) {
        expect(loaded.search({ q, limit: 50 })).toEqual(engine.search({ q, limit: 50 }));
      }
      expect(loaded.search({ topics: ['unge'] })).toEqual(engine.search({ topics: ['unge'] }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
