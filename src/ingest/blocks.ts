/**
 * The flat block stream every source parser produces. Parsers only recognise layout; turning blocks into
 * numbered Sections and Paragraphs is one shared step (sections.ts), so every source shape is sectioned
 * by the same rules.
 */
export type Block = HeadingBlock | TextBlock | ListBlock | TableBlock | FootnoteBlock;

/** A heading line as printed. Whether it is a numbered section is decided later, from its number. */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
  /** Markdown `#` depth when the source had one; plain-text headings have none. */
  depth?: number;
}

export interface TextBlock {
  kind: 'text';
  text: string;
  /** A page or column break ends this block; the text may continue in the next text block. */
  brokenByPage?: boolean;
}

export interface ListBlock {
  kind: 'list';
  items: ListItem[];
}

export interface ListItem {
  text: string;
  children: ListItem[];
}

export interface TableBlock {
  kind: 'table';
  /** Cells as readable text; a cell holding a list joins its items with "; ". */
  rows: string[][];
}

export interface FootnoteBlock {
  kind: 'footnote';
  number: string;
  text: string;
}

/** Boilerplate a parser dropped on purpose (named in the ingest report). */
export interface Dropped {
  what: string;
  /** The text left out, so a reader (and the nothing-lost test) can see exactly what went. */
  text: string;
  words: number;
}

export interface ParsedSource {
  blocks: Block[];
  dropped: Dropped[];
}
