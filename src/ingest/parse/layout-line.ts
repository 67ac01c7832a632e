/**
 * A printed line as a reader found it on its page — the input of parseLayout, the same for a PDF's text
 * layer and for OCR. Kept apart from the parser so readers and the parser's rules can share it.
 */

/** A stretch of a line in one style: the part of the line a font change or a wide gap did not split. */
export interface LayoutRun {
  text: string;
  x: number;
  right: number;
  size: number;
  /** How far the run sits above the line's baseline: a superscript footnote marker is raised. */
  rise: number;
  bold: boolean;
  /** A word space parts it from the run before; false glues it on (a marker on its word, a font change). */
  spaceBefore: boolean;
}

/**
 * One printed line. Coordinates grow rightwards and downwards from the page's top left corner, in any
 * unit (points for a PDF, for OCR the same scaled from the scan's resolution); only ratios are read.
 */
export interface LayoutLine {
  /** 1-based. */
  page: number;
  pageWidth: number;
  pageHeight: number;
  /** Left edge of the first run, right edge of the last. */
  x: number;
  right: number;
  /** The baseline of most of the line. */
  y: number;
  /** The type size of most of the line. */
  size: number;
  /** Nearly all of the line is bold (unknown, so false, for OCR). */
  bold: boolean;
  runs: LayoutRun[];
}

/** Pieces further apart than this many type sizes are in different runs (columns, tab stops). */
export const RUN_GAP = 0.8;
