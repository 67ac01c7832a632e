import type { Block } from '../../../src/ingest/parse/blocks.js';
import { parsePlainText } from '../../../src/ingest/parse/plain-text.js';

const texts = (blocks: Block[]) => blocks.filter((b) => b.kind === 'text').map((b) => (b as { text: string }).text);
const headings = (blocks: Block[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);

/** Lines wrapped near 100 characters like the 2023 PDF text, with its trailing spaces. */
const pdf = [
  ' 1.Innledning  ',
  'Styringssignalene tar utgangspunkt i Tildelingsbrevet for 2023 fra departementet og Mål- og ',
  'disponeringsbrevet fra arbeids- og velferdsdirektøren.  ',
  ' ',
  '2. Mål og prioriteringer 2023 ',
  '2.1.1. NAV tilbyr kvalifiseringsløp og tiltak som gir brukerne mer stabil tilknytning til ',
  'arbeidslivet   ',
  ' ',
  'Oppfølging av unge under 30 år og innføring av ny ungdomsgaranti  ',
  'Unge er en høyt prioritert målgruppe i NAV, og dette blir styrket ytterligere fra 1.7.2023 med ',
  'innføring av en ny landsdekkende ungdomsgaranti. Målgruppen er unge under 30 år (landgruppe 31) som ',
  '',
  'trenger bistand fra Arbeids- og velferdsetaten for å komme i ordinært arbeid og utdanning i 2023.',
  '',
  '1Landgruppe 3 består av personer fra Øst-Europa utenfor EU, Afrika, Asia (inkludert Tyrkia), Sør- og ',
  'Oseania (utenom Australia og New Zealand). ',
  ' Forsterket ungdomsinnsats, som ble iverksatt fra 2017, skal fases inn i ungdomsgarantien fra 1. juli ',
  '',
  '2023. Det innebærer at ressurser knyttet til innsatsen videreføres i ungdomsgarantien, og krav til NAV-',
  'kontoret om tilbud om individuell og arbeidsrettet oppfølging med en frist på åtte uker videreføres. ',
  'De tre utvalgte forvaltningsrettslige kravene er:   ',
  '• taushetsplikt og deling av informasjon med andre forvaltningsorganer, jf. forvaltningsloven § ',
  '13 b første ledd nr. 5   ',
  '• krav til konkret begrunnelse i enkeltvedtak, jf. forvaltningsloven §§ 24 og 25  ',
  'Langtidsledige  ',
  'Arbeidssøkere som har vært ledige i over seks måneder skal prioriteres i oppfølgingen og ved bruk av ',
  'arbeidsmarkedstiltak. Det gjelder også funksjons-',
  'nedsettelse og helse- ',
  'og omsorgstjenester i hele landet, for alle som trenger det og som har behov for bistand fra NAV.',
  '',
  '2 Landgruppe 3 består av personer fra Øst-Europa utenfor EU, Afrika, Asia (inkludert Tyrkia), Sør- og ',
].join('\n');

describe('parsePlainText (PDF text)', () => {
  const { blocks } = parsePlainText(pdf);

  it('finds numbered headings, joining one that wraps onto a second line', () => {
    expect(headings(blocks)).toEqual([
      '1.Innledning',
      '2. Mål og prioriteringer 2023',
      '2.1.1. NAV tilbyr kvalifiseringsløp og tiltak som gir brukerne mer stabil tilknytning til arbeidslivet',
      'Oppfølging av unge under 30 år og innføring av ny ungdomsgaranti',
      'Langtidsledige',
    ]);
  });

  it('re-joins a paragraph across blank lines, a footnote and a page break', () => {
    const all = texts(blocks);
    expect(all).toContain(
      'Unge er en høyt prioritert målgruppe i NAV, og dette blir styrket ytterligere fra 1.7.2023 med innføring av en ny landsdekkende ungdomsgaranti. Målgruppen er unge under 30 år (landgruppe 3¹) som trenger bistand fra Arbeids- og velferdsetaten for å komme i ordinært arbeid og utdanning i 2023.',
    );
  });

  it('does not take a wrapped "2023. Det innebærer …" line for a heading', () => {
    const paragraph = texts(blocks).find((t) => t.startsWith('Forsterket'));
    expect(paragraph).toContain('fra 1. juli 2023. Det innebærer at ressurser');
    expect(paragraph).toContain('krav til NAV-kontoret om tilbud');
  });

  it('collects footnotes and marks their references', () => {
    const footnotes = blocks.filter((b) => b.kind === 'footnote');
    expect(footnotes).toEqual([
      { kind: 'footnote', number: '1', text: 'Landgruppe 3 består av personer fra Øst-Europa utenfor EU, Afrika, Asia (inkludert Tyrkia), Sør- og Oseania (utenom Australia og New Zealand).' },
      expect.objectContaining({ kind: 'footnote', number: '2' }),
    ]);
  });

  it('keeps a law reference that wraps as part of its list item', () => {
    const list = blocks.find((b) => b.kind === 'list');
    expect(list).toEqual({
      kind: 'list',
      items: [
        { text: 'taushetsplikt og deling av informasjon med andre forvaltningsorganer, jf. forvaltningsloven § 13 b første ledd nr. 5', children: [] },
        { text: 'krav til konkret begrunnelse i enkeltvedtak, jf. forvaltningsloven §§ 24 og 25', children: [] },
      ],
    });
  });

  it('re-joins words broken at a line-end hyphen but keeps coordinating hyphens', () => {
    const paragraph = texts(blocks).find((t) => t.startsWith('Arbeidssøkere'));
    expect(paragraph).toContain('funksjonsnedsettelse og helse- og omsorgstjenester');
  });
});

describe('parsePlainText (OCR layout)', () => {
  const ocr = [
    '2. Mal og prioriteringer 2024',
    '2.1. Vi mobiliserer arbeidskraft i et arbeidsliv i omstilling',
    '2.1.1.  NAV tilbyr kvalifiseringslgp og tiltak som gir brukerne mer',
    'stabil tilknytning til arbeidslivet',
    '',
    'Videre legges fglgende styringssignaler til grunn for gjennomfgringen av ungdomsgarantien:',
    '',
    'e Unge brukere skal ha fast kontaktperson i NAV-kontorene',
    'e En ungdomsveileder skal fglge opp inntil 50 brukere innenfor malgruppen for',
    'ungdomsgarantien.',
    ' o Selvom det innfgres en grense pa inntil 50 unge i portefgljen vil det vaere viktig a',
    'bruke ungdomsteamets samlede kompetanse best mulig.',
  ].join('\n');

  it('reads e/o bullets as a nested list', () => {
    const { blocks } = parsePlainText(ocr);
    expect(headings(blocks)).toEqual([
      '2. Mal og prioriteringer 2024',
      '2.1. Vi mobiliserer arbeidskraft i et arbeidsliv i omstilling',
      '2.1.1. NAV tilbyr kvalifiseringslgp og tiltak som gir brukerne mer stabil tilknytning til arbeidslivet',
    ]);
    const list = blocks.find((b) => b.kind === 'list');
    expect(list).toEqual({
      kind: 'list',
      items: [
        { text: 'Unge brukere skal ha fast kontaktperson i NAV-kontorene', children: [] },
        {
          text: 'En ungdomsveileder skal fglge opp inntil 50 brukere innenfor malgruppen for ungdomsgarantien.',
          children: [{ text: 'Selvom det innfgres en grense pa inntil 50 unge i portefgljen vil det vaere viktig a bruke ungdomsteamets samlede kompetanse best mulig.', children: [] }],
        },
      ],
    });
  });
});
