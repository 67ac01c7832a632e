import { readFileSync } from 'node:fs';
import type { Corpus, Law } from '../../src/model/corpus.js';
import { SearchEngine } from '../../src/search/engine.js';
import { makeCorpus } from '../helpers/corpus.js';

const laws = (JSON.parse(readFileSync('corpus/laws.json', 'utf8')) as { laws: Law[] }).laws;
const corpus: Corpus = {
  ...makeCorpus([
    {
      year: 2024,
      sections: [
        {
          number: '2.1',
          title: 'Tiltak',
          paragraphs: [
            { text: 'Kvaliteten i arbeidsforberedende trening skal styrkes gjennom tett oppfølging.' },
            { text: 'AFT skal gi deltakerne arbeidserfaring.' },
            { text: 'Medarbeidere skal få opplæring i personvern.' },
            { text: 'Ansatte skal få opplæring i personvern og informasjonssikkerhet.' },
            { text: 'Veiledere skal fatte vedtak etter arbeids- og velferdsforvaltningsloven § 14 a om behovsvurdering.' },
            { text: 'Krav til utredning før vedtak, jf. forvaltningsloven § 17.' },
            { text: 'Økonomisk rådgivning etter sosialtjenesteloven § 17 skal gis ved behov.' },
            { text: 'Samarbeidet med helse- og omsorgstjenesten i kommunen skal styrkes.' },
            { text: 'Tjenesten skal gi god omsorg.' },
            { text: 'Unntak etter folketrygdloven § 11-12 gjelder for mottakere av arbeidsavklaringspenger.' },
            { text: 'Journalføring er ansvaret til arkivtjenesten, og brevene sier at alt skal journalføres.' },
          ],
        },
      ],
    },
  ]),
  laws,
  abbreviations: [{ short: 'AFT', long: 'arbeidsforberedende trening', source: 'learned', definitions: 1 }],
  synonyms: [['ansatte', 'medarbeidere']],
};
const engine = SearchEngine.build(corpus);
const texts = async (q: string, exact = false) => (await engine.search({ q, limit: 20, exact })).hits.map((h) => h.text.slice(0, 24));

describe('abbreviations and synonyms widen a search', () => {
  test('a short form finds the long form and the long form the short, the form typed first', async () => {
    expect(await texts('AFT')).toEqual(['AFT skal gi deltakerne a', 'Kvaliteten i arbeidsforb']);
    expect(await texts('arbeidsforberedende trening')).toEqual(['Kvaliteten i arbeidsforb', 'AFT skal gi deltakerne a']);
  });

  test('a synonym finds the other word, below the word typed', async () => {
    expect(await texts('medarbeidere personvern')).toEqual(['Medarbeidere skal få opp', 'Ansatte skal få opplærin']);
    expect(await texts('ansatte personvern')).toEqual(['Ansatte skal få opplærin', 'Medarbeidere skal få opp']);
  });

  test('the answer says what widened the search; the words as typed only are searched when asked', async () => {
    const widened = await engine.search({ q: 'AFT' });
    expect(widened.widened).toEqual([{ words: 'AFT', kind: 'abbreviation', alternatives: ['arbeidsforberedende trening'] }]);
    const exact = await engine.search({ q: 'AFT', exact: true });
    expect(exact.widened).toBeUndefined();
    expect(exact.hits.map((h) => h.text.slice(0, 24))).toEqual(['AFT skal gi deltakerne a']);
    expect(exact.total).toBe(1);
  });

  test('highlighting marks the other form too', async () => {
    const [, long] = (await engine.search({ q: 'AFT' })).hits;
    expect(long!.matches.text.length).toBeGreaterThan(0);
  });
});

describe('law references', () => {
  test('a law by its short name finds the paragraphs that give its full name, section and all', async () => {
    expect(await texts('NAV-loven § 14 a')).toEqual(await texts('arbeids- og velferdsforvaltningsloven § 14 a'));
    expect(await texts('NAV-loven § 14 a')).toEqual(['Veiledere skal fatte ved']);
    expect(await texts('navloven')).toEqual(['Veiledere skal fatte ved']);
  });

  test("a section named with a law finds that law's section, not another law's of the same number", async () => {
    expect(await texts('sosialtjenesteloven § 17')).toEqual(['Økonomisk rådgivning ett']);
    expect(await texts('§ 17 i sosialtjenesteloven')).toEqual(['Økonomisk rådgivning ett']);
    expect((await texts('§ 17')).sort()).toEqual(['Krav til utredning før v', 'Økonomisk rådgivning ett']);
  });

  test("a law's chapter finds its chapter-numbered sections", async () => {
    expect(await texts('folketrygdloven kapittel 11')).toEqual(['Unntak etter folketrygdl']);
  });
});

describe('coordinations and questions', () => {
  test('a word a coordination leaves to be understood is found, where the index knows the parts of the last word', async () => {
    expect(await texts('helsetjenesten')).toEqual(['Samarbeidet med helse- o']);
    expect((await texts('omsorgstjenesten'))[0]).toEqual('Samarbeidet med helse- o');
    expect(await texts('helse- og omsorgstjenesten')).toEqual(['Samarbeidet med helse- o']);
  });

  test("a question is searched for by its content words, not by the words that frame it", async () => {
    const question = await engine.search({ q: 'hva sier brevene om journalføring?' });
    expect(question.hits[0]!.text).toMatch(/^Journalføring/);
    // "sier" and "brevene" frame the question: none of the other paragraphs says them, and none is found by them.
    expect(question.total).toBe(1);
    expect((await engine.search({ q: 'sier brevene' })).total).toBe(1);
  });
});
