/**
 * The flat block stream every source parser produces. Parsers only recognise layout; turning blocks into
 * numbered Sections and Paragraphs is one shared step (sections.ts), so every source shape is sectioned
 * by the same rules.
 */
import { toSuperscript } from './footnote-markers.js';

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

/** Every piece of text the blocks hold, in reading order: headings, paragraphs, list items, table cells, footnotes. */
export function textsOf(blocks: Block[]): string[] {
  const out: string[] = [];
  const item = (i: ListItem) => {
    out.push(i.text);
    i.children.forEach(item);
  };
  for (const b of blocks) {
    if (b.kind === 'list') b.items.forEach(item);
    else if (b.kind === 'table') for (const row of b.rows) out.push(...row);
    else out.push(b.text);
  }
  return out;
}

/** The blocks with their pieces of text replaced, in the order `textsOf` gives them. */
export function withTexts(blocks: Block[], texts: string[]): Block[] {
  let k = 0;
  const next = () => texts[k++]!;
  const item = (i: ListItem): ListItem => ({ text: next(), children: i.children.map(item) });
  return blocks.map((b): Block => (b.kind === 'list' ? { ...b, items: b.items.map(item) } : b.kind === 'table' ? { ...b, rows: b.rows.map((row) => row.map(next)) } : { ...b, text: next() }));
}

/** The blocks as a reader would write them out: headings and paragraphs apart, items as "- ", rows as "cell | cell", footnotes last. */
export function readableText(blocks: Block[]): string {
  const item = (i: ListItem, depth: number): string[] => [`${'  '.repeat(depth)}- ${i.text}`, ...i.children.flatMap((c) => item(c, depth + 1))];
  const body = blocks.filter((b) => b.kind !== 'footnote').map((b) => (b.kind === 'list' ? b.items.flatMap((i) => item(i, 0)).join('\n') : b.kind === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.text));
  const notes = blocks.flatMap((b) => (b.kind === 'footnote' ? [`${toSuperscript(b.number)} ${b.text}`] : []));
  return `${[...body, ...notes].join('\n\n')}\n`;
}
