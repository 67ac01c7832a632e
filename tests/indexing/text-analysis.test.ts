import { readFileSync } from 'node:fs';
import type { Law } from '../../src/model/corpus.js';
import { TextAnalysis } from '../../src/indexing/text-analysis.js';

const laws = (JSON.parse(readFileSync('corpus/laws.json', 'utf8')) as { laws: Law[] }).laws;
const analysis = new TextAnalysis(laws);
const words = ['helse', 'omsorg', 'tjenesten', 'arbeid', 'velferd', 'etaten', 'informasjon', 'opplæring', 'disponering', 'brev'];
const known = new Set(words.flatMap((w) => analysis.words(w).map((t) => t.term)));
const termsOf = (text: string) => analysis.tokens(text, (term) => known.has(term)).filter((t) => !t.stop).map((t) => t.term);

describe('laws as terms', () => {
  test('every name of a law is one term, so the names meet', () => {
    const [nav] = termsOf('NAV-loven');
    expect(nav).toMatch(/^lov:2006-06-16-20$/);
    expect(termsOf('arbeids- og velferdsforvaltningsloven')).toEqual([nav]);
    expect(termsOf('navloven')).toEqual([nav]);
  });

  test('a section named with its law is bound to it; one named alone is not', () => {
    expect(termsOf('NAV-loven § 14 a')).toEqual(termsOf('arbeids- og velferdsforvaltningsloven §14a'));
    expect(termsOf('forvaltningsloven § 17')).toEqual(['lov:1967-02-10', 'lov:1967-02-10§17']);
    expect(termsOf('§ 17 i sosialtjenesteloven')).toEqual(['lov:2009-12-18-131§17', 'lov:2009-12-18-131']);
    expect(termsOf('etter § 17')).toEqual(['§17']);
  });

  test('a chapter is a term, and a chapter-numbered section names its chapter', () => {
    expect(termsOf('folketrygdloven kapittel 11')).toContain('lov:1997-02-28-19kap11');
    expect(termsOf('folketrygdloven § 11-12')).toEqual(['lov:1997-02-28-19', 'lov:1997-02-28-19§11-12', 'lov:1997-02-28-19kap11']);
  });

  test('the offsets of a law term span its name, for highlighting', () => {
    const text = 'jf. NAV-loven § 14 a';
    const law = analysis.words(text).find((t) => t.term.startsWith('lov:'))!;
    expect(text.slice(law.start, law.end)).toBe('NAV-loven');
  });
});

describe('hyphen-elided coordinations', () => {
  test('the first part is completed with the head of the last word', () => {
    expect(termsOf('helse- og omsorgstjenesten')).toEqual([...termsOf('helsetjenesten'), ...termsOf('omsorgstjenesten')]);
    expect(termsOf('arbeids- og velferdsetaten')).toEqual([...termsOf('arbeidsetaten'), ...termsOf('velferdsetaten')]);
    expect(termsOf('mål- og disponeringsbrev')).toEqual([...termsOf('målbrev'), ...termsOf('disponeringsbrev')]);
  });

  test('parts listed with commas are each completed', () => {
    expect(termsOf('arbeids-, helse- og omsorgstjenesten')).toEqual([...termsOf('arbeidstjenesten'), ...termsOf('helsetjenesten'), ...termsOf('omsorgstjenesten')]);
  });

  test('a head the index does not know is taken after a known modifier with a linking s', () => {
    expect(termsOf('opplærings- og informasjonsmateriell')).toEqual([...termsOf('opplæringsmateriell'), ...termsOf('informasjonsmateriell')]);
  });

  test('nothing is completed where the last word does not split into known parts, or there is no coordination', () => {
    expect(termsOf('helse- og sosialfaglig')).toEqual([...termsOf('helse'), ...termsOf('sosialfaglig')]);
    expect(termsOf('NAV-kontoret og helsetjenesten')).toEqual([...termsOf('NAV-kontoret'), ...termsOf('helsetjenesten')]);
    expect(termsOf('helse - og omsorg')).toEqual(termsOf('helse omsorg'));
  });

  test('the completed word keeps the offsets of the part written', () => {
    const text = 'helse- og omsorgstjenesten';
    const [first] = analysis.tokens(text, (term) => known.has(term));
    expect(text.slice(first!.start, first!.end)).toBe('helse');
  });
});
