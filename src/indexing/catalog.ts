/**
 * The paragraphs of a corpus as the engine holds them: one flat, numbered list (the number is the
 * FlexSearch id), each entry knowing its document and section, so a hit carries everything a result
 * shows without another lookup.
 */
import type { Corpus, Document, DocumentType, Paragraph, Section, TopicLabel } from '../model/corpus.js';
import { facetCodes, type FacetCodes } from './facet-codes.js';

/** A paragraph with all a result shows of it. */
export interface Entry {
  id: string;
  docId: string;
  docTitle: string;
  type: DocumentType;
  year: number;
  section: string;
  sectionTitle: string;
  heading?: string;
  anchor: string;
  text: string;
  topics: string[];
  sources: string[];
  /** Position under its heading (or in its section when it has none), from 1. */
  ordinal: number;
  /** Number of its block: the consecutive paragraphs of one document under one section and heading. */
  block: number;
}

export class Catalog {
  readonly entries: Entry[] = [];
  private readonly byId = new Map<string, number>();
  private readonly documents = new Map<string, Document>();

  readonly topics: TopicLabel[];
  /** Year, type and topic of every entry as small numbers (years numbered newest first). */
  readonly facetCodes: FacetCodes;

  constructor(readonly corpus: Corpus) {
    this.topics = corpus.topics;
    for (const doc of corpus.documents) {
      this.documents.set(doc.id, doc);
      for (const section of doc.sections) for (const p of section.paragraphs) this.add(doc, section, p);
    }
    this.facetCodes = facetCodes(this.entries);
  }

  private add(doc: Document, section: Section, p: Paragraph): void {
    this.byId.set(p.id, this.entries.length);
    const previous = this.entries[this.entries.length - 1];
    const sameBlock = previous?.docId === doc.id && previous.section === section.number && previous.sectionTitle === section.title && previous.heading === p.heading;
    const entry: Entry = {
      id: p.id,
      docId: doc.id,
      docTitle: doc.title,
      type: doc.type,
      year: doc.year,
      section: section.number,
      sectionTitle: section.title,
      anchor: p.anchor,
      text: p.text,
      topics: p.topics,
      sources: p.sources ?? doc.sources.filter((s) => s.canonical).map((s) => s.file),
      ordinal: sameBlock ? previous.ordinal + 1 : 1,
      block: sameBlock ? previous.block : (previous?.block ?? -1) + 1,
    };
    if (p.heading) entry.heading = p.heading;
    this.entries.push(entry);
  }

  get size(): number {
    return this.entries.length;
  }

  get newestYear(): number {
    return this.facetCodes.year.values[0] ?? new Date().getFullYear();
  }

  indexOf(paragraphId: string): number | undefined {
    return this.byId.get(paragraphId);
  }

  document(id: string): Document | undefined {
    return this.documents.get(id);
  }

  allDocuments(): Document[] {
    return this.corpus.documents;
  }

  topicLabel(id: string): string {
    return this.topics.find((t) => t.id === id)?.label ?? id;
  }

  /** A document type's Norwegian label; a type without one is shown as it is written. */
  typeLabel(id: string): string {
    return this.corpus.types.find((t) => t.id === id)?.label ?? id;
  }
}
