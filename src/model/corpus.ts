/**
 * The one shape every stage speaks: a Corpus of Documents, each a list of Sections holding Paragraphs.
 * Written by ingest as `corpus.json`; read by indexing, the stores, search and the web app.
 */

/** What kind of steering document a Document is: an id of the corpus's `types` ("mdb", "arsrapport", …). */
export type DocumentType = string;

/**
 * The form a source file arrived in, detected from its content: text files (Markdown, text extracted
 * from a PDF, an OCR'd scan as text, a web page's transcript) and published files (a PDF with a text
 * layer, a scanned PDF or image OCR'd here, a Word file, a saved web page).
 */
export type SourceKind = 'markdown' | 'pdf-text' | 'ocr' | 'web-transcript' | 'pdf' | 'scan' | 'word' | 'html';

/** A source read by OCR: its text was repaired, and it is never a document's canonical text when a clean twin exists. */
export function isScanned(kind: SourceKind): boolean {
  return kind === 'ocr' || kind === 'scan';
}

export interface Source {
  /** File name inside the corpus directory. */
  file: string;
  kind: SourceKind;
  /** The source whose text the document shows; a scanned twin is not canonical. */
  canonical: boolean;
  /** How the bytes were decoded (`utf-8`, `windows-1252`, `utf-8 (double-encoded)`). */
  encoding: string;
  /** SHA-256 of the raw bytes: lets the index notice a changed corpus. */
  sha256: string;
  /** OCR repairs applied to this source, if it was scanned. */
  repairs?: RepairSummary;
  /**
   * The paragraphs of a non-canonical source as repaired, each linked to the canonical paragraph it
   * matches (if any), so the scan can be shown with its repairs marked.
   */
  paragraphs?: SourceParagraph[];
}

export interface RepairSummary {
  /** Number of words changed. */
  total: number;
  /** Most frequent repairs, `from → to` with counts. */
  top: { from: string; to: string; count: number }[];
}

export interface SourceParagraph {
  /** Canonical paragraph id this paragraph matches, when one does. */
  matches?: string;
  /** The section (number and title) and the sub-heading this paragraph opens in its source, as the source prints them. */
  section?: string;
  heading?: string;
  /** Repaired text. */
  text: string;
  /** Character spans in `text` that OCR repair changed, with the original OCR text. */
  repairs: { start: number; end: number; from: string }[];
}

/** Where a footnote is referenced: its number, and the offset in the paragraph text the marker follows. */
export interface FootnoteRef {
  number: string;
  at: number;
}

export interface Paragraph {
  /** Globally unique, readable and stable: `<docId>/<anchor>`. */
  id: string;
  /** Fragment id on the document page, e.g. `2.1.1-ungdomsgarantien-3`. */
  anchor: string;
  /** The unnumbered sub-heading the paragraph sits under ("Ungdomsgarantien"). */
  heading?: string;
  /** Clean, re-joined text. List items start with "- ", table rows are "cell | cell". */
  text: string;
  /** Topic ids from the taxonomy. */
  topics: string[];
  /** Footnotes referenced from this paragraph; the footnotes themselves are paragraphs `fotnote-<n>`. */
  footnotes?: FootnoteRef[];
  /** Source files this paragraph appears in (more than one for a letter with a scanned twin). */
  sources?: string[];
}

export interface Section {
  /** Section number as printed, without trailing dot ("2.1.1"); "" for the preamble. */
  number: string;
  title: string;
  /** 0 for the preamble, otherwise the depth of the number (1 for "2", 3 for "2.1.1"). */
  level: number;
  anchor: string;
  /** Footnotes referenced from the title (`at` counts in the title). */
  footnotes?: FootnoteRef[];
  /** The document's footnotes, collected into a last section titled "Fotnoter". */
  role?: 'footnotes';
  paragraphs: Paragraph[];
}

export interface Document {
  /** `mdb-2024`, `arsrapport-2014`. */
  id: string;
  type: DocumentType;
  year: number;
  title: string;
  /** ISO date (YYYY-MM-DD) when the letter states one. */
  date?: string;
  saksnr?: string;
  sources: Source[];
  sections: Section[];
}

export interface TopicLabel {
  id: string;
  label: string;
}

/** A kind of document with its Norwegian label. */
export interface TypeLabel {
  id: string;
  label: string;
}

/** A law the text may name: its Lovdata id and the names it goes by. */
export interface Law {
  /** Lovdata's id of the law (`2006-06-16-20`); its public page is https://lovdata.no/lov/<id>. */
  id: string;
  /** The name it is best known by ("NAV-loven"). */
  name: string;
  /** Every name it is written by, short and full ("arbeids- og velferdsforvaltningsloven"). */
  names: string[];
}

/** A short form and the long form the letters define it by: "AFT", "arbeidsforberedende trening". */
export interface Abbreviation {
  short: string;
  long: string;
  /** Learned from a definition in the text, or added by the corpus's data file. */
  source: 'learned' | 'data';
  /** For a learned pair: how many times the text defines it. */
  definitions?: number;
}

export interface Corpus {
  /** ISO timestamp of the ingest run. */
  builtAt: string;
  /** Hash over all source bytes and the taxonomy: equal fingerprints mean an identical corpus. */
  fingerprint: string;
  /** The taxonomy's topics, so readers can label the ids paragraphs carry. */
  topics: TopicLabel[];
  /** The kinds of document, so readers can label the type each document has. */
  types: TypeLabel[];
  /** Laws the text is read for (names and Lovdata ids); none when the corpus has no table of them. */
  laws?: Law[];
  /** Short forms and their long forms, learned from the text and edited by the corpus's data file. */
  abbreviations?: Abbreviation[];
  /** Groups of words meaning the same, a search for one also finding the others (ranked below it). */
  synonyms?: string[][];
  documents: Document[];
}
