/**
 * Tesseract's hOCR → the printed lines parseLayout reads. hOCR keeps what the layout needs: each line's
 * baseline (with its slope) and type height, each word's box, each character's box. A scan lies a
 * little askew, so every position is first turned by the page's skew; then a character sitting well
 * above its line's baseline and smaller than its capitals is a raised marker, split off its word, as
 * is a sign Tesseract makes of a tiny digit. Type sizes come from the heights of the letters, in points
 * at the scan's resolution; bold cannot be seen, so nothing is bold.
 */
import type { LayoutLine } from '../parse/layout-line.js';
import { buildLines, type TextPiece } from './layout-lines.js';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface OcrLine {
  box: Box;
  slope: number;
  offset: number;
  /** Tesseract's row height: ascenders, x-height and descenders — about the type size. */
  size: number;
  words: OcrWord[];
}

interface OcrWord {
  box: Box;
  confidence: number;
  text: string;
  chars: { box: Box; text: string }[];
}

interface OcrPage {
  width: number;
  height: number;
  dpi: number;
  lines: OcrLine[];
}

const LINE_CLASSES = new Set(['ocr_line', 'ocr_header', 'ocr_textfloat', 'ocr_caption']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The lines of each page of an hOCR document; pages are numbered from `firstPage`. `dpi` is the
 * resolution the image was scanned at, when the image does not say (a raster piped to Tesseract).
 */
export function hocrLines(hocr: string, firstPage: number, dpi?: number): LayoutLine[] {
  return readHocr(hocr).flatMap((page, k) => pageLines(page, firstPage + k, dpi));
}

function pageLines(page: OcrPage, number: number, dpi?: number): LayoutLine[] {
  const skew = median(page.lines.filter((l) => l.box.x2 - l.box.x1 > page.width * 0.3).map((l) => l.slope));
  // Turn positions by the skew, so lines run level and margins stand upright; then scale to points.
  const scale = 72 / (dpi ?? (page.dpi >= 100 ? page.dpi : 300));
  const level = (x: number, y: number) => ({ x: (x + skew * y) * scale, y: (y - skew * x) * scale });
  const sizes = new Map(page.lines.map((line) => [line, typeSize(line)]));
  const body = median([...sizes.values()].filter((s) => s.sure).map((s) => s.size));
  const pieces: TextPiece[] = [];
  for (const line of page.lines) {
    const baselineAt = (x: number) => line.box.y2 + line.offset + line.slope * (x - line.box.x1);
    const measured = sizes.get(line)!;
    // A few letters cannot tell a slightly larger type from noise: near the body size, a short line is body type.
    const size = !measured.sure && Math.abs(measured.size / body - 1) < 0.12 ? body : measured.size;
    line.words.forEach((word, w) => {
      if (isNoise(word, w)) return;
      const parts = splitMarker(word, baselineAt, size);
      parts.forEach((part, k) => {
        const box = part.chars.length ? union(part.chars.map((c) => c.box)) : word.box;
        // A marker sits raised by about a third of the type size, whatever box OCR drew round it.
        const baseline = baselineAt(box.x1) - (part.marker ? size * 0.35 : 0);
        const left = level(box.x1, baseline);
        const right = level(box.x2, baseline);
        const text = part.chars.length ? part.chars.map((c) => c.text).join('') : word.text;
        pieces.push({ text, x: left.x, right: right.x, baseline: left.y, size: (part.marker ? size * 0.6 : size) * scale, bold: false, wordStart: k === 0 });
      });
    });
  }
  const corner = level(page.width, page.height);
  return buildLines(pieces, { page: number, width: corner.x, height: corner.y });
}

/** Letters whose height is the x-height, and letters as tall as a capital, over the type size. */
const X_HEIGHT = { letters: /^[acemnorsuvwxz]$/u, ratio: 0.575 };
const CAP_HEIGHT = { letters: /^[A-ZÆØÅbdhklt]$/u, ratio: 0.76 };

/** Letters it takes to measure a line's type size surely. */
const SURE_SAMPLES = 12;

/**
 * The line's type size in pixels, from the heights of its letters: steadier than Tesseract's row
 * height, which swings with the ascenders and descenders a line happens to have. Sure when many
 * letters were measured.
 */
function typeSize(line: OcrLine): { size: number; sure: boolean } {
  const samples: number[] = [];
  for (const word of line.words)
    for (const { box, text } of word.chars) {
      const height = box.y2 - box.y1;
      if (X_HEIGHT.letters.test(text)) samples.push(height / X_HEIGHT.ratio);
      else if (CAP_HEIGHT.letters.test(text)) samples.push(height / CAP_HEIGHT.ratio);
    }
  return { size: samples.length >= 6 ? median(samples) : line.size, sure: samples.length >= SURE_SAMPLES };
}

/** Specks and rules OCR read as signs; a lone sign first on its line may be a bullet and stays. */
function isNoise(word: OcrWord, index: number): boolean {
  if (/^[|¦│]+$/u.test(word.text)) return true;
  return !/[\p{L}\p{N}]/u.test(word.text) && word.confidence < 30 && !(index === 0 && [...word.text].length === 1);
}

/**
 * Signs Tesseract makes of a superscript digit, which cannot end a word: "Oslo?,", "satser>.",
 * "kontoret*", 'gruppe 3".'. A "?" only counts before more punctuation (else it ends a question).
 */
const MISREAD_MARKER = /^(.*[\p{L}\p{N}])([>*"”'’°^`]+|\?(?=[.,;:)]))([.,;:)]*)$/u;

/**
 * A word as pieces: its text, a footnote marker at its end (characters whose boxes sit raised and
 * small, or a sign that must be a misread digit), and punctuation after the marker.
 */
function splitMarker(word: OcrWord, baselineAt: (x: number) => number, size: number): { chars: OcrWord['chars']; marker: boolean }[] {
  const chars = word.chars;
  if (!chars.length) return [{ chars, marker: false }];
  let end = chars.length;
  while (end > 0 && /^[.,;:)]$/.test(chars[end - 1]!.text)) end--;
  let start = end;
  // A hyphen or a dash sits as high as a small raised digit, and is none.
  while (start > 0 && !/^[-–—‐‑~=+_·•]$/u.test(chars[start - 1]!.text) && isRaised(chars[start - 1]!.box, baselineAt, size)) start--;
  // A footnote's own number stands raised alone; a whole word is not raised.
  if (start === 0 && end > 3) start = end;
  if (start === end) {
    const misread = MISREAD_MARKER.exec(chars.map((c) => c.text).join(''));
    if (misread && chars.every((c) => [...c.text].length === 1)) start = end - [...misread[2]!].length;
  }
  if (start === end) return [{ chars, marker: false }];
  return [
    { chars: chars.slice(0, start), marker: false },
    { chars: chars.slice(start, end), marker: true },
    { chars: chars.slice(end), marker: false },
  ].filter((part) => part.chars.length);
}

function isRaised(box: Box, baselineAt: (x: number) => number, size: number): boolean {
  return baselineAt(box.x1) - box.y2 > size * 0.25 && box.y2 - box.y1 < size * CAP_HEIGHT.ratio * 0.7;
}

function readHocr(hocr: string): OcrPage[] {
  const pages: OcrPage[] = [];
  const open: string[] = [];
  let line: OcrLine | null = null;
  let word: OcrWord | null = null;
  let char: { box: Box; text: string } | null = null;
  for (const m of hocr.matchAll(/<(\/?)(div|span|p)\b([^>]*)>|([^<]+)/g)) {
    const [, closing, , attributes, text] = m;
    if (text !== undefined) {
      if (char) char.text += decode(text);
      else if (word) word.text += decode(text).trim();
      continue;
    }
    if (closing) {
      const cls = open.pop();
      if (cls === 'ocrx_cinfo' && char && word) {
        word.chars.push(char);
        char = null;
      } else if (cls === 'ocrx_word' && word && line) {
        if (word.chars.length) word.text = word.chars.map((c) => c.text).join('');
        if (word.text) line.words.push(word);
        word = null;
      } else if (cls && LINE_CLASSES.has(cls) && line) {
        pages[pages.length - 1]?.lines.push(line);
        line = null;
      }
      continue;
    }
    const cls = /class=['"]([^'"]+)['"]/.exec(attributes!)?.[1] ?? '';
    const title = /title=(['"])(.*?)\1/.exec(attributes!)?.[2] ?? '';
    open.push(cls);
    if (cls === 'ocr_page') {
      const box = bbox(title, 'bbox')!;
      pages.push({ width: box.x2, height: box.y2, dpi: Number(/scan_res (\d+)/.exec(title)?.[1] ?? 0), lines: [] });
    } else if (LINE_CLASSES.has(cls)) {
      const [slope, offset] = (/baseline (-?[\d.]+) (-?[\d.]+)/.exec(title) ?? []).slice(1).map(Number);
      line = {
        box: bbox(title, 'bbox')!,
        slope: slope ?? 0,
        offset: offset ?? 0,
        size: Number(/x_size ([\d.]+)/.exec(title)?.[1] ?? 0),
        words: [],
      };
    } else if (cls === 'ocrx_word') {
      word = { box: bbox(title, 'bbox')!, confidence: Number(/x_wconf (\d+)/.exec(title)?.[1] ?? 0), text: '', chars: [] };
    } else if (cls === 'ocrx_cinfo') {
      char = { box: bbox(title, 'x_bboxes')!, text: '' };
    }
  }
  for (const page of pages) for (const l of page.lines) if (!l.size) l.size = l.box.y2 - l.box.y1;
  return pages;
}

function bbox(title: string, key: string): Box | undefined {
  const m = new RegExp(`${key} (-?\\d+) (-?\\d+) (-?\\d+) (-?\\d+)`).exec(title);
  return m ? { x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]) } : undefined;
}

function union(boxes: Box[]): Box {
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}

function decode(text: string): string {
  return text.replace(/&(#?\w+);/g, (whole, name: string) =>
    ENTITIES[name] ?? (name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : whole),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}
