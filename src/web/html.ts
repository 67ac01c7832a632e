/**
 * The one place where text becomes HTML: escaped, with the spans search matched marked, a snippet's
 * window cut with ellipses, a paragraph's lists and table cells laid out again, footnote markers
 * linked, law references linked to Lovdata, changes across years and OCR repairs marked. Everything
 * else hands over text and spans. Links are the outermost markup: a mark that runs into one is split
 * at its edge, so the HTML always nests.
 */
import type { FootnoteRef } from '../model/corpus.js';
import type { DiffPart } from '../search/compare.js';
import { markLayers, markWindow, type MarkedSpan, type MarkLayer, type Span } from '../text/marked-text.js';

/** A link out of the app from a stretch of the text: a law reference to its page on Lovdata. */
export interface TextLink extends Span {
  href: string;
  /** Where it leads, shown on hover. */
  title: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `text` from `from` to `to`, escaped, each span wholly inside wrapped in `<mark>` and each link
 * wholly inside made a link.
 */
export function markedHtml(text: string, spans: readonly Span[], links: readonly TextLink[] = [], from = 0, to = text.length): string {
  return layeredHtml(text, links, { spans, open: '<mark>', close: '</mark>' }, from, to);
}

/** A hit's snippet: its window of the text with the matches marked, and an ellipsis where it was cut. */
export function snippetHtml(text: string, matches: readonly Span[], window: Span, links: readonly TextLink[] = []): string {
  return markWindow(text, window, (from, to) => markedHtml(text, matches, links, from, to));
}

export interface ParagraphHtmlOptions {
  footnotes?: FootnoteRef[];
  /** Fragment of a footnote's paragraph, or undefined when the document lacks it. */
  footnoteAnchor?: (number: string) => string | undefined;
  /** Spans of the text to mark: what the query matched. */
  matches?: readonly Span[];
  links?: readonly TextLink[];
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

/**
 * The text of ranges of `text` as HTML: escaped, matches marked, links made, footnote markers linked
 * (a title's too). A match or a link across a footnote marker is left out: a link may not hold one.
 */
export function inlineHtml(text: string, options: ParagraphHtmlOptions = {}): (range?: Range) => string {
  const markers = [...(options.footnotes ?? [])].sort((a, b) => a.at - b.at);
  const matches = options.matches ?? [];
  const links = options.links ?? [];
  return ([start, end]: Range = [0, text.length]): string => {
    let out = '';
    let at = start;
    for (const marker of markers) {
      if (marker.at < start || marker.at > end) continue;
      out += markedHtml(text, matches, links, at, marker.at) + footnoteRef(marker.number, options.footnoteAnchor?.(marker.number));
      at = marker.at;
    }
    return out + markedHtml(text, matches, links, at, end);
  };
}

/**
 * Words added since the year before as `<ins>`, removed ones as `<del>`. `links` are spans of the
 * newer text (the parts but the removed ones); a link around a removed word holds it struck through.
 */
export function diffHtml(parts: DiffPart[], links: readonly TextLink[] = []): string {
  const changes: MarkedSpan[] = [];
  /** Where each character of the newer text is in the text shown, removed words and all. */
  const shownAt: number[] = [];
  let at = 0;
  for (const { type, text } of parts) {
    if (type === 'removed') changes.push({ start: at, end: at + text.length, open: '<del>', close: '</del>' });
    else for (let i = 0; i < text.length; i++) shownAt.push(at + i);
    if (type === 'added') changes.push({ start: at, end: at + text.length, open: '<ins>', close: '</ins>' });
    at += text.length;
  }
  const shownLinks = links.filter((l) => l.end <= shownAt.length && l.start < l.end).map((l) => ({ ...l, start: shownAt[l.start]!, end: shownAt[l.end - 1]! + 1 }));
  return layeredHtml(parts.map((p) => p.text).join(''), shownLinks, { spans: changes, open: '', close: '' });
}

/** A scan's repaired text, each repaired word marked with what the scan said. */
export function repairedHtml(text: string, repairs: readonly (Span & { from: string })[], links: readonly TextLink[] = []): string {
  const sorted = [...repairs].sort((a, b) => a.start - b.start);
  const marks = sorted.map((r) => ({ start: r.start, end: r.end, open: `<ins class="repair" title="${escapeHtml(`OCR: ${r.from}`)}">` }));
  return layeredHtml(text, links, { spans: marks, open: '<ins>', close: '</ins>' });
}

/** `text` escaped, with its links outermost and the marks of `inner` inside them. */
function layeredHtml(text: string, links: readonly TextLink[], inner: MarkLayer, from = 0, to = text.length): string {
  const anchors = links.map((l) => ({ start: l.start, end: l.end, open: `<a href="${escapeHtml(l.href)}" rel="external" title="${escapeHtml(l.title)}">` }));
  return markLayers(text, [{ spans: anchors, open: '', close: '</a>' }, inner], escapeHtml, from, to);
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
