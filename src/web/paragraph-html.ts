import type { FootnoteRef } from '../model.js';
import { escapeHtml, highlight } from '../search/snippet.js';

/**
 * A paragraph's text as HTML. Ingest writes list items as lines starting with "- " and table rows as
 * "cell | cell" (lines inside a cell joined by "; "); here they become a list and a row of cells again.
 * Footnote markers link to their footnote, and query matches are marked with the engine's own
 * highlighter, so the page marks exactly what the search matched.
 */
export interface ParagraphHtmlOptions {
  footnotes?: FootnoteRef[];
  /** Fragment of a footnote's paragraph, or undefined when the document lacks it. */
  footnoteAnchor?: (number: string) => string | undefined;
  matches?: ReadonlySet<string>;
}

type Span = [start: number, end: number];

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

/** The text of spans of `text` as HTML: escaped, matches marked, footnote markers linked (a title's too). */
export function inlineHtml(text: string, options: ParagraphHtmlOptions = {}): (span?: Span) => string {
  const markers = [...(options.footnotes ?? [])].sort((a, b) => a.at - b.at);
  const escape = (from: number, to: number) => {
    const part = text.slice(from, to);
    return options.matches?.size ? highlight(part, options.matches) : escapeHtml(part);
  };
  return ([start, end]: Span = [0, text.length]): string => {
    let out = '';
    let at = start;
    for (const marker of markers) {
      if (marker.at < start || marker.at > end) continue;
      out += escape(at, marker.at) + footnoteRef(marker.number, options.footnoteAnchor?.(marker.number));
      at = marker.at;
    }
    return out + escape(at, end);
  };
}

function footnoteRef(number: string, anchor: string | undefined): string {
  const label = escapeHtml(number);
  return anchor
    ? `<sup class="footnote-ref"><a href="#${escapeHtml(encodeURIComponent(anchor))}" aria-label="Fotnote ${label}">${label}</a></sup>`
    : `<sup class="footnote-ref">${label}</sup>`;
}

/** The spans between separators inside `span`. */
function split([start, end]: Span, text: string, separator: string): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (let at = text.indexOf(separator, from); at !== -1 && at < end; at = text.indexOf(separator, from)) {
    spans.push([from, at]);
    from = at + separator.length;
  }
  spans.push([from, end]);
  return spans;
}
