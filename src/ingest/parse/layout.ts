/**
 * Printed lines → blocks: the one layout parser for a born-digital PDF's text layer and for OCR of a
 * scan. Where the plain-text parser must guess from wrapped lines, this one reads the page as printed:
 * a heading is set larger or bold (OCR cannot see bold: there a short line standing apart, before a
 * sentence) and a numbered one continues the numbering; a paragraph ends where space was left below
 * it, where its line stopped short of the margin though the next word would have fitted, or where the
 * type changes; it runs on across a page break when its sentence had not ended and the next page goes
 * on in lower case. Bullets open list items, nested by how far they are indented; columns that line up
 * are a table; the small type at a page's foot is its footnotes, cited by raised markers; running
 * heads, feet and page numbers are dropped and named (page-furniture.ts).
 */
import type { Block, Dropped, ListItem, ParsedSource } from './blocks.js';
import type { LayoutLine, LayoutRun } from './layout-line.js';
import { BLOCK_SPACING, bulletOf, endsShort, LARGER, measureLayout, segments, spacing, type Bullet, type LayoutMetrics } from './layout-metrics.js';
import { findFurniture } from './page-furniture.js';
import { resolveMarkers, splitFootnotes, type PageNote } from './layout-footnotes.js';
import { findTables, type TableRegion } from './layout-tables.js';
import { continuesNumbering, parseNumberedHeading } from './section-number.js';
import { looksLikeHeading } from './heading-shape.js';
import { extractFootnoteRefs, markGluedFootnotes, toSuperscript } from './footnote-markers.js';
import { joinWrappedLines } from '../../text/wrap.js';

export type { LayoutLine, LayoutRun } from './layout-line.js';

export interface LayoutOptions {
  /** Decides line-end hyphenation (`funksjons-` + `nedsettelse`); see joinWrappedLines. */
  isWord?: (word: string) => boolean;
}

const ENDS_SENTENCE = /[.!?:;]["»”)]?$/u;
/** A line of a table of contents: a title, dot leaders, a page number. */
const TOC_ENTRY = /\S(?:\s?[.…]){4,}\s*\d{1,3}$/u;
/** Lines a heading may wrap onto. */
const HEADING_LINES = 3;

export function parseLayout(lines: LayoutLine[], options: LayoutOptions = {}): ParsedSource {
  const pages = byPage(lines);
  const metrics = measureLayout(pages);
  const { furniture, dropped } = findFurniture(pages, metrics);
  const reader = new BlockReader(metrics, options, lines.some((l) => l.bold), pages.length);
  let lastNote = 0;
  for (const page of pages) {
    const { body, notes } = splitFootnotes(page.filter((l) => !furniture.has(l)), metrics, lastNote);
    if (notes.length) lastNote = Number(notes[notes.length - 1]!.number);
    reader.readPage(body, notes);
  }
  return { blocks: reader.finish(), dropped: [...dropped, ...reader.dropped] };
}

/** Each page's lines, top to bottom. */
function byPage(lines: LayoutLine[]): LayoutLine[][] {
  const pages = new Map<number, LayoutLine[]>();
  for (const line of lines) {
    const page = pages.get(line.page);
    if (page) page.push(line);
    else pages.set(line.page, [line]);
  }
  return [...pages.keys()].sort((a, b) => a - b).map((page) => pages.get(page)!.sort((a, b) => a.y - b.y || a.x - b.x));
}

/** A paragraph or list item being read; `indent` is where its lines start, from the column's left edge. */
type Open = { kind: 'text' | 'item'; texts: string[]; indent: number; level: number };

/** Reads pages in order into blocks; a paragraph or list item left open at a page's end may go on. */
class BlockReader {
  private readonly blocks: Block[] = [];
  private open: Open | null = null;
  private items: { level: number; text: string }[] = [];
  /** How far in each open level of the list has its bullets. */
  private bulletIndents: number[] = [];
  private section: string | null = null;
  private readonly cited = new Set<string>();
  private readonly contents: string[] = [];

  constructor(
    private readonly metrics: LayoutMetrics,
    private readonly options: LayoutOptions,
    /** The source knows bold type (a PDF): then only emphasised lines are headings. */
    private readonly knowsBold: boolean,
    private readonly pageCount: number,
  ) {}

  readPage(lines: LayoutLine[], notes: PageNote[]): void {
    const markers = resolveMarkers(lines, notes);
    for (const n of markers.values()) this.cited.add(n);
    const text = (runs: LayoutRun[]) => compose(runs, markers);
    const tables = new Map(findTables(lines, this.metrics, { text, join: (l) => this.join(l) }).map((t) => [t.start, t]));
    let previous: LayoutLine | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // A table of contents repeats the headings with their page numbers; read as headings, it would spoil the numbering.
      if (this.isContentsEntry(line, text(line.runs))) {
        this.contents.push(text(line.runs));
        previous = line;
        continue;
      }
      const table = tables.get(i);
      if (table) {
        this.closeAll();
        this.addTable(table);
        i = table.end - 1;
        previous = lines[i]!;
        continue;
      }
      const heading = this.headingAt(lines, i, previous, text);
      if (heading) {
        this.closeAll();
        this.blocks.push({ kind: 'heading', text: heading.text });
        if (heading.number) this.section = heading.number;
        i = heading.end - 1;
        previous = lines[i]!;
        continue;
      }
      const bullet = this.bulletOf(line) ?? this.unreadBullet(line, previous);
      if (bullet) {
        this.closeOpen();
        const level = this.levelOf(this.indent(line, bullet.x), line.size);
        this.open = { kind: 'item', texts: [text(bullet.runs)], indent: this.indent(line, bullet.textX), level };
      } else if (this.open && this.continues(this.open, previous, line, text(line.runs))) {
        this.open.texts.push(text(line.runs));
        // After an indented first line, the paragraph's other lines start at the margin.
        if (this.open.kind === 'text') this.open.indent = this.indent(line, line.x);
      } else {
        this.closeAll();
        this.open = { kind: 'text', texts: [text(line.runs)], indent: this.indent(line, line.x), level: 0 };
      }
      previous = line;
    }
    for (const note of notes) this.blocks.push({ kind: 'footnote', number: note.number, text: this.join(note.lines.map((l) => text(l.runs))) });
  }

  /** What the reader left out on purpose, named for the report. */
  get dropped(): Dropped[] {
    const text = this.contents.join(' ');
    return text ? [{ what: 'table of contents', text, words: text.split(/\s+/).length }] : [];
  }

  finish(): Block[] {
    this.closeAll();
    return this.markUncitedFootnotes();
  }

  /**
   * A heading at line `i` (wrapped onto up to two more lines of its type), or null. It must stand
   * apart from the text around it and have a heading's shape; a numbered one must continue the
   * numbering. Without bold to go by (OCR), a line of body type is a heading only when space sets
   * it off above and a sentence starts below.
   */
  private headingAt(lines: LayoutLine[], i: number, previous: LayoutLine | null, text: (runs: LayoutRun[]) => string) {
    const line = lines[i]!;
    const emphasised = line.bold || line.size >= this.metrics.bodySize * LARGER;
    if ((!emphasised && this.knowsBold) || this.bulletOf(line)) return null;
    let end = i + 1;
    while (end < lines.length && end - i < HEADING_LINES && !this.breaksBetween(lines[end - 1]!, lines[end]!) && !this.bulletOf(lines[end]!)) end++;
    const after = lines[end];
    if (previous && this.open && !this.breaksBetween(previous, line)) return null;
    if (after && !this.breaksBetween(lines[end - 1]!, after)) return null;
    const heading = this.join(lines.slice(i, end).map((l) => text(l.runs)));
    const clean = extractFootnoteRefs(heading).text;
    const numbered = parseNumberedHeading(clean);
    if (numbered) {
      if (!continuesNumbering(this.section, numbered.number) || (!emphasised && !looksLikeHeading(numbered.title, 160))) return null;
      return { text: heading, end, number: numbered.number };
    }
    if (!emphasised) {
      const spacedAbove = !previous || spacing(previous, line, this.metrics) > BLOCK_SPACING;
      const sentenceBelow = after !== undefined && /^[\p{Lu}«"(\d]/u.test(text(after.runs)) && !this.bulletOf(after);
      if (end - i > 1 || !spacedAbove || !sentenceBelow || !looksLikeHeading(clean)) return null;
    } else if (!looksLikeHeading(clean, 160)) return null;
    return { text: heading, end, number: undefined };
  }

  /**
   * "2.1 Gjennomføre … 5": a title with dot leaders; or, before the first numbered heading, a numbered
   * title with a page number of this document set apart at its end.
   */
  private isContentsEntry(line: LayoutLine, text: string): boolean {
    if (TOC_ENTRY.test(text)) return true;
    const parts = segments(line).map((part) => part.map((r) => r.text).join(' '));
    const page = /^\d{1,3}$/.test(parts[parts.length - 1]!) ? Number(parts[parts.length - 1]) : Infinity;
    return this.section === null && parts.length >= 2 && page <= this.pageCount && parseNumberedHeading(parts[0]!) !== null;
  }

  /**
   * Whether a block ends between two lines of a page: space left, a line stopped short (unless on a
   * word broken by a hyphen), a change of type — in OCR, whose sizes are measured, a clear one.
   */
  private breaksBetween(above: LayoutLine, below: LayoutLine): boolean {
    const broken = /\p{Ll}[-\u00AD\u2010]$/u.test(above.runs[above.runs.length - 1]!.text);
    return (
      spacing(above, below, this.metrics) > BLOCK_SPACING ||
      (!broken && endsShort(above, below, this.metrics)) ||
      Math.abs(above.size - below.size) > this.metrics.bodySize * (this.knowsBold ? 0.08 : 0.15) ||
      above.bold !== below.bold
    );
  }

  /** How far `x` on the line's page is from the page's text column: pages of a scan lie shifted. */
  private indent(line: LayoutLine, x: number): number {
    return x - this.metrics.column(line.page).left;
  }

  /** Whether `line` carries on the open paragraph or item; `previous` is null at the top of a page. */
  private continues(open: Open, previous: LayoutLine | null, line: LayoutLine, text: string): boolean {
    const indent = this.indent(line, line.x);
    const aligned = Math.abs(indent - open.indent) < line.size * 0.6;
    if (!previous) {
      // Across a page break: the sentence had not ended and the new page goes on in lower case.
      const last = open.texts[open.texts.length - 1]!;
      return !ENDS_SENTENCE.test(last) && /^\p{Ll}/u.test(text) && (open.kind === 'text' || aligned);
    }
    if (this.breaksBetween(previous, line)) return false;
    if (open.kind === 'item') return aligned;
    // A first line indented further than the rest of its paragraph; an indented line after one is a new paragraph.
    return aligned || (open.texts.length === 1 && Math.abs(indent) < line.size * 0.6);
  }

  /** The line's bullet; without bold to go by (OCR) also what OCR reads a bullet as. */
  private bulletOf(line: LayoutLine) {
    return bulletOf(line.runs, !this.knowsBold);
  }

  /**
   * In a list being read from OCR, the next item whose bullet OCR did not read as one: a sign glued to
   * the item's first word at the bullets' indent ("«Bidra til …"), or a new block at the items' text
   * indent, its bullet lost.
   */
  private unreadBullet(line: LayoutLine, previous: LayoutLine | null): Bullet | null {
    const open = this.open;
    if (this.knowsBold || open?.kind !== 'item' || !previous) return null;
    const bulletIndent = this.bulletIndents[open.level - 1]!;
    const indent = this.indent(line, line.x);
    const at = (target: number, within = line.size * 0.6) => Math.abs(indent - target) < within;
    const first = line.runs[0]!;
    const glued = /^[«•*°©®»+·](?=\p{Lu})/u.exec(first.text);
    // Nearer the bullets than the margin: a line at the margin opening with «…» is a quotation.
    if (glued && bulletIndent > line.size * 0.25 && at(bulletIndent, Math.min(line.size * 0.6, bulletIndent / 2))) {
      // The glyph's box swallowed the gap to the text: the text starts where the list's items do.
      const textX = this.metrics.column(line.page).left + open.indent;
      return { x: line.x, textX, runs: [{ ...first, text: first.text.slice(1), x: textX }, ...line.runs.slice(1)] };
    }
    if (at(open.indent) && /^\p{Lu}/u.test(first.text) && this.breaksBetween(previous, line)) {
      return { x: this.metrics.column(line.page).left + bulletIndent, textX: line.x, runs: line.runs };
    }
    return null;
  }

  /** The list level of a bullet indented so far: deeper for each indent, back up when it returns to an outer one. */
  private levelOf(indent: number, size: number): number {
    if (!this.items.length) this.bulletIndents = [];
    const levels = this.bulletIndents;
    while (levels.length && indent < levels[levels.length - 1]! - size * 0.5) levels.pop();
    const top = levels[levels.length - 1];
    if (top === undefined || indent > top + size * 0.5) levels.push(indent);
    return levels.length;
  }

  private addTable(table: TableRegion): void {
    if (table.fields) {
      for (const row of table.rows) this.blocks.push({ kind: 'text', text: row.filter(Boolean).join(' ') });
      return;
    }
    // A table that goes on from the page before (its head row repeated or not) is one table.
    const before = this.blocks.findLast((b) => b.kind !== 'footnote');
    if (table.start === 0 && before?.kind === 'table' && before.rows[0]?.length === table.rows[0]?.length) {
      const repeated = table.rows[0]!.join('\t') === before.rows[0]!.join('\t');
      before.rows.push(...table.rows.slice(repeated ? 1 : 0));
      return;
    }
    this.blocks.push({ kind: 'table', rows: table.rows });
  }

  private closeOpen(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    const text = this.join(open.texts);
    if (open.kind === 'item') this.items.push({ level: open.level, text });
    else {
      this.flushItems();
      this.blocks.push({ kind: 'text', text });
    }
  }

  private closeAll(): void {
    this.closeOpen();
    this.flushItems();
  }

  private flushItems(): void {
    if (this.items.length) this.blocks.push({ kind: 'list', items: nestItems(this.items.splice(0)) });
  }

  private join(lines: string[]): string {
    return joinWrappedLines(lines, this.options.isWord);
  }

  /** OCR may keep a marker on the baseline, glued to its word ("Oslo2"): footnotes no raised marker cites are looked for so. */
  private markUncitedFootnotes(): Block[] {
    const uncited = new Map(this.blocks.flatMap((b) => (b.kind === 'footnote' && !this.cited.has(b.number) ? [[b.number, b.text] as const] : [])));
    if (!uncited.size) return this.blocks;
    const mark = (text: string) => markGluedFootnotes(text, uncited);
    const markItem = (item: ListItem): ListItem => ({ text: mark(item.text), children: item.children.map(markItem) });
    return this.blocks.map((b): Block => {
      if (b.kind === 'text' || b.kind === 'heading') return { ...b, text: mark(b.text) };
      if (b.kind === 'list') return { ...b, items: b.items.map(markItem) };
      if (b.kind === 'table') return { ...b, rows: b.rows.map((row) => row.map(mark)) };
      return b;
    });
  }
}

/** A line's runs as text: word spaces where the line had them, each marker as superscript digits on its word. */
function compose(runs: LayoutRun[], markers: Map<LayoutRun, string>): string {
  let out = '';
  for (const run of runs) {
    const number = markers.get(run);
    if (number !== undefined) out = out.trimEnd() + toSuperscript(number);
    else out += (out && run.spaceBefore ? ' ' : '') + run.text;
  }
  // Soft and typographic hyphens at a line's end are what joinWrappedLines reads as "-".
  return out.replace(/[\u00AD\u2010\u2011]/g, '-');
}

/** Items with their levels → the nested list they print. */
function nestItems(flat: { level: number; text: string }[]): ListItem[] {
  const roots: ListItem[] = [];
  const path: ListItem[] = [];
  for (const { level, text } of flat) {
    const item: ListItem = { text, children: [] };
    path.length = Math.min(path.length, level - 1);
    const parent = path[path.length - 1];
    (parent ? parent.children : roots).push(item);
    path.push(item);
  }
  return roots;
}
