import { readFileSync } from 'node:fs';
import type { Law } from '../../src/model/corpus.js';
import { LawReferences } from '../../src/text/law-references.js';
import { lawLinks } from '../../src/web/law-links.js';
import { lawUrl } from '../../src/web/urls.js';

const laws = (JSON.parse(readFileSync('corpus/laws.json', 'utf8')) as { laws: Law[] }).laws;
const nav = laws.find((l) => l.name === 'NAV-loven')!;
const folketrygdloven = laws.find((l) => l.name === 'folketrygdloven')!;

describe('addresses on Lovdata', () => {
  test('a law alone, at a section (its § percent-encoded) or at a chapter', () => {
    expect(lawUrl({ law: nav })).toBe('https://lovdata.no/lov/2006-06-16-20');
    expect(lawUrl({ law: nav, section: '14a' })).toBe('https://lovdata.no/lov/2006-06-16-20/%C2%A714a');
    expect(lawUrl({ law: folketrygdloven, section: '11-12' })).toBe('https://lovdata.no/lov/1997-02-28-19/%C2%A711-12');
    expect(lawUrl({ law: folketrygdloven, chapter: '11' })).toBe('https://lovdata.no/lov/1997-02-28-19/kap11');
  });
});

describe('law references as links', () => {
  const links = lawLinks(new LawReferences(laws));

  test('the whole reference links to its place on Lovdata, titled by the law\'s best-known name', () => {
    const text = 'Vedtak etter arbeids- og velferdsforvaltningsloven § 14 a, jf. folketrygdloven kapittel 11.';
    expect(links(text).map((l) => ({ text: text.slice(l.start, l.end), href: l.href, title: l.title }))).toEqual([
      { text: 'arbeids- og velferdsforvaltningsloven § 14 a', href: 'https://lovdata.no/lov/2006-06-16-20/%C2%A714a', title: 'NAV-loven § 14 a på Lovdata' },
      { text: 'folketrygdloven kapittel 11', href: 'https://lovdata.no/lov/1997-02-28-19/kap11', title: 'folketrygdloven kapittel 11 på Lovdata' },
    ]);
  });

  test('a law the table lacks stays plain text', () => {
    expect(links('Etter barnehageloven § 2 har barn rett til plass.')).toEqual([]);
  });

  test('a corpus without a table of laws links nothing', () => {
    expect(lawLinks(new LawReferences<Law>([]))('Etter NAV-loven § 14 a.')).toEqual([]);
  });
});
