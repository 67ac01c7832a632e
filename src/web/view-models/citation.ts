/**
 * How a paragraph is quoted in notes and e-mails: the text, then where it stands — letter, section,
 * sub-heading. The page adds the link (the client knows the address it was reached at).
 */
import { footnoteNumber } from '../../model/anchors.js';
import type { Document, Paragraph, Section } from '../../model/corpus.js';
import { sectionName } from './place.js';

/** The quotation of one paragraph of a document. */
export function citation(doc: Document, section: Section, paragraph: Paragraph): string {
  const place = section.role === 'footnotes' ? [`fotnote ${footnoteNumber(paragraph.anchor) ?? ''}`] : [sectionName(section), paragraph.heading ? `«${paragraph.heading}»` : ''];
  const title = doc.title.includes(String(doc.year)) ? doc.title : `${doc.title} (${doc.year})`;
  return `«${paragraph.text.replace(/\s*\n\s*/g, ' ')}» (${[title, ...place].filter(Boolean).join(', ')})`;
}
