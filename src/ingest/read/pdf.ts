/**
 * A born-digital PDF's text layer → the printed lines parseLayout reads, with pdf.js (its legacy build,
 * which runs in Node; in this thread, no worker). Each text item is read with its transform — where it
 * stands, how large — and its font, whose name tells bold; nothing is rendered. Pages are read one at a
 * time and let go, so time and memory grow with the page count. A page with (next to) no text is a
 * scan: it is named for OCR, not an error. A file pdf.js cannot open — truncated, damaged, locked with
 * a password — is refused with a message saying which.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LayoutLine } from '../parse/layout-line.js';
import { UnreadableSourceError } from './decode.js';
import { buildLines, type TextPiece } from './layout-lines.js';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs.js';

export interface PdfText {
  pages: number;
  /** The lines of every page that has a text layer, page by page. */
  lines: LayoutLine[];
  /** Pages (1-based) with no text layer to speak of: scans, to be OCR'd. */
  scannedPages: number[];
}

export interface PdfOptions {
  /** Called after each page is read. */
  onPage?: (done: number, total: number) => void;
}

type TextItem = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], { str: string }>;

/** A page with fewer letters than this in its text layer is a scan (perhaps with a stamped page number). */
const SCANNED_BELOW_LETTERS = 20;
const BOLD_FONT = /bold|black|heavy|semibold|demi/i;

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfText> {
  checkWhole(bytes);
  const { getDocument, Util } = await import('./pdfjs.js');
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw refusal(error);
  }
  try {
    const lines: LayoutLine[] = [];
    const scannedPages: number[] = [];
    const fonts = new FontWeights();
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PDFPageProxy | undefined;
      try {
        page = await doc.getPage(n);
        const pageLines = await readPage(page, n, fonts, Util.transform);
        if (pageLines) lines.push(...pageLines);
        else scannedPages.push(n);
      } catch (error) {
        throw new UnreadableSourceError(`page ${n} of the PDF cannot be read (${(error as Error).message})`);
      } finally {
        page?.cleanup();
      }
      options.onPage?.(n, doc.numPages);
    }
    return { pages: doc.numPages, lines, scannedPages };
  } finally {
    await task.destroy();
  }
}

/** A download cut short lacks the end-of-file marker every PDF closes with; pdf.js would read what is left. */
function checkWhole(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableSourceError('the file is empty');
  const latin1 = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');
  if (!latin1(0, Math.min(bytes.length, 1024)).includes('%PDF-')) throw new UnreadableSourceError('not a PDF: it does not start with %PDF-');
  if (!latin1(Math.max(0, bytes.length - 2048), bytes.length).includes('%%EOF')) {
    throw new UnreadableSourceError('the PDF is truncated: it ends before its %%EOF marker');
  }
}

function refusal(error: unknown): UnreadableSourceError {
  const { name, message } = error as Error;
  if (name === 'PasswordException') return new UnreadableSourceError('the PDF is encrypted: it opens only with a password');
  if (name === 'InvalidPDFException') return new UnreadableSourceError(`the PDF is damaged (${message})`);
  return new UnreadableSourceError(`the PDF cannot be read (${message})`);
}

/** The page's lines, or null when it has no text layer to speak of. */
async function readPage(page: PDFPageProxy, n: number, fonts: FontWeights, transform: (a: number[], b: number[]) => number[]): Promise<LayoutLine[] | null> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
  const letters = items.reduce((count, item) => count + (item.str.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < SCANNED_BELOW_LETTERS) return null;
  await fonts.learn(page, items);
  const pieces: TextPiece[] = [];
  for (const item of items) {
    // Into the page's own top-down coordinates, its /Rotate applied.
    const [a, b, c, d, x, baseline] = transform(viewport.transform, item.transform);
    const size = Math.hypot(c!, d!);
    // Turned text (a watermark, a rotated table head) is not part of the reading order.
    if (!(a! > 0) || Math.abs(b!) > size * 0.05 || Math.abs(c!) > size * 0.05) continue;
    pieces.push({ text: item.str, x: x!, right: x! + item.width, baseline: baseline!, size, bold: fonts.isBold(item.fontName) });
  }
  return buildLines(pieces, { page: n, width: viewport.width, height: viewport.height });
}

/**
 * Whether each of the document's fonts is bold, from the font's name ("…+LiberationSans-Bold"). The
 * text layer names fonts only by pdf.js's ids; the fonts themselves reach the page's common objects
 * when the page's operators are read, which is needed once per new font, not once per page.
 */
class FontWeights {
  private readonly bold = new Map<string, boolean>();

  async learn(page: PDFPageProxy, items: TextItem[]): Promise<void> {
    const unknown = [...new Set(items.map((i) => i.fontName))].filter((id) => !this.bold.has(id));
    if (!unknown.length) return;
    await page.getOperatorList();
    for (const id of unknown) {
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string; bold?: boolean; black?: boolean }) : undefined;
      this.bold.set(id, Boolean(font?.bold || font?.black || BOLD_FONT.test(font?.name ?? '')));
    }
  }

  isBold(id: string): boolean {
    return this.bold.get(id) ?? false;
  }
}
