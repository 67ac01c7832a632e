/**
 * The one place where text becomes HTML: escaped, with the spans search matched marked, a snippet's
 * window cut with ellipses, a paragraph's lists and table cells laid out again, footnote markers
 * linked, changes across years and OCR repairs marked. Everything else hands over text and spans.
 */
import type { FootnoteRef } from '../model/corpus.js';
import type { DiffPart } from '../search/compare.js';
import { markSpans, markWindow, type Marking, type Span } from '../text/marked-text.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MARK: Marking = { escape: escapeHtml, open: '<mark>', close: '</mark>' };

/** `text` from `from` to `to`, escaped, each span wholly inside wrapped in `<mark>`. */
export function markedHtml(text: string, spans: readonly Span[], from = 0, to = text.length): string {
  return markSpans(text, spans, MARK, from, to);
}

/** A hit's snippet: its window of the text with the matches marked, and an ellipsis where it was cut. */
export function snippetHtml(text: string, matches: readonly Span[], window: Span): string {
  return markWindow(text, matches, window, MARK);
}

export interface ParagraphHtmlOptions {
  footnotes?: FootnoteRef[];
  /** Fragment of a footnote's paragraph, or undefined when the document lacks it. */
  footnoteAnchor?: (number: string) => string | undefined;
  /** Spans of the text to mark: what the query matched. */
  matches?: readonly Span[];
}

type Range = [start: number, end: number];

/**
 * A paragraph's text as HTML. Ingest writes list items as lines starting with "- " and table rows as
 * "cell | cell" (lines inside a cell joined by "; "); here they become a list and a row of cells again.
 */
export function paragraphHtml(text: string, options: ParagraphHtmlOptions = {}): string {
  const inline = inlineHtml(text, options);
  const blocks: string[] = [];
  let items: string[] = [];
  const flushList = () => {
    if (items.length) blocks.push(`<ul>${items.join('')}</ul>`);
    items = [];
  };
  for (const [start, end] of split([0, text.length], text, '\n')) {
    if (text.startsWith('- ', start)) {
      items.push(`<li>${inline([start + 2, end])}</li>`);
      continue;
    }
    flushList();
    const cells = split([start, end], text, ' | ');
    if (cells.length > 1) {
      const html = cells.map((cell) => `<div class="cell">${split(cell, text, '; ').map(inline).join('<br>')}</div>`);
      blocks.push(`<div class="cells cells--${Math.min(cells.length, 4)}">${html.join('')}</div>`);
    } else if (end > start) blocks.push(`<p>${inline([start, end])}</p>`);
  }
  flushList();
  return blocks.join('');
}

/** The text of ranges of `text` as HTML: escaped, matches marked, footnote markers linked (a title's too). */
export function inlineHtml(text: string, options: ParagraphHtmlOptions = {}): (range?: Range) => string {
  const markers = [...(options.footnotes ?? [])].sort((a, b) => a.at - b.at);
  const matches = options.matches ?? [];
  return ([start, end]: Range = [0, text.length]): string => {
    let out = '';
    let at = start;
    for (const marker of markers) {
      if (marker.at < start || marker.at > end) continue;
      out += markedHtml(text, matches, at, marker.at) + footnoteRef(marker.number, options.footnoteAnchor?.(marker.number));
      at = marker.at;
    }
    return out + markedHtml(text, matches, at, end);
  };
}

/** Words added since the year before as `<ins>`, removed ones as `<del>`. */
export function diffHtml(parts: DiffPart[]): string {
  return parts.map((p) => (p.type === 'added' ? `<ins>${escapeHtml(p.text)}</ins>` : p.type === 'removed' ? `<del>${escapeHtml(p.text)}</del>` : escapeHtml(p.text))).join('');
}

/** A scan's repaired text, each repaired word marked with what the scan said. */
export function repairedHtml(text: string, repairs: readonly (Span & { from: string })[]): string {
  const sorted = [...repairs].sort((a, b) => a.start - b.start);
  const marks = sorted.map((r) => ({ start: r.start, end: r.end, open: `<ins class="repair" title="${escapeHtml(`OCR: ${r.from}`)}">` }));
  return markSpans(text, marks, { escape: escapeHtml, open: '<ins>', close: '</ins>' });
}

function footnoteRef(number: string, anchor: string | undefined): string {
  const label = escapeHtml(number);
  return anchor
    ? `<sup class="footnote-ref"><a href="#${escapeHtml(encodeURIComponent(anchor))}" aria-label="Fotnote ${label}">${label}</a></sup>`
    : `<sup class="footnote-ref">${label}</sup>`;
}

/** The ranges between separators inside `range`. */
function split([start, end]: Range, text: string, separator: string): Range[] {
  const ranges: Range[] = [];
  let from = start;
  for (let at = text.indexOf(separator, from); at !== -1 && at < end; at = text.indexOf(separator, from)) {
    ranges.push([from, at]);
    from = at + separator.length;
  }
  ranges.push([from, end]);
  return ranges;
}
