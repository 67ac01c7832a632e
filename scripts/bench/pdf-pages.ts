/**
 * Reading published letters, per page, with the fixtures of tests/fixtures/published (letter-2019, a
 * born-digital PDF and its scan): the born-digital one's text layer read by pdf.js and parsed by the
 * layout rules, warm (the median of nine reads after a first one, as of many files in a row); the scan
 * OCR'd by pdftoppm and Tesseract — a page per process, as many at once as there are cores — with an
 * empty OCR cache, so every page is OCR'd, and parsed alike. Times are wall-clock seconds per page. Without Tesseract the
 * OCR half is skipped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLayout } from '../../src/ingest/parse/layout.js';
import { readPdf } from '../../src/ingest/read/pdf.js';
import { ocrPdfPages, OcrUnavailableError } from '../../src/ingest/read/tesseract.js';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/published/', import.meta.url));
const BORN_DIGITAL = join(FIXTURES, 'letter-2019.pdf');
const SCANNED = join(FIXTURES, 'letter-2019-scan.pdf');
/** Reads of the born-digital letter after the first; their median counts, as an archive is many files. */
const BORN_DIGITAL_ROUNDS = 9;

export interface PdfPages {
  bornDigital: { pages: number; msPerPage: number };
  scanned: { pages: number; msPerPage: number; concurrency: number } | { skipped: string };
}

/** Runs in the worker process. */
export async function timePdfPages(): Promise<PdfPages> {
  const bytes = readFileSync(BORN_DIGITAL);
  await readPdf(bytes);
  const perPage: number[] = [];
  let pages = 0;
  for (let round = 0; round < BORN_DIGITAL_ROUNDS; round++) {
    const started = performance.now();
    const text = await readPdf(bytes);
    parseLayout(text.lines);
    pages = text.pages;
    perPage.push((performance.now() - started) / text.pages);
  }
  const bornDigital = { pages, msPerPage: perPage.sort((a, b) => a - b)[perPage.length >> 1]! };

  const cacheDir = mkdtempSync(join(tmpdir(), 'styringssok-ocr-'));
  try {
    const started = performance.now();
    const { scannedPages } = await readPdf(readFileSync(SCANNED));
    parseLayout(await ocrPdfPages(SCANNED, scannedPages, { cacheDir }));
    return { bornDigital, scanned: { pages: scannedPages.length, msPerPage: (performance.now() - started) / scannedPages.length, concurrency: availableParallelism() } };
  } catch (error) {
    if (error instanceof OcrUnavailableError) return { bornDigital, scanned: { skipped: error.message } };
    throw error;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
