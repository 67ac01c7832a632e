import { readFileSync } from 'node:fs';
import type { Block } from '../../../src/ingest/parse/blocks.js';
import { parseMarkdown } from '../../../src/ingest/parse/markdown.js';

const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);
const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

describe('parseMarkdown', () => {
  it('reads # headings with bold and italic inside', () => {
    const { blocks } = parseMarkdown('## **2. Mål og strategier for fylkene 2019**\n\n#### ***Øke jobbmulighetene for målgruppene***\n\nTekst her.\n');
    expect(headings(blocks)).toEqual(['2. Mål og strategier for fylkene 2019', 'Øke jobbmulighetene for målgruppene']);
  });

  it('reads plain-line numbered headings, even those remark takes for ordered lists', () => {
    const { blocks } = parseMarkdown('1. Innledning\n\nStyringssignalene tar utgangspunkt i brevet.\n\n2. Mål og prioriteringer 2024\n\n2.1. Vi mobiliserer arbeidskraft\n\nMålet er at ledige skal komme i arbeid.\n');
    expect(headings(blocks)).toEqual(['1. Innledning', '2. Mål og prioriteringer 2024', '2.1. Vi mobiliserer arbeidskraft']);
  });

  it('reads a short line standing alone as an unnumbered heading, but not a list lead-in', () => {
    const { blocks } = parseMarkdown('Ungdomsgarantien\n\nUnge skal få rask kontakt med NAV.\n\nI 2024 skal NAV Fylke/Region sørge for\n\n- at alle ansatte har kunnskap\n');
    expect(headings(blocks)).toEqual(['Ungdomsgarantien']);
    expect(kinds(blocks)).toEqual(['heading', 'text', 'text', 'list']);
  });

  it('turns [text](#) links into their text', () => {
    const { blocks } = parseMarkdown('Det gjelder dagens [faglige føringer for oppfølging av unge](#). Se også [nav.no](https://www.nav.no).\n');
    expect(blocks).toEqual([{ kind: 'text', text: 'Det gjelder dagens faglige føringer for oppfølging av unge. Se også nav.no.' }]);
  });

  it('collects footnotes from superscripts and <sup>, including plain numbers after a page break', () => {
    const source = [
      'Innvandrere fra landgruppe 3<sup>1</sup> og unge under 30 år<sup>4</sup>.',
      '',
      '---',
      '',
      '<sup>1</sup> I praksis flyktninger fra Asia og Afrika',
      '',
      '4 Innen 8 uker fra registrering',
      '',
      'Utenfor EØS (landgruppe 3¹).',
      '',
      '¹ Landgruppe 3 består av personer fra Øst-Europa utenfor EU.',
    ].join('\n');
    const { blocks } = parseMarkdown(source);
    expect(blocks.filter((b) => b.kind === 'footnote')).toEqual([
      { kind: 'footnote', number: '1', text: 'I praksis flyktninger fra Asia og Afrika' },
      { kind: 'footnote', number: '4', text: 'Innen 8 uker fra registrering' },
      { kind: 'footnote', number: '1', text: 'Landgruppe 3 består av personer fra Øst-Europa utenfor EU.' },
    ]);
    expect(blocks[0]).toMatchObject({ kind: 'text', text: 'Innvandrere fra landgruppe 3¹ og unge under 30 år⁴.' });
  });

  it('joins a paragraph that a page break and its footnotes cut in two', () => {
    const source = 'I samarbeid med helse-\n\n<sup>2</sup> Det tilsettes en prosjektleder.\n\nog rustjenesten skal NAV sikre etablerte miljøer.\n';
    const { blocks } = parseMarkdown(source.replace('helse-', 'helse-<sup>2</sup>'));
    expect(blocks.filter((b) => b.kind === 'text')).toEqual([{ kind: 'text', text: 'I samarbeid med helse-² og rustjenesten skal NAV sikre etablerte miljøer.' }]);
  });

  it('reads tables as readable rows: GFM pipes with inline HTML lists, and tab-separated HTML', () => {
    const gfm = parseMarkdown('| Styringsparametere 2024 | Resultatkrav |\n|---|---|\n| <ul style="list-style-type: none"> • Andel i arbeid • Andel unge <ul> ○ situasjonsbestemt </ul></ul> | Skal øke |\n');
    expect(gfm.blocks).toEqual([{ kind: 'table', rows: [['Styringsparametere 2024', 'Resultatkrav'], ['Andel i arbeid; Andel unge; situasjonsbestemt', 'Skal øke']] }]);
    const tsv = parseMarkdown('Styringsparametere\tResultatkrav\n\n<ul> <li>- Andel arbeidssøkere</li> <li>- Andel unge</li> </ul>\tSkal øke\n');
    expect(tsv.blocks).toEqual([{ kind: 'table', rows: [['Styringsparametere', 'Resultatkrav'], ['Andel arbeidssøkere; Andel unge', 'Skal øke']] }]);
  });

  it('reads a very long text in pieces, block for block as if whole', () => {
    const letter = readFileSync('corpus/maal-og-disponeringsbrev-2019.txt', 'utf8');
    const long = Array.from({ length: 6 }, () => letter).join('\n\n');
    expect(long.length).toBeGreaterThan(300_000);
    const once = parseMarkdown(letter).blocks;
    expect(parseMarkdown(long).blocks).toEqual(Array.from({ length: 6 }, () => once).flat());
  });
});

