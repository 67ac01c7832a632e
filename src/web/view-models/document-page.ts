/**
 * What the document page shows: metadata, sources, a table of contents, and every section with its
 * paragraphs ready to render — each with its anchor, a citation, its footnote links, its law
 * references linked and, when the page was opened from a search, the query's matches marked.
 */
import { footnoteAnchor, footnoteNumber } from '../../model/anchors.js';
import { isScanned, type Document, type Section } from '../../model/corpus.js';
import type { SearchEngine } from '../../search/engine.js';
import { inlineHtml, paragraphHtml } from '../html.js';
import { lawLinks } from '../law-links.js';
import { formatDate, SOURCE_KIND_LABELS } from '../norwegian.js';
import { compareUrl, documentUrl, scanUrl, searchUrl } from '../urls.js';
import { citation } from './citation.js';

export interface DocumentView {
  doc: Document;
  typeLabel: string;
  date: string | null;
  sources: { file: string; kind: string; canonical: boolean; repairs: number | null; scanUrl: string | null }[];
  toc: { anchor: string; number: string; title: string; level: number }[];
  sections: SectionView[];
  /** Set when the page was opened with `?q=`. */
  query: { q: string; paragraphs: number; searchUrl: string; plainUrl: string } | null;
}

export interface SectionView {
  anchor: string;
  number: string;
  title: string;
  /** The title as HTML, its footnote markers linked. */
  titleHtml: string;
  /** h2 for chapters, h3 and h4 below; sub-headings one level deeper. */
  level: 2 | 3 | 4;
  footnotes: boolean;
  paragraphs: ParagraphView[];
}

export interface ParagraphView {
  anchor: string;
  /** The sub-heading, on the first paragraph under it. */
  heading: string | null;
  html: string;
  citation: string;
  compareUrl: string | null;
  matched: boolean;
  /** On a footnote: its number. */
  footnote: string | null;
  /** On a footnote: the paragraph that refers to it. */
  referredFrom: string | null;
}

export function documentView(engine: SearchEngine, doc: Document, q: string): DocumentView {
  const matches = q ? engine.documentMatches(doc.id, q) : undefined;
  const anchors = new Set(doc.sections.flatMap((s) => s.paragraphs.map((p) => p.anchor)));
  const existingFootnote = (n: string) => (anchors.has(footnoteAnchor(n)) ? footnoteAnchor(n) : undefined);
  const referredFrom = new Map<string, string>();
  for (const p of doc.sections.flatMap((s) => s.paragraphs)) {
    for (const ref of p.footnotes ?? []) if (!referredFrom.has(footnoteAnchor(ref.number))) referredFrom.set(footnoteAnchor(ref.number), p.anchor);
  }
  const comparable = engine.catalog.allDocuments().some((d) => d.type === doc.type && d.year !== doc.year);
  const links = lawLinks(engine.laws);
  let matchedParagraphs = 0;

  const sections = doc.sections.map((section): SectionView => {
    let previousHeading: string | undefined;
    const paragraphs = section.paragraphs.map((p): ParagraphView => {
      const html = paragraphHtml(p.text, { footnotes: p.footnotes ?? [], footnoteAnchor: existingFootnote, links: links(p.text), ...(matches ? { matches: matches.get(p.id) ?? [] } : {}) });
      const matched = html.includes('<mark>');
      if (matched) matchedParagraphs++;
      const heading = p.heading && p.heading !== previousHeading ? p.heading : null;
      previousHeading = p.heading;
      return {
        anchor: p.anchor,
        heading,
        html,
        citation: citation(doc, section, p),
        compareUrl: comparable && section.role !== 'footnotes' ? compareUrl(p.id) : null,
        matched,
        footnote: section.role === 'footnotes' ? footnoteNumber(p.anchor) : null,
        referredFrom: referredFrom.get(p.anchor) ?? null,
      };
    });
    const titleHtml = inlineHtml(section.title, { footnotes: section.footnotes ?? [], footnoteAnchor: existingFootnote })();
    return { anchor: section.anchor, number: section.number, title: section.title, titleHtml, level: headingLevel(section), footnotes: section.role === 'footnotes', paragraphs };
  });

  return {
    doc,
    typeLabel: engine.catalog.typeLabel(doc.type),
    date: doc.date ? formatDate(doc.date) : null,
    sources: doc.sources.map((s) => ({
      file: s.file,
      kind: SOURCE_KIND_LABELS[s.kind],
      canonical: s.canonical,
      repairs: s.repairs?.total ?? null,
      scanUrl: isScanned(s.kind) && s.paragraphs ? scanUrl(doc.id) : null,
    })),
    toc: sections.filter((s) => s.title).map((s) => ({ anchor: s.anchor, number: s.number, title: s.title, level: s.level })),
    sections,
    query: q ? { q, paragraphs: matchedParagraphs, searchUrl: searchUrl({ q }), plainUrl: documentUrl(doc.id) } : null,
  };
}

function headingLevel(section: Section): SectionView['level'] {
  return section.level <= 1 ? 2 : section.level === 2 ? 3 : 4;
}
