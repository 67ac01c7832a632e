import type { Block } from '../../../src/ingest/parse/blocks.js';
import { buildSections } from '../../../src/ingest/assemble/sections.js';
import { kindsOf } from '../../../src/ingest/assemble/document-types.js';
import { extractMetadata } from '../../../src/ingest/assemble/metadata.js';

const metadataOf = (text: string) => extractMetadata([{ kind: 'text', text }], kindsOf('corpus'));

const blocks: Block[] = [
  { kind: 'text', text: 'Til: Direktørene for NAV Fylke/Region' },
  { kind: 'heading', text: '2.1.1. NAV tilbyr kvalifiseringsløp' },
  { kind: 'heading', text: 'Ungdomsgarantien' },
  { kind: 'text', text: 'Unge skal få rask kontakt med NAV i landgruppe 3¹.' },
  { kind: 'text', text: 'Videre legges følgende styringssignaler til grunn:' },
  { kind: 'list', items: [{ text: 'Unge brukere skal ha fast kontaktperson', children: [{ text: 'også på KVP', children: [] }] }] },
  { kind: 'footnote', number: '1', text: 'Landgruppe 3 består av personer fra Øst-Europa.' },
  { kind: 'heading', text: 'Styringsparametere 2023' },
  { kind: 'heading', text: 'Langtidsledige' },
  { kind: 'list', items: Array.from({ length: 12 }, (_, k) => ({ text: `Punkt nummer ${k + 1} ${'med mye tekst '.repeat(8)}`, children: [] })) },
  { kind: 'heading', text: '2.1.2 Arbeidsgiverne²' },
  { kind: 'text', text: `${'Dette er en setning som gjentas. '.repeat(60)}` },
];

describe('buildSections', () => {
  const sections = buildSections(blocks, 'mdb-2024');
  const section = (number: string) => sections.find((s) => s.number === number)!;

  it('puts text before the first numbered heading into a preamble, and nests numbered sections', () => {
    expect(sections.map((s) => [s.number, s.title, s.level, s.anchor])).toEqual([
      ['', '', 0, 'kap-0'],
      ['2.1.1', 'NAV tilbyr kvalifiseringsløp', 3, 'kap-2.1.1'],
      ['2.1.2', 'Arbeidsgiverne', 3, 'kap-2.1.2'],
      ['', 'Fotnoter', 0, 'fotnoter'],
    ]);
  });

  it('gives paragraphs readable ids from section, heading and position', () => {
    expect(section('2.1.1').paragraphs.map((p) => p.id).slice(0, 3)).toEqual([
      'mdb-2024/2.1.1-ungdomsgarantien-1',
      'mdb-2024/2.1.1-ungdomsgarantien-2',
      'mdb-2024/2.1.1-styringsparametere-2023-1',
    ]);
    expect(buildSections(blocks, 'mdb-2024')).toEqual(sections);
  });

  it('keeps a short list with its lead-in, and splits a long one into one paragraph per item', () => {
    expect(section('2.1.1').paragraphs[1]!.text).toBe('Videre legges følgende styringssignaler til grunn:\n- Unge brukere skal ha fast kontaktperson\n  - også på KVP');
    const items = section('2.1.1').paragraphs.filter((p) => p.heading === 'Langtidsledige');
    expect(items).toHaveLength(12);
    expect(items[0]!.text).toMatch(/^- Punkt nummer 1 /);
  });

  it('keeps a heading with nothing under it as a paragraph rather than losing it', () => {
    expect(section('2.1.1').paragraphs.find((p) => p.text === 'Styringsparametere 2023')).toBeDefined();
  });

  it('makes footnotes paragraphs of their own and records where each marker stood', () => {
    const paragraph = section('2.1.1').paragraphs[0]!;
    expect(paragraph.text).toBe('Unge skal få rask kontakt med NAV i landgruppe 3.');
    expect(paragraph.footnotes).toEqual([{ number: '1', at: 'Unge skal få rask kontakt med NAV i landgruppe 3'.length }]);
    expect(sections[sections.length - 1]).toMatchObject({ role: 'footnotes', paragraphs: [{ id: 'mdb-2024/fotnote-1', text: 'Landgruppe 3 består av personer fra Øst-Europa.' }] });
  });

  it('takes footnote markers out of section titles too', () => {
    expect(section('2.1.2')).toMatchObject({ title: 'Arbeidsgiverne', footnotes: [{ number: '2', at: 'Arbeidsgiverne'.length }] });
  });

  it('splits page-sized text into paragraphs of readable length at sentence ends', () => {
    const parts = section('2.1.2').paragraphs;
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(1100);
      expect(p.text).toMatch(/\.$/);
    }
  });
});

describe('extractMetadata', () => {
  it('reads type, year, title, date and saksnr from a letter header', () => {
    expect(metadataOf('Til: Direktørene\nDato: 19.02.2024\nSaksnr. 23/36047-8\nMål- og disponeringsbrev 2024 til NAV Fylke/Region\nVedlegg:')).toEqual({
      type: 'mdb',
      year: 2024,
      title: 'Mål- og disponeringsbrev 2024 til NAV Fylke/Region',
      date: '2024-02-19',
      saksnr: '23/36047-8',
    });
  });

  it('infers a headerless letter from its text', () => {
    expect(metadataOf('1.Innledning\nStyringssignalene tar utgangspunkt i Tildelingsbrevet for 2023 fra departementet og Mål- og disponeringsbrevet. Mål- og disponeringsbrev med budsjettrammer gir de overordnede føringer. I 2023 skal … fra 2022 … i 2023.')).toEqual({
      type: 'mdb',
      year: 2023,
      title: 'Mål- og disponeringsbrev 2023',
    });
  });

  it('recognises an annual report', () => {
    expect(metadataOf('Rapport Årsrapport 2014 Arbeids- og velferdsdirektoratet\n1 LEDERS BERETNING … mål- og disponeringsbrev')).toMatchObject({
      type: 'arsrapport',
      year: 2014,
      title: 'Årsrapport 2014 Arbeids- og velferdsdirektoratet',
    });
  });
});
