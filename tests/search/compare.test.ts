import { SearchEngine } from '../../src/search/engine.js';
import { wordDiff } from '../../src/search/compare.js';
import { makeCorpus } from '../helpers/corpus.js';

const corpus = makeCorpus([
  {
    year: 2024,
    sections: [
      {
        number: '2.1.1',
        title: 'Kvalifisering',
        paragraphs: [
          { heading: 'Ungdomsgarantien', text: 'Ungdomsgarantien skal sikre unge under 30 år arbeidsrettet oppfølging innen åtte uker.' },
          { heading: 'Ungdomsgarantien', text: 'Unge brukere skal ha fast kontaktperson i NAV-kontorene.' },
          { heading: 'Tillitsreformen', text: 'Tillitsreformen handler om at alle medarbeidere skal få tillit til å bruke sin faglighet.' },
        ],
      },
    ],
  },
  {
    year: 2023,
    sections: [
      {
        number: '2.1.1',
        title: 'Kvalifisering',
        paragraphs: [
          { heading: 'Oppfølging av unge under 30 år og ny ungdomsgaranti', text: 'Den nye ungdomsgarantien gir unge under 30 år arbeidsrettet oppfølging innen åtte uker.' },
          { heading: 'Sykefravær', text: 'Sykmeldte skal følges opp med dialogmøte.' },
        ],
      },
    ],
  },
  {
    year: 2019,
    sections: [{ number: '2.2.1', title: 'Flere unge i arbeid og utdanning', paragraphs: [{ text: 'Ungdomsinnsatsen skal sikre unge under 30 år raskere oppfølging fra NAV-kontoret innen 8 uker.' }] }],
  },
]);
const engine = SearchEngine.build(corpus);

describe('compare', () => {
  it('shows the block and the best matching block of every other year, oldest first, with diffs', () => {
    const comparison = engine.compare('mdb-2024/2.1.1-2')!;
    expect(comparison.blocks.map((b) => [b.year, b.heading])).toEqual([
      [2019, null],
      [2023, 'Oppfølging av unge under 30 år og ny ungdomsgaranti'],
      [2024, 'Ungdomsgarantien'],
    ]);
    const [oldest, middle, newest] = comparison.blocks;
    expect(oldest!.diff).toBeUndefined();
    expect(middle!.diff!.some((d) => d.type === 'added')).toBe(true);
    // The chosen paragraph's whole block is shown, with a link to its first paragraph.
    expect(newest!.paragraphs).toEqual(['mdb-2024/2.1.1-1', 'mdb-2024/2.1.1-2']);
    expect(newest).toMatchObject({ docId: 'mdb-2024', anchor: '2.1.1-1' });
    expect(comparison.unmatched).toEqual([]);
  });

  it('says when a year has no matching block instead of showing a poor one', () => {
    const comparison = engine.compare('mdb-2024/2.1.1-3')!;
    expect(comparison.blocks.map((b) => b.year)).toEqual([2024]);
    expect(comparison.unmatched.map((u) => u.year)).toEqual([2019, 2023]);
  });

  it('returns null for an unknown paragraph', () => {
    expect(engine.compare('mdb-2024/finnes-ikke')).toBeNull();
  });
});

describe('wordDiff', () => {
  it('marks added and removed words', () => {
    expect(wordDiff('unge skal få oppfølging', 'unge skal få rask oppfølging')).toEqual([
      { type: 'equal', text: 'unge skal få ' },
      { type: 'added', text: 'rask ' },
      { type: 'equal', text: 'oppfølging' },
    ]);
  });
});
