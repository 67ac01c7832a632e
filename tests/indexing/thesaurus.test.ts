import { terms, analyze } from '../../src/indexing/analyzer.js';
import { Thesaurus } from '../../src/indexing/thesaurus.js';
import { makeCorpus } from '../helpers/corpus.js';

const thesaurus = new Thesaurus(
  [
    { kind: 'abbreviation', forms: ['AFT', 'arbeidsforberedende trening'] },
    { kind: 'abbreviation', forms: ['VTA', 'varig tilrettelagt arbeid'] },
    { kind: 'synonym', forms: ['jobb', 'arbeid'] },
    { kind: 'synonym', forms: ['ansatte', 'ansatt'] },
  ],
  analyze,
);
const every = () => true;

describe('the thesaurus', () => {
  test('a form is found by its terms, in any inflection, and gives the other forms of its group', () => {
    const match = thesaurus.at(terms('arbeidsforberedende treningen'), 0, every);
    expect(match).toMatchObject({ length: 2, alternatives: [{ kind: 'abbreviation', text: 'AFT', weight: expect.any(Number) }] });
    expect(thesaurus.at(terms('AFT'), 0, every)!.alternatives.map((a) => a.text)).toEqual(['arbeidsforberedende trening']);
  });

  test('the longest form wins, and a form ends only where the caller allows', () => {
    const query = terms('varig tilrettelagt arbeid');
    expect(thesaurus.at(query, 0, every)!.alternatives.map((a) => a.text)).toEqual(['VTA']);
    expect(thesaurus.at(query, 2, every)!.alternatives.map((a) => a.text)).toEqual(['jobb']);
    expect(thesaurus.at(query, 0, (end) => end < 3)).toBeNull();
  });

  test('an expanded match counts less than the words typed; an abbreviation more than a synonym', () => {
    const [abbreviation] = thesaurus.at(terms('AFT'), 0, every)!.alternatives;
    const [synonym] = thesaurus.at(terms('jobb'), 0, every)!.alternatives;
    expect(abbreviation!.weight).toBeLessThan(1);
    expect(synonym!.weight).toBeLessThan(abbreviation!.weight);
  });

  test('forms that analyse alike are one form: a group of inflections widens nothing', () => {
    expect(thesaurus.at(terms('ansatte'), 0, every)).toBeNull();
  });

  test('a corpus gives one group per short form, with all its long forms, and its synonym groups', () => {
    const corpus = {
      ...makeCorpus([]),
      abbreviations: [
        { short: 'KVP', long: 'kvalifiseringsprogrammet', source: 'learned' as const },
        { short: 'KVP', long: 'kvalifiseringsprogram', source: 'data' as const },
      ],
      synonyms: [['unge', 'ungdom']],
    };
    expect(Thesaurus.groupsOf(corpus)).toEqual([
      { kind: 'abbreviation', forms: ['KVP', 'kvalifiseringsprogrammet', 'kvalifiseringsprogram'] },
      { kind: 'synonym', forms: ['unge', 'ungdom'] },
    ]);
  });
});
