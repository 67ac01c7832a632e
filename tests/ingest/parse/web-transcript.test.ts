import type { Block } from '../../../src/ingest/parse/blocks.js';
import { parseToc, parseWebTranscript } from '../../../src/ingest/parse/web-transcript.js';

const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));

const transcript = [
  '// Rapport. Årsrapport 2014 Arbeids- og velferdsdirektoratet',
  '',
  'Like dokumenter',
  'NAV i tall og fakta 2016',
  '',
  'Tildelingsbrev for 2013',
  '',
  'Transkript:',
  '',
  '// Rapport Årsrapport 2014 Arbeids- og velferdsdirektoratet',
  '',
  'Innhold 1 Leders beretning 3 2 Introduksjon til virksomheten 5 2.1 NAVs oppgaver 5 3 Årets aktiviteter 9 3.1 Et inkluderende arbeidsliv 9 3.1.1 Overgang til arbeid 10',
  '',
  '1 LEDERS BERETNING Driftsmessig blir resultatene bedre. NAVs øvrige tjenester er beskrevet under 3.1 Et inkluderende arbeidsliv og i vedlegg. 3',
  '',
  '2 INTRODUKSJON TIL VIRKSOMHETEN 2.1 NAVs oppgaver Arbeids- og velferdsetaten har ansvaret for arbeids- og velferdspolitikken. 4 Av tekniske grunner måles tiden fra vedtak. 4',
  '',
  '3 ÅRETS AKTIVITETER 3.1 Et inkluderende arbeidsliv 3.1.1 Overgang til arbeid Andelen med overgang til arbeid er stabil. Det gjelder NAV Arbeidslivssenter og NAV Arbeidslivssenter. 3.1.1.1 Nav Arbeidslivssenter Hovedoppgavene er å støtte IA-virksomhetene. 5',
].join('\n');

describe('parseWebTranscript', () => {
  const { blocks, dropped } = parseWebTranscript(transcript);

  it('drops the site boilerplate before «Transkript:», the table of contents and page numbers, and says so', () => {
    expect(dropped.map((d) => d.what)).toEqual(['Like dokumenter (site boilerplate before «Transkript:»)', 'table of contents', 'page numbers']);
    expect(texts(blocks).join(' ')).not.toMatch(/Tildelingsbrev for 2013|Innhold/);
    expect(texts(blocks).some((t) => / 3$| 4$/.test(t))).toBe(false);
  });

  it('finds headings running inline in page blocks, using the TOC titles', () => {
    expect(headings(blocks)).toEqual([
      '1 LEDERS BERETNING',
      '2 INTRODUKSJON TIL VIRKSOMHETEN',
      '2.1 NAVs oppgaver',
      '3 ÅRETS AKTIVITETER',
      '3.1 Et inkluderende arbeidsliv',
      '3.1.1 Overgang til arbeid',
      '3.1.1.1 Nav Arbeidslivssenter',
    ]);
  });

  it('does not take a cross-reference ("under 3.1 …") or a footnote ("4 Av tekniske …") for a heading', () => {
    expect(texts(blocks)).toContain('Driftsmessig blir resultatene bedre. NAVs øvrige tjenester er beskrevet under 3.1 Et inkluderende arbeidsliv og i vedlegg.');
    expect(texts(blocks).some((t) => t.includes('4 Av tekniske grunner'))).toBe(true);
  });

  it('reads the TOC into numbered entries without page numbers', () => {
    expect(parseToc('1 Leders beretning 3 2 Introduksjon til virksomheten og hovedtall 5 2.1 NAVs oppgaver 5 2.2 Analysen viser økte utfordringer de nærmeste 10 årene 50 Figurer og tabeller 83 2')).toEqual([
      { number: '1', title: 'Leders beretning' },
      { number: '2', title: 'Introduksjon til virksomheten og hovedtall' },
      { number: '2.1', title: 'NAVs oppgaver' },
      { number: '2.2', title: 'Analysen viser økte utfordringer de nærmeste 10 årene' },
    ]);
  });
});
