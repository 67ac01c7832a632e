/**
 * Positioned pieces of text (a PDF's text items, the words OCR found) → the printed lines parseLayout
 * reads. Both readers go through this one step, so a born-digital page and its scan become the same
 * lines: pieces that share a baseline are one line, whatever order the file drew them in; a piece
 * raised off that baseline (a footnote marker) keeps its rise; pieces of one style that touch or are a
 * word space apart are one run, and a wider gap (a column, a tab stop) starts a new run.
 */
import { RUN_GAP, type LayoutLine, type LayoutRun } from '../parse/layout-line.js';

/** One piece of text where the page printed it; coordinates grow rightwards and downwards. */
export interface TextPiece {
  text: string;
  x: number;
  right: number;
  /** The baseline the piece sits on. */
  baseline: number;
  size: number;
  bold: boolean;
  /**
   * OCR knows its words: true puts a space before the piece, false glues it to the one before (a
   * raised marker split off its word). Unset, the gap between the pieces decides.
   */
  wordStart?: boolean;
}

export interface PageBox {
  page: number;
  width: number;
  height: number;
}

/** A gap this wide (in font sizes) between touching pieces is a word space. */
const SPACE_GAP = 0.15;
/** Baselines closer than this (in font sizes) are one line: a superscript sits about 0.4 above its line. */
const SAME_LINE = 0.55;

export function buildLines(pieces: TextPiece[], box: PageBox): LayoutLine[] {
  const sorted = pieces.filter((p) => p.text.trim() !== '').sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: TextPiece[][] = [];
  let reference: TextPiece | null = null;
  for (const piece of sorted) {
    const group = groups[groups.length - 1];
    if (group && reference && piece.baseline - reference.baseline <= SAME_LINE * Math.max(piece.size, reference.size)) {
      group.push(piece);
      // The line's own type, not a superscript drawn before it, sets where the line sits.
      if (piece.size > reference.size) reference = piece;
    } else {
      groups.push([piece]);
      reference = piece;
    }
  }
  return groups.map((group) => toLine(group.sort((a, b) => a.x - b.x), box)).filter((line) => line.runs.length > 0);
}

function toLine(pieces: TextPiece[], box: PageBox): LayoutLine {
  const main = dominant(pieces);
  const runs: LayoutRun[] = [];
  let previous: TextPiece | null = null;
  for (const piece of pieces) {
    // The same text drawn twice in place (fake bold, a shadow) is one piece.
    if (previous && piece.text === previous.text && Math.abs(piece.x - previous.x) < piece.size * 0.2) continue;
    const rise = round(main.baseline - piece.baseline);
    const run = runs[runs.length - 1];
    const gap = previous ? piece.x - previous.right : 0;
    const spaced = piece.wordStart ?? (previous !== null && (gap > SPACE_GAP * piece.size || /\s$/.test(previous.text) || /^\s/.test(piece.text)));
    const sameStyle = run && Math.abs(run.size - piece.size) < 0.3 && run.bold === piece.bold && Math.abs(run.rise - rise) < 0.5;
    if (run && sameStyle && gap < RUN_GAP * piece.size) {
      run.text = (spaced ? `${run.text} ` : run.text) + piece.text;
      run.right = Math.max(run.right, piece.right);
    } else {
      // A new run (another style, or past a wide gap) keeps whether a word space parts it from the one before.
      runs.push({ text: piece.text, x: piece.x, right: piece.right, size: piece.size, rise, bold: piece.bold, spaceBefore: spaced });
    }
    previous = piece;
  }
  for (const run of runs) run.text = run.text.replace(/\s+/g, ' ').trim();
  const kept = runs.filter((r) => r.text !== '');
  const letters = kept.reduce((n, r) => n + r.text.length, 0);
  const boldLetters = kept.reduce((n, r) => n + (r.bold ? r.text.length : 0), 0);
  return {
    page: box.page,
    pageWidth: box.width,
    pageHeight: box.height,
    x: kept[0]?.x ?? main.x,
    right: Math.max(...kept.map((r) => r.right)),
    y: main.baseline,
    size: main.size,
    bold: letters > 0 && boldLetters >= letters * 0.9,
    runs: kept,
  };
}

/** The longest piece in the type most of the line's letters are set in: where the line's baseline is. */
function dominant(pieces: TextPiece[]): TextPiece {
  const letters = new Map<number, number>();
  for (const p of pieces) letters.set(round(p.size), (letters.get(round(p.size)) ?? 0) + p.text.length);
  const size = [...letters].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  return pieces.filter((p) => round(p.size) === size).sort((a, b) => b.text.length - a.text.length)[0]!;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
