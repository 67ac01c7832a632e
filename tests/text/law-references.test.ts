import { readFileSync } from 'node:fs';
import { LawReferences, type LawNames } from '../../src/text/law-references.js';

const laws = (JSON.parse(readFileSync('corpus/laws.json', 'utf8')) as { laws: LawNames[] }).laws;
const references = new LawReferences(laws);

/** Each reference as the text writes it, with its law, section and chapter. */
function found(text: string) {
  return references.find(text).map((r) => ({ text: text.slice(r.start, r.end), name: text.slice(r.nameStart, r.nameEnd), law: r.law.name, section: r.section, chapter: r.chapter }));
}

describe('law references in text', () => {
  test('a law is known by its short name, its full name and its other endings, with or without æ/ø/å', () => {
    expect(found('etter NAV-loven')).toEqual([{ text: 'NAV-loven', name: 'NAV-loven', law: 'NAV-loven' }]);
    expect(found('arbeids- og velferdsforvaltningsloven gjelder')[0]).toMatchObject({ name: 'arbeids- og velferdsforvaltningsloven', law: 'NAV-loven' });
    expect(found('navloven og NAV-lovens formål').map((r) => r.law)).toEqual(['NAV-loven', 'NAV-loven']);
    expect(found('Arbeidsmiljølova og arbeidsmiljoloven').map((r) => r.law)).toEqual(['arbeidsmiljøloven', 'arbeidsmiljøloven']);
    expect(found('lov om sosiale tjenester i arbeids- og velferdsforvaltningen')[0]!.law).toBe('sosialtjenesteloven');
  });

  test('takes the section or chapter that follows or precedes the name', () => {
    expect(found('NAV-loven § 14 a')[0]).toMatchObject({ text: 'NAV-loven § 14 a', section: '14a' });
    expect(found('folketrygdloven § 11-12 gjelder')[0]).toMatchObject({ text: 'folketrygdloven § 11-12', section: '11-12' });
    expect(found('folketrygdloven kapittel 11')[0]).toMatchObject({ chapter: '11' });
    expect(found('krav etter § 17 i forvaltningsloven')[0]).toMatchObject({ text: '§ 17 i forvaltningsloven', section: '17', law: 'forvaltningsloven' });
    expect(found('forvaltningsloven §§ 24 og 25')[0]).toMatchObject({ text: 'forvaltningsloven §§ 24 og 25', section: '24' });
  });

  test('"i" after a section number is the preposition, not a section letter', () => {
    expect(found('§ 17 i sosialtjenesteloven')[0]!.section).toBe('17');
  });

  test('a law not in the table, and words that only contain a name, stay plain text', () => {
    expect(found('barnehageloven og skoleloven')).toEqual([]);
    expect(found('forvaltningslovens')).toHaveLength(1);
    expect(found('superforvaltningsloven')).toEqual([]);
    expect(new LawReferences([]).find('NAV-loven § 14 a')).toEqual([]);
  });
});
