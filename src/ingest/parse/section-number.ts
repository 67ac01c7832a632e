/**
 * Section numbers as printed ("2.1.1", "2.1.1.", "3.1.4.2") and the rule that tells a real numbered
 * heading from text that merely starts with a number: a heading's number must continue the numbering
 * seen so far. "2023. Det innebærer …" (a wrapped line), "13 b første ledd" (a law reference) and
 * "2 Landgruppe 3 består …" (a footnote under section 3) all fail that rule.
 */

/** A heading line read as its section number, title and depth. */
export interface NumberedHeading {
  number: string;
  title: string;
  level: number;
}

/**
 * `2.1.1. Title`, `2.1.1 Title`, `1.Innledning`, OCR's `2.4, Title`; the title starts with a capital.
 * A number glued to a capital without dot or space (`1Landgruppe`) is a footnote, not a heading.
 */
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,4})(?:[.,]\s*|\s+)([A-ZÆØÅ«"(].*)$/u;

export function parseNumberedHeading(line: string): NumberedHeading | null {
  const m = NUMBERED.exec(line.trim());
  if (!m) return null;
  const number = m[1]!;
  const title = m[2]!.trim();
  return { number, title, level: number.split('.').length };
}

/**
 * Whether `next` can follow `previous` in a document's numbering: the next sibling at some level
 * (allowing one skipped number), optionally descending into first children. With no previous number,
 * only a start near the beginning (1 or 2) is plausible.
 */
export function continuesNumbering(previous: string | null, next: string): boolean {
  const to = next.split('.').map(Number);
  if (to.some((n) => n < 1 || n > 40)) return false;
  if (previous === null) return to[0]! <= 2 && to.slice(1).every((n) => n <= 2);
  const from = previous.split('.').map(Number);
  // Descending: 2.1 → 2.1.1 (→ 2.1.1.1).
  if (to.length > from.length && from.every((n, i) => to[i] === n) && firstChildren(to.slice(from.length))) return true;
  for (let k = 0; k < Math.min(from.length, to.length); k++) {
    const samePrefix = from.slice(0, k).every((n, i) => to[i] === n);
    const step = to[k]! - from[k]!;
    if (samePrefix && step >= 1 && step <= 2 && firstChildren(to.slice(k + 1))) return true;
  }
  return false;
}

function firstChildren(rest: number[]): boolean {
  return rest.every((n) => n <= 2);
}
