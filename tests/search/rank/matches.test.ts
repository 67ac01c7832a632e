/**
 * Whether a paragraph matches is told apart from scoring it (a phrase query counts its matches before
 * ranking scores the few it shows): the test must answer as scoring does, for every paragraph.
 */
import { buildIndex } from '../../../src/indexing/build.js';
import { compileQuery } from '../../../src/search/query/compile.js';
import { shapeWeight } from '../../../src/search/rank/paragraph-shape.js';
import { Ranker } from '../../../src/search/rank/ranker.js';
import { suiteCorpus } from '../../helpers/search-suite.js';

const index = buildIndex(suiteCorpus);
const ranker = new Ranker(index.forward, index.catalog.entries.map((e) => e.ordinal), Float32Array.from(index.catalog.entries, (e) => shapeWeight(e.text)));
const context = { vocabulary: index.vocabulary, analysis: index.analysis, thesaurus: index.thesaurus, paragraphs: index.catalog.size };

describe('Ranker.matches', () => {
  // Phrases alone, beside words, as alternatives, and an abbreviation whose long form is a phrase in a word clause.
  const queries = ['"fast kontaktperson"', '"fast kontaktperson" unge', 'unge OR "fast kontaktperson"', 'NOE', 'samarbeid med NOE', '"oppfølging av" arbeidssøkere', 'sykmeldte', '§ 14 a'];

  test.each(queries)('%s: true exactly where score() scores', (q) => {
    const { clauses } = compileQuery(q, context);
    const scored: number[] = [];
    const matched: number[] = [];
    for (let doc = 0; doc < index.catalog.size; doc++) {
      if (ranker.score(doc, clauses) !== null) scored.push(doc);
      if (ranker.matches(doc, clauses)) matched.push(doc);
    }
    expect(matched).toEqual(scored);
  });
});
