/**
 * Hard-wrapped text (PDF extraction, OCR) → blocks. Line layout is the only evidence here, so each rule
 * reads it: a line that stops short of the wrap width ended something; a sentence that did not end
 * continues, across blank lines, page breaks and footnotes; a line indented after a break starts a page.
 */
import type { Block, ListItem, ParsedSource } from './blocks.js';
import { continuesNumbering, parseNumberedHeading } from './section-number.js';
import { joinWrappedLines } from '../../text/wrap.js';
import { markGluedFootnotes } from './footnote-markers.js';
import { looksLikeHeading } from './heading-shape.js';

export interface PlainTextOptions {
  /** Decides line-end hyphenation (`funksjons-` + `nedsettelse`); see joinWrappedLines. */
  isWord?: (word: string) => boolean;
}

interface Line {
  text: string;
  /** Leading whitespace: in PDF text, the first line of a new page. */
  indented: boolean;
  /** Blank lines directly before this one. */
  blankBefore: number;
}

const BULLET = /^([•●▪■◦○➢\-–—]|[eo](?=\s))\s+(.+)$/u;
const SUB_BULLET = /^[◦○▪o]$/u;
/** A footnote as PDF text prints it: `1Landgruppe …` or `2 Landgruppe …` (a number that is not a heading). */
const FOOTNOTE = /^(\d{1,2})\s?([A-ZÆØÅ@«].*)$/u;
const URL_LINE = /^https?:\/\/\S+$/u;
const ENDS_SENTENCE = /[.!?:;]["»”)]?$/u;
const STARTS_LOWER = /^[a-zæøå(§]/u;
const STARTS_UPPER = /^[A-ZÆØÅ«"]/u;

type Open =
  | { kind: 'text'; lines: string[] }
  | { kind: 'item'; level: number; lines: string[] }
  | { kind: 'footnote'; number: string; lines: string[] };

export function parsePlainText(source: string, options: PlainTextOptions = {}): ParsedSource {
  const lines = toLines(source);
  const width = wrapWidth(lines);
  const isFull = (line: string) => line.length >= width * 0.82;
  const join = (parts: string[]) => joinWrappedLines(parts, options.isWord);

  const blocks: Block[] = [];
  const items: { level: number; text: string }[] = [];
  let open: Open | null = null;
  /** A paragraph interrupted by a footnote; it resumes if its sentence had not ended. */
  let suspended: { kind: 'text'; lines: string[] } | null = null;
  let section: string | null = null;

  const flushItems = () => {
    if (items.length) blocks.push({ kind: 'list', items: nestItems(items.splice(0)) });
  };
  const close = () => {
    if (!open) return;
    const text = join(open.lines);
    if (open.kind === 'item') items.push({ level: open.level, text });
    else if (open.kind === 'footnote') blocks.push({ kind: 'footnote', number: open.number, text });
    else {
      flushItems();
      blocks.push({ kind: 'text', text });
    }
    open = null;
  };
  /** Close the open block and any paragraph a footnote interrupted. */
  const closeAll = () => {
    close();
    if (suspended) {
      open = suspended;
      suspended = null;
      close();
    }
  };
  const lastLine = () => (open ? open.lines[open.lines.length - 1]! : '');

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const previous = lastLine();

    const heading = parseNumberedHeading(line.text);
    if (heading && continuesNumbering(section, heading.number)) {
      const start = i;
      let title = line.text;
      // A heading wrapped onto a second line: the continuation starts in lower case.
      while (lines[i + 1] && STARTS_LOWER.test(lines[i + 1]!.text) && !ENDS_SENTENCE.test(title)) title += ' ' + lines[++i]!.text;
      if (!/[.;:,]$/.test(title) && title.length <= 180) {
        closeAll();
        flushItems();
        blocks.push({ kind: 'heading', text: title });
        section = heading.number;
        continue;
      }
      i = start;
    }

    const footnote = FOOTNOTE.exec(line.text);
    if (footnote && (line.blankBefore > 0 || line.indented || !/\s/.test(line.text[footnote[1]!.length]!) || open?.kind === 'footnote')) {
      if (open?.kind === 'text') {
        suspended = open;
        open = null;
      } else close();
      open = { kind: 'footnote', number: footnote[1]!, lines: [footnote[2]!] };
      continue;
    }

    const bullet = BULLET.exec(line.text);
    if (bullet) {
      closeAll();
      open = { kind: 'item', level: SUB_BULLET.test(bullet[1]!) ? 2 : 1, lines: [bullet[2]!] };
      continue;
    }

    if (open?.kind === 'footnote') {
      // A footnote runs on until its sentence ends or a new page starts.
      if (!line.indented && (!ENDS_SENTENCE.test(previous) || (line.blankBefore === 0 && STARTS_LOWER.test(line.text)))) {
        open.lines.push(line.text);
        continue;
      }
      close();
      // Back to the paragraph the footnote interrupted; the rules below decide whether it goes on.
      open = suspended;
      suspended = null;
    }
    const before = open ? lastLine() : '';

    if (URL_LINE.test(line.text)) {
      closeAll();
      flushItems();
      blocks.push({ kind: 'text', text: line.text });
      continue;
    }

    // A heading may follow a paragraph whose last line lacks punctuation, so it is tested first.
    // It may wrap once: a full line, then a short one in lower case.
    const wraps = next !== undefined && isFull(line.text) && STARTS_LOWER.test(next.text) && next.blankBefore <= 1 && !isFull(next.text);
    const title = wraps ? `${line.text} ${next.text}` : line.text;
    if (isUnnumberedHeading(title, wraps, line, before, lines[i + (wraps ? 2 : 1)], open, isFull)) {
      closeAll();
      flushItems();
      blocks.push({ kind: 'heading', text: title });
      if (wraps) i++;
      continue;
    }

    if (open && continues(open, before, line, isFull)) {
      open.lines.push(line.text);
      continue;
    }

    close();
    open = { kind: 'text', lines: [line.text] };
  }
  closeAll();
  flushItems();
  return { blocks: markFootnotes(mergeFlattenedTables(blocks)), dropped: [] };
}

/** Whether `line` carries on the open paragraph, list item or footnote. */
function continues(open: Open, previous: string, line: Line, isFull: (s: string) => boolean): boolean {
  if (STARTS_LOWER.test(line.text)) return true;
  if (open.kind === 'item') return isFull(previous) && !ENDS_SENTENCE.test(previous) && line.blankBefore === 0;
  if (!ENDS_SENTENCE.test(previous)) return line.blankBefore <= 1 || !STARTS_UPPER.test(line.text) || isFull(previous);
  // The sentence ended exactly at the margin: only a blank line tells a paragraph break.
  return isFull(previous) && line.blankBefore === 0 && !line.indented;
}

/**
 * A short line without closing punctuation, standing on its own between paragraphs, followed by the
 * start of a sentence or a list: "Ungdomsgarantien", "Mottakere av arbeidsavklaringspenger".
 */
function isUnnumberedHeading(
  text: string,
  wraps: boolean,
  line: Line,
  previous: string,
  next: Line | undefined,
  open: Open | null,
  isFull: (s: string) => boolean,
): boolean {
  if (!looksLikeHeading(text, wraps ? 160 : 90) || (!wraps && isFull(text))) return false;
  // After a line that ran to the margin mid-sentence, this line is that sentence's continuation.
  if (open && !ENDS_SENTENCE.test(previous) && (isFull(previous) || (wraps && line.blankBefore <= 1))) return false;
  // A short line before a list is its lead-in ("NAV Fylke/Region skal sørge for").
  if (!next || BULLET.test(next.text)) return false;
  return STARTS_UPPER.test(next.text) || parseNumberedHeading(next.text) !== null;
}

function toLines(source: string): Line[] {
  const out: Line[] = [];
  let blank = 0;
  for (const raw of source.split('\n')) {
    const text = raw.trim();
    if (!text) {
      blank++;
      continue;
    }
    out.push({ text: text.replace(/\s+/g, ' '), indented: /^\s/.test(raw), blankBefore: blank });
    blank = 0;
  }
  return out;
}

/** The wrap width of the text: most lines of a paragraph run up to it. */
function wrapWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

function nestItems(flat: { level: number; text: string }[]): ListItem[] {
  const roots: ListItem[] = [];
  for (const { level, text } of flat) {
    const parent = roots[roots.length - 1];
    if (level > 1 && parent) parent.children.push({ text, children: [] });
    else roots.push({ text, children: [] });
  }
  return roots;
}

/**
 * A two-column table flattened by PDF extraction reads as list, short text, list, short text …
 * (parameters, then their target). Three or more such pairs become table rows again.
 */
function mergeFlattenedTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    const rows: string[][] = [];
    while (true) {
      const list = blocks[j];
      const value = blocks[j + 1];
      if (list?.kind !== 'list' || value?.kind !== 'text' || value.text.length > 80) break;
      rows.push([list.items.map(itemText).join('; '), value.text]);
      j += 2;
    }
    if (rows.length >= 3) {
      out.push({ kind: 'table', rows: splitGluedValues(rows) });
      i = j;
    } else out.push(blocks[i++]!);
  }
  return out;
}

/** A row whose parameter cell ends with a target seen in other rows had both cells on one line. */
function splitGluedValues(rows: string[][]): string[][] {
  const values = [...new Set(rows.map((row) => row[1]!))];
  return rows.flatMap(([parameters, value]) => {
    const cells = parameters!.split('; ');
    const glued = cells.findIndex((cell, k) => k < cells.length - 1 && values.some((v) => cell.endsWith(` ${v}`)));
    if (glued < 0) return [[parameters!, value!]];
    const v = values.find((v) => cells[glued]!.endsWith(` ${v}`))!;
    return [
      [cells.slice(0, glued + 1).join('; ').slice(0, -v.length - 1), v],
      [cells.slice(glued + 1).join('; '), value!],
    ];
  });
}

/** Turn the footnote numbers PDF extraction glued onto words into markers. */
function markFootnotes(blocks: Block[]): Block[] {
  const footnotes = new Map(blocks.flatMap((b) => (b.kind === 'footnote' ? [[b.number, b.text] as const] : [])));
  const mark = (text: string) => markGluedFootnotes(text, footnotes);
  const markItem = (item: ListItem): ListItem => ({ text: mark(item.text), children: item.children.map(markItem) });
  return blocks.map((b) => {
    if (b.kind === 'text') return { ...b, text: mark(b.text) };
    if (b.kind === 'list') return { ...b, items: b.items.map(markItem) };
    if (b.kind === 'table') return { ...b, rows: b.rows.map((row) => row.map(mark)) };
    return b;
  });
}

function itemText(item: ListItem): string {
  return item.children.length ? `${item.text} ${item.children.map(itemText).join(', ')}` : item.text;
}
