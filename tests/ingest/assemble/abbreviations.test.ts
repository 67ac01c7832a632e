import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abbreviationsOf, definitionsIn, learnAbbreviations, loadAbbreviationEdits } from '../../../src/ingest/assemble/abbreviations.js';
import { makeCorpus } from '../../helpers/corpus.js';

describe('abbreviations defined in the text', () => {
  test('a long form before its short form in parentheses, the shortest that spells it', () => {
    expect(definitionsIn('For oppfølgingstiltaket, Arbeidsforberedende trening (AFT), gjelder')).toEqual([{ short: 'AFT', long: 'Arbeidsforberedende trening' }]);
    expect(definitionsIn('tiltaket Varig tilrettelagt arbeid (VTA)')).toEqual([{ short: 'VTA', long: 'Varig tilrettelagt arbeid' }]);
    expect(definitionsIn('mottakere av arbeidsavklaringspenger (AAP)')).toEqual([{ short: 'AAP', long: 'arbeidsavklaringspenger' }]);
    expect(definitionsIn('en personvernkonsekvensvurdering (PVK)')).toEqual([{ short: 'PVK', long: 'personvernkonsekvensvurdering' }]);
    expect(definitionsIn('Direktoratet v/Etableringsstøtteprosjektet (ESP)')).toEqual([{ short: 'ESP', long: 'Etableringsstøtteprosjektet' }]);
    expect(definitionsIn('Funksjonen Key Account Manager (KAM)')).toEqual([{ short: 'KAM', long: 'Key Account Manager' }]);
  });

  test('a short form before its long form in parentheses', () => {
    expect(definitionsIn('Tiltaket AFT (arbeidsforberedende trening) og VTA (varig tilrettelagt arbeid).')).toEqual([
      { short: 'AFT', long: 'arbeidsforberedende trening' },
      { short: 'VTA', long: 'varig tilrettelagt arbeid' },
    ]);
  });

  test('parentheses that do not define the word beside them teach nothing', () => {
    expect(definitionsIn('fast kontaktperson (KAM) for arbeidsgivere')).toEqual([]);
    expect(definitionsIn('brukere over 30 år som har helseutfordringer (AAP)')).toEqual([]);
    expect(definitionsIn('EØS (landgruppe 3) og NAV (NAV-lovens 14a)')).toEqual([]);
    expect(definitionsIn('i 2024 (se kapittel 3) og (2,1 %)')).toEqual([]);
  });

  test('pairs are counted over the corpus, in lower case where the text writes them so', () => {
    const corpus = makeCorpus([
      { year: 2024, sections: [{ number: '1', title: 'Tiltak', paragraphs: [{ text: 'Arbeidsforberedende trening (AFT) skal brukes.' }, { text: 'Kvaliteten i arbeidsforberedende trening (AFT) skal øke.' }] }] },
    ]);
    expect(learnAbbreviations(corpus.documents)).toEqual([{ short: 'AFT', long: 'arbeidsforberedende trening', source: 'learned', definitions: 2 }]);
  });

  test('the data file adds pairs and vetoes learned ones; a broken file is named with what it should hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'abbreviations-'));
    const corpus = makeCorpus([{ year: 2024, sections: [{ number: '1', title: 'T', paragraphs: [{ text: 'Arbeidsforberedende trening (AFT) og fast kontakt (FK) og Varig tilrettelagt arbeid (VTA).' }] }] }]);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ add: [{ short: 'IPS', long: 'individuell jobbstøtte' }, { short: 'AFT', long: 'arbeidsforberedende trening' }], veto: [{ short: 'FK' }] }));
    const found = abbreviationsOf(corpus.documents, loadAbbreviationEdits(join(dir, 'a.json')));
    expect(found.map((a) => [a.short, a.long, a.source])).toEqual([
      ['AFT', 'Arbeidsforberedende trening', 'learned'],
      ['VTA', 'Varig tilrettelagt arbeid', 'learned'],
      ['IPS', 'individuell jobbstøtte', 'data'],
    ]);
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ add: [{ short: 'IPS' }] }));
    expect(() => loadAbbreviationEdits(join(dir, 'b.json'))).toThrow(/b\.json: expected \{ add: \[\{ short, long \}\]/);
  });
});
