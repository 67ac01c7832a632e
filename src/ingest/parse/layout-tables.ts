/**
 * Tables on a printed page: two or more lines whose wide gaps line up in columns, with the lines
 * between them that stay inside those columns (a cell's wrapped text). Rows are told apart by the
 * space a table leaves between rows, wider than between the lines of one cell; a cell holding a list
 * reads as its items joined with "; ". A memo head ("Til: …", "Dato: …") has the shape of a table of
 * labels and values but is text, and is marked so; headings set with a tab after their numbers line up
 * too, and are no table.
 */
import type { LayoutLine, LayoutRun } from './layout-line.js';
import { bulletOf, LARGER, segments, spacing, type LayoutMetrics } from './layout-metrics.js';

export interface TableRegion {
  /** Index of the table's first line, and of the line after its last, among the page's lines. */
  start: number;
  end: number;
  rows: string[][];
  /** Label–value rows ("Dato: 19.02.2019", "Vår dato: … Vår referanse: …"): a memo head, read as lines of text. */
  fields: boolean;
}

const LABEL = /^\p{Lu}[\p{L}. ]{0,20}[:.]$/u;
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\.?$/u;
/** Rows of a table may stand this far apart (in pitches); further, the table has ended. */
const ROW_SPACING = 2.5;

/** How a table's cells are read: runs as text, and a cell's wrapped lines joined. */
export interface CellReader {
  text: (runs: LayoutRun[]) => string;
  join: (lines: string[]) => string;
}

export function findTables(lines: LayoutLine[], metrics: LayoutMetrics, reader: CellReader): TableRegion[] {
  const regions: TableRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = segments(lines[i]!);
    if (head.length < 2 || isDisplay(lines[i]!, metrics)) continue;
    const columns = head.map((s) => s[0]!.x);
    let end = i + 1;
    let aligned = 1;
    while (end < lines.length && fits(lines[end]!, lines[end - 1]!, columns, metrics)) {
      if (segments(lines[end]!).length >= 2) aligned++;
      end++;
    }
    // Bold all through is a run of headings set with tabs; numbers alone in the first column are their numbers.
    if (aligned < 2 || lines.slice(i, end).every((l) => l.bold)) continue;
    const rows = readRows(lines.slice(i, end), columns, reader);
    if (rows.every((row) => SECTION_NUMBER.test(row[0]!))) continue;
    regions.push({ start: i, end, rows, fields: rows.every(isFieldRow) });
    i = end - 1;
  }
  return regions;
}

/** Labels and their values, by turns: "Til: | Direktørene", "Vår dato: | 19.02.2019 | Vår ref.: | 18/3277-3". */
function isFieldRow(row: string[]): boolean {
  if (row.length % 2 !== 0 || row[0] === '') return false;
  for (let k = 0; k < row.length; k += 2) if (!(row[k] === '' && row[k + 1] === '') && !(LABEL.test(row[k]!) && row[k + 1] !== '')) return false;
  return true;
}

function isDisplay(line: LayoutLine, metrics: LayoutMetrics): boolean {
  return line.size >= metrics.bodySize * LARGER;
}

/** Whether `line` stays inside the table's columns: every stretch starts in a column and ends before the next. */
function fits(line: LayoutLine, previous: LayoutLine, columns: number[], metrics: LayoutMetrics): boolean {
  if (isDisplay(line, metrics) || spacing(previous, line, metrics) > ROW_SPACING) return false;
  const parts = segments(line);
  return parts.every((part) => {
    const c = columnOf(part[0]!.x, columns, line.size);
    if (c < 0) return false;
    const next = columns[c + 1];
    return next === undefined || part[part.length - 1]!.right < next - line.size * 0.3;
  });
}

function columnOf(x: number, columns: number[], size: number): number {
  let c = -1;
  columns.forEach((start, k) => {
    if (start <= x + size * 0.5) c = k;
  });
  return c;
}

function readRows(lines: LayoutLine[], columns: number[], { text, join }: CellReader): string[][] {
  const steps = lines.slice(1).map((line, k) => line.y - lines[k]!.y);
  const between = rowBreak(steps);
  const rows: { bullet: boolean; text: string }[][][] = [];
  lines.forEach((line, k) => {
    if (k === 0 || steps[k - 1]! > between) rows.push(columns.map(() => []));
    const row = rows[rows.length - 1]!;
    for (const part of segments(line)) {
      const bullet = bulletOf(part, true);
      row[columnOf(part[0]!.x, columns, line.size)]!.push({ bullet: bullet !== null, text: text(bullet?.runs ?? part) });
    }
  });
  return rows.map((row) => row.map((cell) => cellText(cell, join)));
}

/**
 * The step between lines above which a new row starts: inside the widest jump between the table's
 * line steps (a row's lines, then the padding between rows). Evenly spaced lines are a row each.
 */
function rowBreak(steps: number[]): number {
  const sorted = [...steps].sort((a, b) => a - b);
  let best = { ratio: 1.2, at: -1 };
  for (let k = 1; k < sorted.length; k++) if (sorted[k]! / sorted[k - 1]! > best.ratio) best = { ratio: sorted[k]! / sorted[k - 1]!, at: k };
  return best.at < 0 ? 0 : (sorted[best.at - 1]! + sorted[best.at]!) / 2;
}

/** A cell's lines: a bullet opens an item, other lines carry on the item or text before them. */
function cellText(parts: { bullet: boolean; text: string }[], join: (lines: string[]) => string): string {
  const items: string[][] = [];
  for (const part of parts) {
    if (part.bullet || !items.length) items.push([part.text]);
    else items[items.length - 1]!.push(part.text);
  }
  return items.map(join).join('; ');
}
