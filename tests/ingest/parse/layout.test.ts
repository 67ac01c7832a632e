import type { Block, ListItem } from '../../../src/ingest/parse/blocks.js';
import { parseLayout, type LayoutLine, type LayoutRun } from '../../../src/ingest/parse/layout.js';
import { buildSections } from '../../../src/ingest/assemble/sections.js';

/**
 * Pages laid out like a printed A4 letter in points: 11 pt body type on a 15 pt pitch, a column from
 * x = 70 to 525. A line is written as its text, where "\t" sends the rest to the next tab stop of the
 * line's `tabs` and "^n" is a raised footnote marker; every letter is 5.5 pt wide at 11 pt.
 */
interface Spec {
  text: string;
  x?: number;
  size?: number;
  bold?: boolean;
  /** Extra space above the line, in points. */
  space?: number;
  tabs?: number[];
}

const LEFT = 70;
const PITCH = 15;

function page(n: number, specs: (string | Spec)[], top = 80): LayoutLine[] {
  let y = top - PITCH;
  return specs.map((raw) => {
    const spec = typeof raw === 'string' ? { text: raw } : raw;
    const size = spec.size ?? 11;
    y += PITCH * (size / 11) + (spec.space ?? 0);
    const runs = runsOf(spec.text, spec.x ?? LEFT, size, spec.bold ?? false, spec.tabs ?? []);
    return { page: n, pageWidth: 595, pageHeight: 842, x: runs[0]!.x, right: runs[runs.length - 1]!.right, y, size, bold: spec.bold ?? false, runs };
  });
}

function runsOf(text: string, x: number, size: number, bold: boolean, tabs: number[]): LayoutRun[] {
  const runs: LayoutRun[] = [];
  let cursor = x;
  text.split('\t').forEach((cell, k) => {
    if (k > 0) cursor = tabs[k - 1]!;
    let first = true;
    for (const part of cell.split(/(\^\S+?)(?=[\s.,;:]|$)/)) {
      if (!part) continue;
      const marker = part.startsWith('^');
      const body = marker ? part.slice(1) : part;
      const width = body.length * (marker ? size * 0.65 : size) * 0.5;
      runs.push({ text: body, x: cursor, right: cursor + width, size: marker ? size * 0.65 : size, rise: marker ? size * 0.4 : 0, bold, spaceBefore: first && k > 0 });
      cursor += width;
      first = false;
    }
  });
  return runs;
}

const FULL = 'Arbeids- og velferdsetaten skal bidra til at flere kommer i arbeid fremfor å motta stønad og';
const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);
const texts = (blocks: Block[], kind: Block['kind']) => blocks.filter((b) => b.kind === kind).map((b) => ('text' in b ? b.text : ''));
const itemTexts = (items: ListItem[]): unknown => items.map((i) => (i.children.length ? [i.text, itemTexts(i.children)] : i.text));

describe('headings', () => {
  test('are set larger or bold, and a numbered one continues the numbering', () => {
    const { blocks } = parseLayout(
      page(1, [
        { text: 'Mål- og disponeringsbrev 2019', size: 18, bold: true },
        { text: '1. Innledning', size: 14, bold: true, space: 10 },
        { text: 'Brevet gir føringer for virksomheten.', space: 6 },
        { text: '2. Mål og strategier', size: 14, bold: true, space: 10 },
        { text: 'Flere i arbeid', bold: true, space: 8 },
        { text: 'Etaten skal bidra til at flere kommer i arbeid.', space: 4 },
        { text: '7. Dette er ikke en overskrift', size: 14, bold: true, space: 10 },
        { text: 'Teksten fortsetter her.', space: 6 },
      ]),
    );
    expect(texts(blocks, 'heading')).toEqual(['Mål- og disponeringsbrev 2019', '1. Innledning', '2. Mål og strategier', 'Flere i arbeid']);
    expect(texts(blocks, 'text')).toContain('7. Dette er ikke en overskrift');
  });

  test('may wrap onto a second line of their type', () => {
    const { blocks } = parseLayout(
      page(1, [
        { text: '1. Innledning', size: 14, bold: true },
        { text: 'Tekst.', space: 6 },
        { text: '1.1. Forsterket oppfølging av langtidsledige som nærmer seg slutten av', bold: true, space: 8 },
        { text: 'dagpengeperioden', bold: true },
        { text: 'Dagpengemottakere skal følges tett opp.', space: 4 },
      ]),
    );
    expect(texts(blocks, 'heading')).toContain('1.1. Forsterket oppfølging av langtidsledige som nærmer seg slutten av dagpengeperioden');
  });

  test('a bold lead-in that ends with a colon, or a bold line running into its paragraph, is text', () => {
    const { blocks } = parseLayout(
      page(1, [
        { text: 'Brukermedvirkning skal vektlegges i alt arbeid.', space: 0 },
        { text: 'Dette gjelder:', bold: true, space: 6 },
        { text: 'Arbeid og tjenester.', space: 6 },
      ]),
    );
    expect(texts(blocks, 'heading')).toEqual([]);
  });

  test('without bold to go by (OCR), a short line set apart above a sentence is a heading', () => {
    const { blocks } = parseLayout(
      page(1, [
        FULL,
        'personer med nedsatt arbeidsevne.',
        { text: 'Ungdomsgarantien', space: 9 },
        { text: 'Unge under 30 år skal få tilbud om oppfølging.', space: 4 },
        { text: 'Dette gjelder alle tre målgrupper', space: 9 },
        'og videre.',
      ]),
    );
    expect(texts(blocks, 'heading')).toEqual(['Ungdomsgarantien']);
  });
});

describe('paragraphs', () => {
  test('end where space is left, or where a line stops short though the next word would have fitted', () => {
    const { blocks } = parseLayout(
      page(1, [
        FULL,
        'andelen mottakere av helserelaterte ytelser skal reduseres.',
        'Brukere som har behov for bistand fra NAV skal sikres tidlig avklaring og oppfølging, og',
        'bistanden tilpasses den enkeltes behov.',
        { text: 'Arbeidsmarkedstiltakene utgjør en viktig del av innsatsen.', space: 7 },
      ]),
    );
    expect(kinds(blocks)).toEqual(['text', 'text', 'text']);
    expect(texts(blocks, 'text')[0]).toBe(`${FULL} andelen mottakere av helserelaterte ytelser skal reduseres.`);
  });

  test('a word hyphenated at a line end is joined again; a hyphen after a capital stays', () => {
    const { blocks } = parseLayout(
      page(1, [
        'Arbeidsrettede tiltak gjelder også personer med nedsatt arbeidsevne og nedsatt funksjons-',
        'evne, og de skal prioriteres ved oppfølging og bruk av arbeidsrettede tiltak i NAV-',
        'kontoret.',
      ]),
    );
    expect(texts(blocks, 'text')).toEqual([
      'Arbeidsrettede tiltak gjelder også personer med nedsatt arbeidsevne og nedsatt funksjonsevne, og de skal prioriteres ved oppfølging og bruk av arbeidsrettede tiltak i NAV-kontoret.',
    ]);
  });

  test('a paragraph runs on across a page break when its sentence has not ended and the next page goes on in lower case', () => {
    const { blocks } = parseLayout([
      ...page(1, ['Tekst.', { text: 'For å bidra til at flere får kombinert helse- og arbeidsrettet bistand skal', space: 7 }, 'fylkene samarbeide med helse-']),
      ...page(2, ['og rustjenesten i kommunene.', { text: 'Ny tekst.', space: 7 }]),
      ...page(3, ['Et avsnitt som slutter.']),
      ...page(4, ['Et nytt avsnitt.']),
    ]);
    expect(texts(blocks, 'text')).toEqual([
      'Tekst.',
      'For å bidra til at flere får kombinert helse- og arbeidsrettet bistand skal fylkene samarbeide med helse- og rustjenesten i kommunene.',
      'Ny tekst.',
      'Et avsnitt som slutter.',
      'Et nytt avsnitt.',
    ]);
  });
});

describe('running heads, feet and page numbers', () => {
  const openings = ['Første side.', 'Andre side.', 'Tredje side.'];
  const letter = (n: number) =>
    page(n, [
      { text: 'Mål- og disponeringsbrev 2019\tNAV fylke', size: 8.5, tabs: [480] },
      { text: openings[n - 1]!, space: 30 },
      { text: FULL, space: 7 },
      'andelen mottakere av helserelaterte ytelser skal reduseres.',
      { text: `Arbeids- og velferdsdirektoratet\tSide ${n} av 3`, size: 8.5, space: 600, tabs: [470] },
    ], 40);
  const body = (n: number) => [openings[n - 1], `${FULL} andelen mottakere av helserelaterte ytelser skal reduseres.`];

  test('are dropped when they recur on other pages, and named', () => {
    const { blocks, dropped } = parseLayout([1, 2, 3].flatMap(letter));
    expect(texts(blocks, 'text')).toEqual([1, 2, 3].flatMap(body));
    expect(dropped).toEqual([
      { what: 'page numbers', text: 'Side 1 av 3 Side 2 av 3 Side 3 av 3', words: 12 },
      { what: 'running page headers', text: 'Mål- og disponeringsbrev 2019 NAV fylke '.repeat(3).trim(), words: 18 },
      { what: 'running page footers', text: 'Arbeids- og velferdsdirektoratet '.repeat(3).trim(), words: 9 },
    ]);
  });

  test('on a page alone: a page number, and small type spread from margin to margin', () => {
    const { blocks, dropped } = parseLayout(letter(2));
    expect(texts(blocks, 'text')).toEqual(body(2));
    expect(dropped.map((d) => d.what)).toEqual(['page numbers', 'running page headers', 'running page footers']);
  });

  test('a line that recurs inside the text is kept', () => {
    const { blocks, dropped } = parseLayout([1, 2].flatMap((n) => page(n, [openings[n - 1]!, FULL, 'andelen skal ned.', { text: 'Se vedlegg.', space: 7 }, { text: `${n}`, space: 600 }])));
    expect(texts(blocks, 'text')).toEqual([1, 2].flatMap((n) => [openings[n - 1], `${FULL} andelen skal ned.`, 'Se vedlegg.']));
    expect(dropped).toEqual([{ what: 'page numbers', text: '1 2', words: 2 }]);
  });
});

describe('footnotes', () => {
  const foot = (lines: (string | Spec)[]) => lines.map((l) => ({ ...(typeof l === 'string' ? { text: l } : l), size: 8.5 }));

  test('are the small type at the page foot, opened by their numbers, and their raised markers cite them', () => {
    const { blocks } = parseLayout(
      page(1, [
        'Innvandrere fra landgruppe 3^1. Innenfor disse gruppene har personer under 30 år prioritet.',
        { text: 'Fylkene Vestland og Oslo^2, hvor formålet er å utvikle tjenester.', space: 7 },
        ...foot([{ text: '^1 I praksis vil dette si flyktninger og familieinnvandring fra Asia og Afrika, og', space: 500 }, 'Latin-Amerika.', '^2 Det tilsettes en prosjektleder.']),
      ]),
    );
    expect(blocks.filter((b) => b.kind === 'footnote')).toEqual([
      { kind: 'footnote', number: '1', text: 'I praksis vil dette si flyktninger og familieinnvandring fra Asia og Afrika, og Latin-Amerika.' },
      { kind: 'footnote', number: '2', text: 'Det tilsettes en prosjektleder.' },
    ]);
    expect(texts(blocks, 'text')).toEqual([
      'Innvandrere fra landgruppe 3¹. Innenfor disse gruppene har personer under 30 år prioritet.',
      'Fylkene Vestland og Oslo², hvor formålet er å utvikle tjenester.',
    ]);
    const sections = buildSections(blocks, 'mdb-2019');
    expect(sections[0]!.paragraphs[0]!.footnotes).toEqual([{ number: '1', at: 'Innvandrere fra landgruppe 3'.length }]);
    expect(sections.at(-1)!.title).toBe('Fotnoter');
  });

  test('OCR misreads a tiny raised digit as a sign: the page cites its notes in order, so the signs take their numbers', () => {
    const { blocks } = parseLayout([
      ...page(1, ['Tekst uten noter.', ...foot([{ text: '^? Første note.', space: 600 }])]),
      ...page(2, [
        'Fylkene Vestland og Oslo^?, hvor formålet er å utvikle tjenester.',
        { text: 'Faste refusjonssatser^>. Direktoratet utarbeider støtteverktøy.', space: 7 },
        ...foot([{ text: '^? Det tilsettes en prosjektleder.', space: 500 }, '3 For personer med situasjonsbestemt innsatsbehov.']),
      ]),
    ]);
    expect(blocks.filter((b) => b.kind === 'footnote').map((b) => (b as { number: string }).number)).toEqual(['1', '2', '3']);
    expect(texts(blocks, 'text')).toEqual([
      'Tekst uten noter.',
      'Fylkene Vestland og Oslo², hvor formålet er å utvikle tjenester.',
      'Faste refusjonssatser³. Direktoratet utarbeider støtteverktøy.',
    ]);
  });

  test('a marker OCR kept on the baseline, glued to its word, is found when its note is cited nowhere else', () => {
    const { blocks } = parseLayout(page(1, ['Oppfølging fra NAV-kontoret4 for å komme i arbeid.', ...foot([{ text: '4 Innen 8 uker fra registrering.', space: 600 }])]));
    expect(texts(blocks, 'text')).toEqual(['Oppfølging fra NAV-kontoret⁴ for å komme i arbeid.']);
  });
});

describe('lists', () => {
  test('a bullet opens an item; its wrapped lines follow its text; deeper bullets nest', () => {
    const { blocks } = parseLayout(
      page(1, [
        'For NAV legges det til grunn at dette gjelder:',
        { text: '•\tGi arbeidsgivere helhetlige og koordinerte tjenester.', x: 75, tabs: [91], space: 4 },
        { text: '•\tSenke terskelen og gjøre det lettere for arbeidsgiver å ansette. Økt bruk av', x: 75, tabs: [91] },
        { text: 'virkemidler som reduserer risiko, som:', x: 91 },
        { text: '–\tlønnstilskudd', x: 95, tabs: [111] },
        { text: 'o\tmentor', x: 115, tabs: [131] },
        { text: '\uF0B7\tBidra til selvbetjente løsninger.', x: 75, tabs: [91] },
        { text: 'Arbeidsgiverne skal få en fast kontakt.', space: 7 },
      ]),
    );
    expect(kinds(blocks)).toEqual(['text', 'list', 'text']);
    const list = blocks[1] as { items: ListItem[] };
    expect(itemTexts(list.items)).toEqual([
      'Gi arbeidsgivere helhetlige og koordinerte tjenester.',
      ['Senke terskelen og gjøre det lettere for arbeidsgiver å ansette. Økt bruk av virkemidler som reduserer risiko, som:', [['lønnstilskudd', ['mentor']]]],
      'Bidra til selvbetjente løsninger.',
    ]);
  });

  test('an item goes on across a page break', () => {
    const { blocks } = parseLayout([
      ...page(1, [{ text: '•\tBidra til at flere med moderate og alvorlige helseproblemer får kombinert', x: 75, tabs: [91] }]),
      ...page(2, [{ text: 'bistand.', x: 91 }, { text: '•\tSikre et godt samarbeid.', x: 75, tabs: [91] }]),
    ]);
    expect(itemTexts((blocks[0] as { items: ListItem[] }).items)).toEqual(['Bidra til at flere med moderate og alvorlige helseproblemer får kombinert bistand.', 'Sikre et godt samarbeid.']);
  });
});

describe('tables', () => {
  const tabs = [90, 390];
  test('columns that line up are rows of cells; a cell holding a list reads as its items joined by "; "', () => {
    const { blocks } = parseLayout(
      page(1, [
        { text: '1. Styringsparametere for 2019', size: 12, bold: true },
        { text: 'Styringsparametere\tResultatkrav', x: 76, tabs: [390], bold: true, space: 8 },
        { text: '•\tAndel arbeidssøkere med overgang til arbeid\tSkal øke sammenlignet med', x: 80, tabs, space: 7 },
        { text: '•\tAndel personer med nedsatt arbeidsevne med\tsamme periode i fjor', x: 80, tabs },
        { text: 'overgang til arbeid', x: 90 },
        { text: '•\tAndel med gradert sykmelding\tSkal minst være på samme nivå', x: 80, tabs, space: 7 },
        { text: 'Fylkene har et selvstendig ansvar for å informere direktoratet dersom det er risiko.', space: 12 },
      ]),
    );
    expect(kinds(blocks)).toEqual(['heading', 'table', 'text']);
    expect((blocks[1] as { rows: string[][] }).rows).toEqual([
      ['Styringsparametere', 'Resultatkrav'],
      ['Andel arbeidssøkere med overgang til arbeid; Andel personer med nedsatt arbeidsevne med overgang til arbeid', 'Skal øke sammenlignet med samme periode i fjor'],
      ['Andel med gradert sykmelding', 'Skal minst være på samme nivå'],
    ]);
  });

  test('a memo head of labels and values is lines of text', () => {
    const { blocks } = parseLayout(page(1, ['Til:\tDirektørene for NAV fylke', 'Fra:\tArbeids- og tjenestedirektør', 'Dato:\t19.02.2019', 'Saksnr.:\t18/3277-3'].map((text) => ({ text, tabs: [140] }))));
    expect(blocks).toEqual(['Til: Direktørene for NAV fylke', 'Fra: Arbeids- og tjenestedirektør', 'Dato: 19.02.2019', 'Saksnr.: 18/3277-3'].map((text) => ({ kind: 'text', text })));
  });

  test('headings set with tabs after their numbers are headings, not a table', () => {
    const { blocks } = parseLayout(
      page(1, [
        FULL,
        FULL,
        'andelen mottakere av helserelaterte ytelser skal reduseres.',
        { text: '2.2\tØkt inkludering av utsatte grupper', bold: true, tabs: [110], space: 8 },
        { text: '2.2.1\tFlere unge i arbeid og utdanning', bold: true, tabs: [115], space: 6 },
        { text: 'Ungdomsinnsatsen videreføres.', space: 4 },
      ]),
    );
    expect(kinds(blocks)).toEqual(['text', 'heading', 'heading', 'text']);
  });

  test('a table of contents is dropped and named, so its entries do not open sections', () => {
    const { blocks, dropped } = parseLayout(
      page(1, [
        { text: 'Innhold', size: 14, bold: true },
        { text: '1. Innledning ....................... 2', space: 8 },
        '2. Mål og strategier ................ 3',
        { text: '1. Innledning', size: 14, bold: true, space: 20 },
        { text: 'Tekst.', space: 6 },
      ]),
    );
    expect(texts(blocks, 'heading')).toEqual(['Innhold', '1. Innledning']);
    expect(dropped).toEqual([{ what: 'table of contents', text: '1. Innledning ....................... 2 2. Mål og strategier ................ 3', words: 10 }]);
  });
});
