/**
 * Footnotes on a printed page and the markers that cite them. The notes are the small type at the
 * page's foot, each opened by its number; a marker is a digit set small and raised after a word. OCR
 * often misreads such tiny digits ("Oslo?", "satser>"), but a page cites its notes in their order, so
 * raised signs that are no number take the numbers of the page's uncited notes when their counts agree.
 */
import type { LayoutLine, LayoutRun } from './layout-line.js';
import { SMALLER, type LayoutMetrics } from './layout-metrics.js';

export interface PageNote {
  number: string;
  /** The note's lines; the first without its number. */
  lines: LayoutLine[];
}

/** A run set smaller than its line and raised off its baseline, as a footnote number is. */
function isRaised(run: LayoutRun, line: LayoutLine): boolean {
  return run.rise > line.size * 0.2 && run.size < line.size * 0.85 && run.text.length <= 3 && !/\p{L}{2}/u.test(run.text);
}

/**
 * Split a page's lines (furniture gone) into its text and its footnotes: the run of small-type lines
 * at the foot of the page, from the first that opens with a number. A note whose number could not be
 * read is numbered from its neighbours on the page, or else after `previous`, the last note number
 * before this page.
 */
export function splitFootnotes(lines: LayoutLine[], metrics: LayoutMetrics, previous: number): { body: LayoutLine[]; notes: PageNote[] } {
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.size <= metrics.bodySize * SMALLER && lines[start - 1]!.y > lines[start - 1]!.pageHeight * 0.5) start--;
  while (start < lines.length && noteOpening(lines[start]!, null) === undefined) start++;
  const notes: { read: number | null; lines: LayoutLine[] }[] = [];
  for (const line of lines.slice(start)) {
    const current = notes[notes.length - 1];
    const opening = noteOpening(line, current?.read ?? null);
    if (opening === undefined && current) {
      current.lines.push(line);
      continue;
    }
    const shift = /^\d+$/.test(line.runs[0]!.text) || isRaised(line.runs[0]!, line) ? 1 : 0;
    const rest = shift ? line.runs.slice(1) : [{ ...line.runs[0]!, text: line.runs[0]!.text.replace(/^\d{1,3}\s*/, '') }, ...line.runs.slice(1)];
    const runs = rest.filter((r) => r.text !== '').map((r, k) => (k === 0 ? { ...r, spaceBefore: false } : r));
    notes.push({ read: opening === null || opening === undefined ? null : Number(opening), lines: runs.length ? [{ ...line, runs }] : [] });
  }
  const numberOf = (k: number): number => {
    const before = notes.slice(0, k).findLastIndex((n) => n.read !== null);
    if (before >= 0) return notes[before]!.read! + k - before;
    const after = notes.findIndex((n, j) => j > k && n.read !== null);
    return after >= 0 ? notes[after]!.read! - (after - k) : previous + k + 1;
  };
  return { body: lines.slice(0, start), notes: notes.map((note, k) => ({ number: String(note.read ?? numberOf(k)), lines: note.lines })) };
}

/**
 * The number a line opens a footnote with: a raised run first ("¹ I praksis …"; OCR may read it as
 * any sign: then null, the next number), or digits before the text ("1 I praksis", "1Landgruppe").
 * Undefined when the line does not open a note. After note `current`, only a later number opens one.
 */
function noteOpening(line: LayoutLine, current: number | null): string | null | undefined {
  const first = line.runs[0]!;
  if (line.runs.length > 1 && isRaised(first, line)) return /^\d+$/.test(first.text) ? first.text : null;
  const digits = /^(\d{1,3})(?:\s+|(?=\p{Lu}))\S/u.exec(first.text)?.[1];
  if (digits === undefined) return undefined;
  const n = Number(digits);
  return current === null || (n > current && n <= current + 3) ? digits : undefined;
}

/**
 * The footnote number each raised marker in the page's text stands for. Markers read as digits keep
 * them; the others are matched, in order, with the page's notes no digit marker cites — when there
 * are as many of each; otherwise they are left as the text they were read as.
 */
export function resolveMarkers(lines: LayoutLine[], notes: PageNote[]): Map<LayoutRun, string> {
  const markers = lines.flatMap((line) => line.runs.filter((run, k) => (k > 0 || line.runs.length === 1) && isRaised(run, line)));
  const numbers = new Map<LayoutRun, string>();
  for (const run of markers) if (/^\d+$/.test(run.text)) numbers.set(run, run.text);
  const cited = new Set(numbers.values());
  const unread = markers.filter((run) => !numbers.has(run));
  const uncited = notes.map((n) => n.number).filter((n) => !cited.has(n));
  if (unread.length === uncited.length) unread.forEach((run, k) => numbers.set(run, uncited[k]!));
  return numbers;
}
