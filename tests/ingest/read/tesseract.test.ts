import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Block, ListItem } from '../../../src/ingest/parse/blocks.js';
import { parseLayout } from '../../../src/ingest/parse/layout.js';
import { buildSections } from '../../../src/ingest/assemble/sections.js';
import { kindsOf } from '../../../src/ingest/assemble/document-types.js';
import { extractMetadata } from '../../../src/ingest/assemble/metadata.js';
import { UnreadableSourceError } from '../../../src/ingest/read/decode.js';
import { readPdf } from '../../../src/ingest/read/pdf.js';
import { ocrImage, ocrPdfPages, OcrUnavailableError } from '../../../src/ingest/read/tesseract.js';
import { wordAccuracy } from '../../../src/evaluation/word-accuracy.js';
import { fixture, LETTER, parsedText, printedText } from '../../fixtures/published/letter.js';

const OCR_TIMEOUT = 300_000;
const SCAN = fixture('letter-2019-scan.pdf');
const IMAGE = fixture('letter-2019-side-2.png');

const scratch = mkdtempSync(join(tmpdir(), 'ocr-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const items = (list: ListItem[]): unknown[] => list.map((i) => (i.children.length ? { text: i.text, children: items(i.children) } : i.text));
const accuracy = (blocks: Block[], pages?: number[]) => {
  const got = parsedText(blocks);
  const want = printedText(pages);
  return wordAccuracy(`${got.body}\n${got.notes}`, `${want.body}\n${want.notes}`).accuracy;
};

/** Run with only these programs on the PATH. */
async function withPrograms<T>(programs: string[], run: () => Promise<T>): Promise<T> {
  const bin = mkdtempSync(join(scratch, 'bin-'));
  for (const program of programs) {
    const installed = process.env.PATH!.split(delimiter).map((dir) => join(dir, program)).find((file) => existsSync(file))!;
    symlinkSync(installed, join(bin, program));
  }
  const path = process.env.PATH;
  process.env.PATH = bin;
  try {
    return await run();
  } finally {
    process.env.PATH = path;
  }
}

describe('a scanned PDF, OCR’d with Tesseract', () => {
  const cacheDir = join(scratch, 'cache');
  const progress: [number, number][] = [];
  let parsed: ReturnType<typeof parseLayout>;
  let lines: Awaited<ReturnType<typeof ocrPdfPages>>;

  beforeAll(async () => {
    const { scannedPages } = await readPdf(readFileSync(SCAN));
    lines = await ocrPdfPages(SCAN, scannedPages, { cacheDir, onPage: (done, total) => progress.push([done, total]) });
    parsed = parseLayout(lines);
  }, OCR_TIMEOUT);

  test('counts its pages as they are done', () => {
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  test('gives the metadata, sections, sub-headings, lists, table and footnotes the born-digital PDF gives', () => {
    expect(extractMetadata(parsed.blocks, kindsOf('corpus'))).toEqual(LETTER.metadata);
    const sections = buildSections(parsed.blocks, 'mdb-2019');
    expect(sections.map((s) => [s.number, s.title])).toEqual(LETTER.sections);
    expect([...new Set(sections.flatMap((s) => s.paragraphs.map((p) => p.heading)).filter(Boolean))]).toEqual(LETTER.headings);
    expect(sections[0]!.paragraphs.slice(0, 4).map((p) => p.text)).toEqual(LETTER.memo);
    expect(sections.at(-1)!.paragraphs.map((p) => [p.anchor.replace('fotnote-', ''), p.text])).toEqual(LETTER.footnotes);
    const cited = sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.footnotes ?? []).map((ref) => [ref.number, p.text.slice(0, ref.at)] as const)));
    expect(cited.map(([n, before]) => [n, LETTER.markers.some(([m, words]) => m === n && before.endsWith(words!))])).toEqual(LETTER.markers.map(([n]) => [n, true]));
    expect(parsed.blocks.filter((b) => b.kind === 'list').map((l) => items(l.items))).toContainEqual(LETTER.listItems);
    expect(parsed.blocks.find((b) => b.kind === 'table')).toEqual({ kind: 'table', rows: LETTER.table });
    expect(parsed.blocks.filter((b) => b.kind === 'text' && b.text.includes(LETTER.runOn))).toHaveLength(1);
    expect(parsed.dropped).toEqual(LETTER.dropped);
  });

  test('has at least 99 % of the letter’s words, æ, ø and å included', () => {
    expect(accuracy(parsed.blocks)).toBeGreaterThanOrEqual(0.99);
    expect(parsedText(parsed.blocks).body).toMatch(/Økt inkludering av utsatte grupper på arbeidsmarkedet/);
  });

  test('is read from the cache the second time: nothing is rasterised or OCR’d again', async () => {
    expect(readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.hocr.gz'))).toHaveLength(3);
    // Without pdftoppm on the PATH a page could not even be rasterised.
    const again = await withPrograms(['tesseract'], () => ocrPdfPages(SCAN, [1, 2, 3], { cacheDir }));
    expect(again).toEqual(lines);
  });
});

describe('an image of a scanned page, OCR’d with Tesseract', () => {
  let parsed: ReturnType<typeof parseLayout>;
  beforeAll(async () => {
    parsed = parseLayout(await ocrImage(IMAGE, { cacheDir: join(scratch, 'image-cache') }));
  }, OCR_TIMEOUT);

  test('gives the page’s sections, sub-headings, list items and footnotes with their markers', () => {
    const sections = buildSections(parsed.blocks, 'mdb-2019');
    expect(sections.map((s) => [s.number, s.title])).toEqual([['', ''], LETTER.sections[2], LETTER.sections[3], ['', 'Fotnoter']]);
    expect([...new Set(sections.flatMap((s) => s.paragraphs.map((p) => p.heading)).filter(Boolean))]).toEqual(LETTER.headings.slice(4));
    expect(parsed.blocks.filter((b) => b.kind === 'list').flatMap((l) => items(l.items))).toHaveLength(2);
    // The page alone cannot say which footnotes it holds when their tiny numbers are misread; its markers cite its notes in order.
    const notes = sections.at(-1)!.paragraphs;
    expect(notes.map((p) => p.text)).toEqual([LETTER.footnotes[1]![1], expect.stringContaining('personer med situasjonsbestemt innsatsbehov')]);
    const cited = sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.footnotes ?? []).map((ref) => p.text.slice(0, ref.at))));
    expect(cited.map((before, k) => before.endsWith(LETTER.markers[k + 1]![1]!))).toEqual([true, true]);
    expect(parsed.dropped.map((d) => d.what)).toEqual(['page numbers', 'running page headers', 'running page footers']);
  });

  test('has at least 99 % of the page’s words', () => {
    expect(accuracy(parsed.blocks, [2])).toBeGreaterThanOrEqual(0.99);
  });
});

describe('without the OCR programs or their data', () => {
  const install = 'apt-get install tesseract-ocr tesseract-ocr-nor poppler-utils';

  test('a missing tesseract is named with the Debian packages to install', async () => {
    const read = withPrograms([], () => ocrImage(IMAGE, { cacheDir: join(scratch, 'none') }));
    await expect(read).rejects.toThrow(OcrUnavailableError);
    await expect(withPrograms([], () => ocrImage(IMAGE, { cacheDir: join(scratch, 'none') }))).rejects.toThrow(`tesseract is not installed: ${install}`);
  });

  test('a missing pdftoppm too', async () => {
    await expect(withPrograms(['tesseract'], () => ocrPdfPages(SCAN, [1], { cacheDir: join(scratch, 'no-pdftoppm') }))).rejects.toThrow(`pdftoppm is not installed: ${install}`);
  });

  test('a language Tesseract has no data for', async () => {
    await expect(ocrImage(IMAGE, { cacheDir: join(scratch, 'none'), language: 'sme' })).rejects.toThrow(/no language data for "sme"/);
  });
});

describe('images that are not images', () => {
  test.each([
    ['an empty file', Buffer.alloc(0)],
    ['a cut-off PNG', readFileSync(IMAGE).subarray(0, 200)],
  ])('%s is refused by name of the program that failed', async (name, bytes) => {
    const file = join(scratch, `${name.replace(/\W+/g, '-')}.png`);
    writeFileSync(file, bytes);
    const read = ocrImage(file, { cacheDir: join(scratch, 'bad') });
    await expect(read).rejects.toThrow(UnreadableSourceError);
    await expect(read).rejects.toThrow(/tesseract failed/);
  });
});
