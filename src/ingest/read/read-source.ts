/**
 * A source file's bytes as what ingest works with, by what the bytes are: a text file decoded and
 * recognised by the shape of its text; a Word file or a saved web page read into blocks by the layout
 * its markup gives; a PDF's printed lines from its text layer, and a scanned page's or image's from
 * OCR — parsed into blocks later, with the corpus's words at hand. Nothing is taken from the name.
 */
import type { SourceKind } from '../../model/corpus.js';
import { looksLikeOcrDamage } from '../ocr/repair.js';
import { blocksText, type ParsedSource } from '../parse/blocks.js';
import { parseHtml } from '../parse/html.js';
import type { LayoutLine } from '../parse/layout-line.js';
import { decodeSource, UnreadableSourceError } from './decode.js';
import { detectShape } from './detect-shape.js';
import { readPdf } from './pdf.js';
import { sniffKind } from './sniff.js';
import { ocrImage, ocrPdfPages } from './tesseract.js';
import { readWord } from './word.js';

/** A source file read, with its text and, where its form gives them, its blocks. */
export interface ReadSource {
  file: string;
  bytes: Buffer;
  /** The text as decoded; for a file read into blocks, the blocks' running text. */
  text: string;
  /** How the text was had: `utf-8`, `windows-1252`, `Word (mammoth)`, … */
  encoding: string;
  kind: SourceKind;
  /** Blocks read from the file's own markup (Word, a web page). */
  parsed?: ParsedSource;
  /** Printed lines with their places and type (a PDF, a scan), for the layout parser. */
  lines?: LayoutLine[];
}

export interface ReadOptions {
  /** Where the file is, for the programs that read it there (pdftoppm, tesseract). */
  path: string;
  /** Where OCR output is kept between runs. */
  ocrCacheDir: string;
  /** Hears each page as it is OCR'd. */
  onPage?: (done: number, total: number) => void;
  /** Read only what has text of its own: a scan is refused rather than OCR'd (for the clean text of a corpus). */
  withoutOcr?: boolean;
}

/** Throws UnreadableSourceError for what cannot be a source (binary, empty, damaged, a zip that is not Word). */
export async function readSource(file: string, bytes: Buffer, options: ReadOptions): Promise<ReadSource> {
  switch (sniffKind(bytes)) {
    case 'pdf': {
      const pdf = await readPdf(bytes);
      if (options.withoutOcr && pdf.scannedPages.length) throw new UnreadableSourceError('it is scanned, and OCR was not asked for');
      const ocr = { cacheDir: options.ocrCacheDir, ...(options.onPage ? { onPage: options.onPage } : {}) };
      const scanned = pdf.scannedPages.length ? await ocrPdfPages(options.path, pdf.scannedPages, ocr) : [];
      const lines = [...pdf.lines, ...scanned].sort((a, b) => a.page - b.page);
      // Mostly scanned pages, or a text layer some scanner's OCR made without æ, ø and å: a scan.
      const ocrText = pdf.scannedPages.length * 2 > pdf.pages;
      const scan = ocrText || looksLikeOcrDamage(linesText(lines));
      return fromLines(file, bytes, scan ? 'scan' : 'pdf', ocrText ? 'OCR (Tesseract)' : scan ? 'PDF text layer (OCR)' : 'PDF text layer', lines);
    }
    case 'image':
      if (options.withoutOcr) throw new UnreadableSourceError('it is an image, and OCR was not asked for');
      return fromLines(file, bytes, 'scan', 'OCR (Tesseract)', await ocrImage(options.path, { cacheDir: options.ocrCacheDir, ...(options.onPage ? { onPage: options.onPage } : {}) }));
    case 'word':
      return fromBlocks(file, bytes, 'word', 'Word (mammoth)', parseHtml(await readWord(bytes)));
    case 'html': {
      const { text, encoding } = decodeSource(bytes);
      return fromBlocks(file, bytes, 'html', encoding, parseHtml(text));
    }
    case 'zip':
      throw new UnreadableSourceError('the file is a zip archive, not a Word document');
    default:
      return readTextSource(file, bytes);
  }
}

/** A text file: decoded, and recognised by the shape of its text. */
export function readTextSource(file: string, bytes: Buffer): ReadSource {
  const { text, encoding } = decodeSource(bytes);
  return { file, bytes, text, encoding, kind: detectShape(text, looksLikeOcrDamage) };
}

function fromLines(file: string, bytes: Buffer, kind: SourceKind, encoding: string, lines: LayoutLine[]): ReadSource {
  if (!lines.some((line) => /\p{L}{2}/u.test(line.runs.map((r) => r.text).join('')))) throw new UnreadableSourceError('no text was found on its pages');
  return { file, bytes, text: linesText(lines), encoding, kind, lines };
}

/** Printed lines as running text, a line a line, a blank line between pages. */
function linesText(lines: LayoutLine[]): string {
  return lines.map((line, i) => `${i > 0 && line.page !== lines[i - 1]!.page ? '\n' : ''}${line.runs.map((r) => `${r.spaceBefore ? ' ' : ''}${r.text}`).join('').trim()}`).join('\n');
}

function fromBlocks(file: string, bytes: Buffer, kind: SourceKind, encoding: string, parsed: ParsedSource): ReadSource {
  return { file, bytes, text: blocksText(parsed.blocks), encoding, kind, parsed };
}
