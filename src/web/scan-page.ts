import type { Document, RepairSummary, SourceParagraph } from '../model.js';
import { paragraphUrl } from '../search/catalog.js';
import { escapeHtml } from '../search/snippet.js';

/**
 * The scanned source of a letter as OCR repair left it, every repaired word marked with what the scan
 * said, and each paragraph linked to the clean paragraph it matches.
 */
export interface ScanView {
  doc: Document;
  scans: { file: string; repairs: RepairSummary | null; paragraphs: { html: string; url: string | null }[] }[];
}

/** Null when the document has no scanned source. */
export function scanView(doc: Document): ScanView | null {
  const scans = doc.sources
    .filter((s) => s.kind === 'ocr' && s.paragraphs)
    .map((s) => ({
      file: s.file,
      repairs: s.repairs ?? null,
      paragraphs: s.paragraphs!.map((p) => ({
        html: repairedHtml(p),
        url: p.matches ? paragraphUrl({ docId: doc.id, anchor: p.matches.slice(doc.id.length + 1) }) : null,
      })),
    }));
  return scans.length ? { doc, scans } : null;
}

export function repairedHtml({ text, repairs }: Pick<SourceParagraph, 'text' | 'repairs'>): string {
  let out = '';
  let at = 0;
  for (const r of [...repairs].sort((a, b) => a.start - b.start)) {
    if (r.start < at || r.end > text.length) continue;
    out += `${escapeHtml(text.slice(at, r.start))}<ins class="repair" title="${escapeHtml(`OCR: ${r.from}`)}">${escapeHtml(text.slice(r.start, r.end))}</ins>`;
    at = r.end;
  }
  return out + escapeHtml(text.slice(at));
}
