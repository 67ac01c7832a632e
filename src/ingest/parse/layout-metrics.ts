/**
 * The measures a printed document's layout is read against: its body type size, the distance from one
 * baseline to the next inside a paragraph, and each page's text column. Every layout rule compares a
 * line with these, never with absolute numbers, so a PDF in points and a scan in pixels read alike.
 */
import { RUN_GAP, type LayoutLine, type LayoutRun } from './layout-line.js';

export interface LayoutMetrics {
  /** The size most of the text is set in. */
  bodySize: number;
  /** Baseline to baseline inside a paragraph of body text. */
  pitch: number;
  /** The text column of each page (left edge, right edge). */
  column(page: number): { left: number; right: number };
}

/** Type this much larger than the body is display type (a heading). */
export const LARGER = 1.07;
/** Type this much smaller than the body is small print: footnotes (Word sets 10 pt under 11 pt text). */
export const SMALLER = 0.93;

export function measureLayout(pages: LayoutLine[][]): LayoutMetrics {
  const all = pages.flat();
  const bodySize = weightedMedian(all.map((l) => [l.size, letters(l)]));
  const isBody = (l: LayoutLine) => Math.abs(l.size - bodySize) <= bodySize * 0.06;
  const steps: [number, number][] = [];
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const step = lines[i]!.y - lines[i - 1]!.y;
      if (isBody(lines[i]!) && isBody(lines[i - 1]!) && step > bodySize * 0.9 && step < bodySize * 2) steps.push([round(step, 0.25), 1]);
    }
  const pitch = steps.length ? weightedMode(steps) : bodySize * 1.2;
  const columnOf = (lines: LayoutLine[]) => {
    const body = lines.filter(isBody);
    return { left: leftEdge(body, bodySize), right: quantile(body.map((l) => l.right), 0.9) };
  };
  const document = columnOf(all);
  const columns = new Map(pages.map((lines) => [lines[0]?.page ?? 0, lines.filter(isBody).length >= 8 ? columnOf(lines) : document]));
  return { bodySize, pitch, column: (page) => columns.get(page) ?? document };
}

/**
 * The column's left edge: the leftmost place where many lines start. Not simply the commonest start,
 * which on a page of lists is the bullets' or the items' indent.
 */
function leftEdge(lines: LayoutLine[], bodySize: number): number {
  const starts = new Map<number, number>();
  for (const line of lines) starts.set(round(line.x, bodySize * 0.25), (starts.get(round(line.x, bodySize * 0.25)) ?? 0) + 1);
  const many = Math.max(2, lines.length * 0.1);
  const edges = [...starts].filter(([, count]) => count >= many).map(([x]) => x);
  return edges.length ? Math.min(...edges) : weightedMode([...starts]);
}

/** How far below `above` the line `below` sits, in the pitch of the larger of their types. */
export function spacing(above: LayoutLine, below: LayoutLine, metrics: LayoutMetrics): number {
  return (below.y - above.y) / (metrics.pitch * (Math.max(above.size, below.size) / metrics.bodySize));
}

/** Below this spacing lines follow one another in one block; above it, space was left between blocks. */
export const BLOCK_SPACING = 1.25;

/**
 * Whether `line` stopped before the column's edge on purpose: the first word of the line after it
 * would have fitted at its end. A line that ran out of room would have taken that word.
 */
export function endsShort(line: LayoutLine, next: LayoutLine | undefined, metrics: LayoutMetrics): boolean {
  const { right } = metrics.column(line.page);
  const first = next?.runs[0];
  const word = first ? first.text.split(' ')[0]! : '';
  const wordWidth = first && first.text ? ((first.right - first.x) * word.length) / first.text.length : 0;
  return line.right + line.size * 0.3 + wordWidth < right - line.size * 0.3;
}

/**
 * The line's runs in groups separated by wide gaps (columns, tab stops). A bullet stays with its text:
 * any bullet glyph, and at the start of a line also what OCR reads a bullet as.
 */
export function segments(line: LayoutLine): LayoutRun[][] {
  const out: LayoutRun[][] = [];
  for (const run of line.runs) {
    const current = out[out.length - 1];
    const last = current?.[current.length - 1];
    const bullet = current?.length === 1 && last !== undefined && isBulletGlyph(last.text, out.length === 1);
    if (current && last && (run.x - last.right < RUN_GAP * line.size || bullet)) current.push(run);
    else out.push([run]);
  }
  return out;
}

/** Glyphs that mark a list item when they stand alone before the item's text. */
const BULLET_GLYPHS = /^[•●▪■◦○◆◇►▸▹➢➤✓✔❖∙·\-–—*o\uF0B7\uF0A7\uF0D8\uF076\uF0FC\uF0A8]$/u;
/** What OCR makes of a bullet: a lone letter or sign standing where the bullet was. */
const OCR_BULLETS = /^[eoc°«»+©®*]$/u;
/** Glyphs that are a bullet even with only a word space before the item's text (not dashes: they also open clauses). */
const PREFIX_GLYPHS = /^[•●▪■◦○◆►➢✓❖∙*\uF0B7\uF0A7\uF0D8\uF076\uF0FC\uF0A8]$/u;

/**
 * Whether `text` is a bullet glyph; `loose` also accepts what OCR reads a bullet as, which may be
 * two signs ("*+").
 */
export function isBulletGlyph(text: string, loose = false): boolean {
  if (BULLET_GLYPHS.test(text)) return true;
  const signs = [...text];
  return loose && signs.length <= 2 && signs.every((c) => OCR_BULLETS.test(c) || (BULLET_GLYPHS.test(c) && !/^[\p{L}]$/u.test(c)));
}

export interface Bullet {
  /** Where the bullet stands and where its text starts. */
  x: number;
  textX: number;
  /** The item's text, without the bullet. */
  runs: LayoutRun[];
}

/**
 * The bullet that opens these runs (a line, or a table cell's part of one): one or two glyphs (OCR
 * may read a bullet as two, "* —") standing in a run of their own before the text, or, for the
 * unambiguous glyphs, a word space before it in the same run. `loose` also takes what OCR reads a
 * bullet as, when it stands apart.
 */
export function bulletOf(runs: LayoutRun[], loose: boolean): Bullet | null {
  const [first, second] = runs;
  if (!first) return null;
  const tokens = first.text.split(' ');
  const glyphs = tokens.findIndex((token) => !isBulletGlyph(token, loose));
  const count = glyphs < 0 ? tokens.length : glyphs;
  if (count === 0 || count > 2) return null;
  if (glyphs < 0) {
    const apart = second !== undefined && (isBulletGlyph(tokens[0]!) || second.x - first.right > first.size * 0.5);
    return apart ? { x: first.x, textX: second.x, runs: runs.slice(1) } : null;
  }
  if (!PREFIX_GLYPHS.test(tokens[0]!) && !(loose && OCR_BULLETS.test(tokens[0]!))) return null;
  const prefix = tokens.slice(0, count).join(' ').length + 1;
  const width = (first.right - first.x) / first.text.length;
  return { x: first.x, textX: first.x + prefix * width, runs: [{ ...first, text: first.text.slice(prefix), x: first.x + prefix * width }, ...runs.slice(1)] };
}

function letters(line: LayoutLine): number {
  return line.runs.reduce((n, r) => n + r.text.length, 0);
}

function weightedMode(values: [number, number][]): number {
  const weights = new Map<number, number>();
  for (const [value, weight] of values) weights.set(value, (weights.get(value) ?? 0) + weight);
  return [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** The value half the weight lies below: the body size, when most letters are body text. */
function weightedMedian(values: [number, number][]): number {
  const sorted = [...values].sort((a, b) => a[0] - b[0]);
  let half = sorted.reduce((sum, [, weight]) => sum + weight, 0) / 2;
  for (const [value, weight] of sorted) if ((half -= weight) <= 0) return value;
  return sorted[sorted.length - 1]?.[0] ?? 0;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

function round(n: number, step: number): number {
  return Math.round(n / step) * step;
}
