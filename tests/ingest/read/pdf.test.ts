import { readFileSync } from 'node:fs';
import type { ListItem } from '../../../src/ingest/parse/blocks.js';
import { parseLayout } from '../../../src/ingest/parse/layout.js';
import { buildSections } from '../../../src/ingest/assemble/sections.js';
import { kindsOf } from '../../../src/ingest/assemble/document-types.js';
import { extractMetadata } from '../../../src/ingest/assemble/metadata.js';
import { UnreadableSourceError } from '../../../src/ingest/read/decode.js';
import { readPdf } from '../../../src/ingest/read/pdf.js';
import { wordAccuracy } from '../../../src/evaluation/word-accuracy.js';
import { fixture, LETTER, parsedText, printedText } from '../../fixtures/published/letter.js';

const letter = readFileSync(fixture('letter-2019.pdf'));
const items = (list: ListItem[]): unknown[] => list.map((i) => (i.children.length ? { text: i.text, children: items(i.children) } : i.text));

describe('a born-digital PDF', () => {
  let pdf: Awaited<ReturnType<typeof readPdf>>;
  let parsed: ReturnType<typeof parseLayout>;
  beforeAll(async () => {
    const pages: number[] = [];
    pdf = await readPdf(letter, { onPage: (done) => pages.push(done) });
    expect(pages).toEqual([1, 2, 3]);
    parsed = parseLayout(pdf.lines);
  });

  test('is read page by page with its text layer, no page needing OCR', () => {
    expect(pdf.pages).toBe(3);
    expect(pdf.scannedPages).toEqual([]);
    expect(new Set(pdf.lines.map((l) => l.page))).toEqual(new Set([1, 2, 3]));
    const title = pdf.lines.find((l) => l.runs[0]?.text.startsWith('Mål- og disponeringsbrev 2019 til'))!;
    expect([Math.round(title.size), title.bold]).toEqual([18, true]);
  });

  test('gives the letter its numbered sections, sub-headings, memo head and metadata', () => {
    expect(extractMetadata(parsed.blocks, kindsOf('corpus'))).toEqual(LETTER.metadata);
    const sections = buildSections(parsed.blocks, 'mdb-2019');
    expect(sections.map((s) => [s.number, s.title])).toEqual(LETTER.sections);
    const headings = [...new Set(sections.flatMap((s) => s.paragraphs.map((p) => p.heading)).filter(Boolean))];
    expect(headings).toEqual(LETTER.headings);
    expect(sections[0]!.paragraphs.slice(0, 4).map((p) => p.text)).toEqual(LETTER.memo);
  });

  test('collects the footnotes at each page foot and links them from their raised markers', () => {
    const sections = buildSections(parsed.blocks, 'mdb-2019');
    expect(sections.at(-1)!.paragraphs.map((p) => [p.anchor.replace('fotnote-', ''), p.text])).toEqual(LETTER.footnotes);
    const cited = sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.footnotes ?? []).map((ref) => [ref.number, p.text.slice(0, ref.at)])));
    expect(cited.map(([n, before]) => [n, LETTER.markers.find(([m]) => m === n)![1]!, before!.endsWith(LETTER.markers.find(([m]) => m === n)![1]!)])).toEqual(
      LETTER.markers.map(([n, words]) => [n, words, true]),
    );
  });

  test('reads bullets as list items nested by indentation, and aligned columns as table rows', () => {
    const lists = parsed.blocks.filter((b) => b.kind === 'list');
    expect(lists.map((l) => items(l.items))).toContainEqual(LETTER.listItems);
    expect(parsed.blocks.find((b) => b.kind === 'table')).toEqual({ kind: 'table', rows: LETTER.table });
  });

  test('joins a paragraph across the page break and drops running heads, feet and page numbers, naming them', () => {
    expect(parsed.blocks.filter((b) => b.kind === 'text' && b.text.includes(LETTER.runOn))).toHaveLength(1);
    expect(parsed.dropped).toEqual(LETTER.dropped);
  });

  test('has at least 99 % of the letter’s words', () => {
    const got = parsedText(parsed.blocks);
    const want = printedText();
    expect(wordAccuracy(`${got.body}\n${got.notes}`, `${want.body}\n${want.notes}`).accuracy).toBeGreaterThanOrEqual(0.99);
  });
});

describe('PDFs that cannot be read as text', () => {
  test('a scanned PDF has no text layer: every page is named for OCR, and that is no error', async () => {
    const scan = await readPdf(readFileSync(fixture('letter-2019-scan.pdf')));
    expect(scan).toEqual({ pages: 3, lines: [], scannedPages: [1, 2, 3] });
  });

  test.each([
    ['a truncated PDF', letter.subarray(0, letter.length / 2), /truncated/],
    ['a damaged PDF', Buffer.concat([letter.subarray(0, 1000), Buffer.alloc(30000, 0x20), letter.subarray(31000)]), /damaged/],
    ['an encrypted PDF', readFileSync(fixture('letter-2019-encrypted.pdf')), /encrypted/],
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a text file', Buffer.from('Mål- og disponeringsbrev 2019\n'), /not a PDF/],
  ])('%s is refused with a message saying why', async (_, bytes, message) => {
    const read = readPdf(bytes);
    await expect(read).rejects.toThrow(UnreadableSourceError);
    await expect(read).rejects.toThrow(message);
  });
});
