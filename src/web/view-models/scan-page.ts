/**
 * The scanned source of a letter as OCR repair left it, every repaired word marked with what the scan
 * said, its law references linked, and each paragraph linked to the clean paragraph it matches.
 */
import { anchorOf } from '../../model/anchors.js';
import { isScanned, type Document, type RepairSummary } from '../../model/corpus.js';
import { repairedHtml } from '../html.js';
import type { LawLinks } from '../law-links.js';
import { documentUrl, paragraphUrl } from '../urls.js';

export interface ScanView {
  doc: Document;
  documentUrl: string;
  scans: { file: string; repairs: RepairSummary | null; paragraphs: ScanParagraph[] }[];
}

/** A paragraph of the scan, with the section and sub-heading it opens, if it opens one. */
interface ScanParagraph {
  section: string | null;
  heading: string | null;
  html: string;
  url: string | null;
}

/** Null when the document has no scanned source. */
export function scanView(doc: Document, links: LawLinks): ScanView | null {
  const scans = doc.sources
    .filter((s) => isScanned(s.kind) && s.paragraphs)
    .map((s) => ({
      file: s.file,
      repairs: s.repairs ?? null,
      paragraphs: s.paragraphs!.map((p) => ({
        section: p.section ?? null,
        heading: p.heading ?? null,
        html: repairedHtml(p.text, p.repairs, links(p.text)),
        url: p.matches ? paragraphUrl(doc.id, anchorOf(p.matches, doc.id)) : null,
      })),
    }));
  return scans.length ? { doc, documentUrl: documentUrl(doc.id), scans } : null;
}
