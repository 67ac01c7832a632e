/**
 * The flat block stream every source parser produces. Parsers only recognise layout; turning blocks into
 * numbered Sections and Paragraphs is one shared step (sections.ts), so every source shape is sectioned
 * by the same rules.
 */

/** One unit of layout a parser recognised. */
export type Block = HeadingBlock | TextBlock | ListBlock | TableBlock | FootnoteBlock;

/** A heading line as printed. Whether it is a numbered section is decided later, from its number. */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

export interface TextBlock {
  kind: 'text';
  text: string;
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

/** The running text of blocks, one block a line: what metadata is read from and twins are compared by. */
export function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.kind === 'heading' || b.kind === 'text' ? b.text : b.kind === 'list' ? b.items.map((i) => i.text).join('\n') : ''))
    .join('\n');
}
