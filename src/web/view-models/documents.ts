/**
 * The list of documents as the pages show it: each with its address, type label and date in Norwegian.
 */
import type { Catalog } from '../../indexing/catalog.js';
import { isScanned } from '../../model/corpus.js';
import type { DocumentSummary } from '../../search/document-summary.js';
import { formatDate } from '../norwegian.js';
import { documentUrl } from '../urls.js';

export interface DocumentItem extends DocumentSummary {
  url: string;
  typeLabel: string;
  /** The date as Norwegian writes it, or null. */
  dateText: string | null;
  scanned: boolean;
}

export function documentsView(summaries: DocumentSummary[], catalog: Catalog): DocumentItem[] {
  return summaries.map((d) => ({
    ...d,
    url: documentUrl(d.id),
    typeLabel: catalog.typeLabel(d.type),
    dateText: d.date ? formatDate(d.date) : null,
    scanned: d.sources.some((s) => isScanned(s.kind)),
  }));
}
