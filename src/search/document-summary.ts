/**
 * Documents as lists show them: metadata and size, without their text.
 */
import type { Document, Source } from '../model/corpus.js';
import type { Catalog } from '../indexing/catalog.js';

/** A document as a list shows it: its metadata and size, without its text. */
export interface DocumentSummary {
  id: string;
  type: Document['type'];
  year: number;
  title: string;
  date: string | null;
  saksnr: string | null;
  sources: Omit<Source, 'paragraphs'>[];
  sectionCount: number;
  paragraphCount: number;
}

/** Every document, newest first. */
export function documentSummaries(catalog: Catalog): DocumentSummary[] {
  return catalog
    .allDocuments()
    .map((doc) => ({
      id: doc.id,
      type: doc.type,
      year: doc.year,
      title: doc.title,
      date: doc.date ?? null,
      saksnr: doc.saksnr ?? null,
      // A scan's repaired paragraphs belong to the document view, not to a list.
      sources: doc.sources.map(({ paragraphs: _paragraphs, ...source }) => source),
      sectionCount: doc.sections.length,
      paragraphCount: doc.sections.reduce((n, s) => n + s.paragraphs.length, 0),
    }))
    .sort((a, b) => b.year - a.year || a.title.localeCompare(b.title, 'nb'));
}
