/**
 * pdf.js as this project runs it: the legacy build, which runs in Node, with its worker loaded into this
 * thread first (pdf.js then uses it in place of a worker thread). Imported only when a PDF is read
 * (pdf.ts loads it on demand), so a process that never reads one does not carry the library.
 */
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

export { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
