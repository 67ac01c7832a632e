/**
 * Running heads, running feet and page numbers: what a printed page repeats at its top and bottom edge
 * rather than says. A line at a page's edge is furniture when it recurs at that place on other pages
 * (digits aside: "Side 2 av 5"), when it holds a page number, or — on a page alone, with nothing to
 * recur on — when it spreads in small type from margin to margin. It is dropped and named, never
 * silently lost.
 */
import type { Dropped } from './blocks.js';
import type { LayoutLine } from './layout-line.js';
import { segments, SMALLER, type LayoutMetrics } from './layout-metrics.js';

/** How many lines at each edge of a page may be furniture. */
const EDGE_LINES = 2;
const PAGE_NUMBER = /^(?:(?:side|s\.|page)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:av|of|\/)\s*\d{1,4})?$/iu;

export function findFurniture(pages: LayoutLine[][], metrics: LayoutMetrics): { furniture: Set<LayoutLine>; dropped: Dropped[] } {
  // Pages (two are enough to tell) that print each edge line's shape at each height, in hundredths of the page.
  const places = new Map<string, Set<number>>();
  const place = (line: LayoutLine, shift = 0) => `${shape(line)}@${Math.round((line.y / line.pageHeight) * 100) + shift}`;
  for (const lines of pages)
    for (const line of [...top(lines), ...bottom(lines)]) {
      const seen = places.get(place(line)) ?? new Set<number>();
      if (seen.size < 2) seen.add(line.page);
      places.set(place(line), seen);
    }
  const recurs = (line: LayoutLine) => [-2, -1, 0, 1, 2].some((shift) => [...(places.get(place(line, shift)) ?? [])].some((page) => page !== line.page));

  const furniture = new Set<LayoutLine>();
  const texts = { head: [] as string[], foot: [] as string[], numbers: [] as string[] };
  for (const lines of pages) {
    for (const fromTop of [true, false]) {
      const edge = fromTop ? top(lines) : bottom(lines).reverse();
      for (const line of edge) {
        if (furniture.has(line) || !isFurniture(line, recurs, metrics)) break;
        furniture.add(line);
        for (const text of segments(line).map((s) => s.map((r) => r.text).join(' ')))
          (PAGE_NUMBER.test(text) ? texts.numbers : fromTop ? texts.head : texts.foot).push(text);
      }
    }
  }
  const dropped: Dropped[] = [];
  const name = (what: string, parts: string[]) => {
    const text = parts.join(' ');
    if (text) dropped.push({ what, text, words: text.split(/\s+/).length });
  };
  name('page numbers', texts.numbers);
  name('running page headers', texts.head);
  name('running page footers', texts.foot);
  return { furniture, dropped };
}

function isFurniture(line: LayoutLine, recurs: (line: LayoutLine) => boolean, metrics: LayoutMetrics): boolean {
  const parts = segments(line).map((s) => s.map((r) => r.text).join(' '));
  if (parts.some((p) => PAGE_NUMBER.test(p)) || recurs(line)) return true;
  const spread = parts.length >= 2 && Math.abs(line.x - metrics.column(line.page).left) < line.size * 2 && line.right > line.pageWidth * 0.75;
  return spread && line.size < metrics.bodySize * SMALLER;
}

/** The first lines of a page, when they are near its top edge, where running heads are printed. */
function top(lines: LayoutLine[]): LayoutLine[] {
  return lines.slice(0, EDGE_LINES).filter((l) => l.y < l.pageHeight * 0.25);
}

/** The last lines of a page, when they are near its bottom edge, where running feet are printed. */
function bottom(lines: LayoutLine[]): LayoutLine[] {
  return lines.slice(-EDGE_LINES).filter((l) => l.y > l.pageHeight * 0.75);
}

/** A line's text with its digits blurred, so "Side 2 av 5" and "Side 3 av 5" are one running foot. */
function shape(line: LayoutLine): string {
  return line.runs
    .map((r) => r.text)
    .join(' ')
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ');
}
