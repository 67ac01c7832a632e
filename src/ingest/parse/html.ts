/**
 * HTML → blocks: a letter saved as a web page, or a Word file converted to HTML. The letter is the
 * page's main content — `<main>`, else its `<article>`, else the body — without site navigation,
 * headers, footers, cookie banners and scripts (named in the report as dropped). Headings, paragraphs,
 * lists, tables and footnotes are read from the elements that mark them; a footnote is an item that a
 * superscript link points at (Word's and most sites' footnotes), and its marker becomes the superscript
 * digits every parser uses.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Block, Dropped, ListItem, ParsedSource } from './blocks.js';
import { toSuperscript } from './footnote-markers.js';

/** Elements that are the site around the letter, never the letter itself. */
const BOILERPLATE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'dialog']);
/** Elements that hold no text for a reader. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head', 'button', 'select', 'input']);
const HEADING = /^h[1-6]$/;

export function parseHtml(html: string): ParsedSource {
  const tree = fromHtml(html);
  const dropped: Dropped[] = [];
  const main = find(tree, (e) => e.tagName === 'main' || e.properties.role === 'main') ?? find(tree, (e) => e.tagName === 'article') ?? find(tree, (e) => e.tagName === 'body') ?? tree;
  for (const around of surroundings(tree, main)) {
    const text = toText(around).replace(/\s+/g, ' ').trim();
    if (text) dropped.push({ what: `${siteRole(around)} (outside the page's main content)`, text, words: text.split(' ').length });
  }
  const footnotes = footnoteTargets(main);
  const blocks: Block[] = [];
  const reader = { blocks, dropped, footnotes };
  readChildren(main.children, reader);
  for (const note of footnotes.values()) if (note.text) blocks.push({ kind: 'footnote', number: note.number, text: note.text });
  return { blocks, dropped };
}

interface Footnote {
  number: string;
  text: string;
}

interface Reader {
  blocks: Block[];
  dropped: Dropped[];
  /** Footnote items by their id: read out of the text, told as footnote blocks at the end. */
  footnotes: Map<string, Footnote>;
}

function readChildren(children: (RootContent | ElementContent)[], reader: Reader): void {
  let inline: (RootContent | ElementContent)[] = [];
  const flush = () => {
    const text = inlineText(inline, reader);
    if (text) reader.blocks.push({ kind: 'text', text });
    inline = [];
  };
  for (const child of children) {
    if (child.type !== 'element') {
      if (child.type === 'text') inline.push(child);
      continue;
    }
    if (isInline(child)) {
      inline.push(child);
      continue;
    }
    flush();
    readBlock(child, reader);
  }
  flush();
}

function readBlock(element: Element, reader: Reader): void {
  const tag = element.tagName;
  if (INVISIBLE.has(tag) || element.properties.hidden !== undefined) return;
  if (isFootnote(element, reader)) return;
  if (BOILERPLATE.has(tag) || element.properties.role === 'navigation' || element.properties.role === 'banner' || element.properties.role === 'contentinfo') {
    const text = toText(element).replace(/\s+/g, ' ').trim();
    if (text) reader.dropped.push({ what: siteRole(element), text, words: text.split(' ').length });
    return;
  }
  if (HEADING.test(tag)) {
    const text = inlineText(element.children, reader);
    if (text) reader.blocks.push({ kind: 'heading', text });
    return;
  }
  if (tag === 'p') {
    const text = inlineText(element.children, reader);
    if (text) reader.blocks.push({ kind: 'text', text });
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    const items = listItems(element, reader);
    if (items.length) reader.blocks.push({ kind: 'list', items });
    return;
  }
  if (tag === 'table') {
    const rows = elements(element, 'tr').map((tr) => tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')).map((cell) => cellText(cell, reader)));
    const filled = rows.filter((row) => row.some(Boolean));
    if (filled.length) reader.blocks.push({ kind: 'table', rows: filled });
    return;
  }
  if (tag === 'br' || tag === 'hr' || tag === 'img') return;
  readChildren(element.children, reader);
}

function listItems(list: Element, reader: Reader): ListItem[] {
  const items: ListItem[] = [];
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li' || isFootnote(li, reader)) continue;
    const nested = li.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol'));
    const own = li.children.filter((c) => !nested.includes(c as Element));
    const text = inlineText(own, reader);
    const children = nested.flatMap((n) => listItems(n, reader));
    if (text || children.length) items.push({ text, children });
  }
  return items;
}

/** A table cell's text; a cell holding a list or several paragraphs joins them with "; ". */
function cellText(cell: Element, reader: Reader): string {
  const parts = cell.children.flatMap((c) =>
    c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol') ? listItems(c, reader).map((i) => i.text) : c.type === 'element' && c.tagName === 'p' ? [inlineText(c.children, reader)] : [],
  );
  return (parts.length ? parts : [inlineText(cell.children, reader)]).filter(Boolean).join('; ');
}

/** Running text of inline content: whitespace as a reader sees it, footnote references as superscript digits. */
function inlineText(nodes: (RootContent | ElementContent)[], reader: Reader): string {
  let out = '';
  const visit = (node: RootContent | ElementContent) => {
    if (node.type === 'text') out += node.value;
    if (node.type !== 'element' || INVISIBLE.has(node.tagName)) return;
    if (node.tagName === 'br') {
      out += ' ';
      return;
    }
    const marker = footnoteMarker(node, reader);
    if (marker !== null) {
      out += toSuperscript(marker);
      return;
    }
    node.children.forEach(visit);
    if (!isInline(node)) out += ' ';
  };
  nodes.forEach(visit);
  return out.replace(/\s+/g, ' ').replace(/\s+([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/gu, '$1').trim();
}

/**
 * The footnote number an element stands for: a `<sup>` holding a link to a footnote, or just digits
 * (`<sup>3</sup>`, `<sup>[3]</sup>`); or a link to a footnote on its own. Null for any other element.
 */
function footnoteMarker(element: Element, reader: Reader): string | null {
  const linked = (a: Element) => reader.footnotes.get(decodeURIComponent(String(a.properties.href ?? '').replace(/^#/, '')))?.number;
  if (element.tagName === 'a' && String(element.properties.href ?? '').startsWith('#')) return linked(element) ?? null;
  if (element.tagName !== 'sup') return null;
  const viaLink = elements(element, 'a').map(linked).find((n) => n !== undefined);
  if (viaLink) return viaLink;
  const digits = /^\[?(\d{1,3})\]?$/.exec(toText(element).trim());
  return digits ? digits[1]! : null;
}

function isFootnote(element: Element, reader: Reader): boolean {
  return typeof element.properties.id === 'string' && reader.footnotes.has(element.properties.id);
}

/**
 * Footnote items: elements with an id that a footnote reference points at — a link inside a `<sup>`
 * (Word's), a link holding one (pandoc's, many sites'), or one marked as a note reference. Their
 * number is the order they are first referenced in, as printed markers count; the link back to the
 * text ("↑", "↩") is no part of a footnote.
 */
function footnoteTargets(root: Root | Element): Map<string, Footnote> {
  const referenced: string[] = [];
  const visit = (node: Root | Element, inSup: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const href = String(child.properties.href ?? '');
      if (child.tagName === 'a' && href.startsWith('#') && (inSup || elements(child, 'sup').length > 0 || isNoteReference(child))) referenced.push(decodeURIComponent(href.slice(1)));
      visit(child, inSup || child.tagName === 'sup');
    }
  };
  visit(root, false);
  const wanted = new Set(referenced);
  const targets = new Map<string, Footnote>();
  walk(root, (e) => {
    const id = typeof e.properties.id === 'string' ? e.properties.id : undefined;
    // A reference can itself carry an id (the back link's target): a footnote is never a link or a marker.
    if (id && wanted.has(id) && !targets.has(id) && e.tagName !== 'a' && e.tagName !== 'sup') targets.set(id, { number: '', text: textWithoutBackLinks(e) });
  });
  [...new Set(referenced.filter((id) => targets.has(id)))].forEach((id, k) => (targets.get(id)!.number = String(k + 1)));
  return targets;
}

function isNoteReference(link: Element): boolean {
  const names = `${String(link.properties.className ?? '')} ${String(link.properties.id ?? '')}`;
  if (link.properties.role === 'doc-backlink' || /back/i.test(names)) return false;
  return link.properties.role === 'doc-noteref' || /footnote|fnref|noteref/i.test(names);
}

function textWithoutBackLinks(element: Element): string {
  const strip = (e: Element): Element => ({
    ...e,
    children: e.children.filter((c) => !(c.type === 'element' && c.tagName === 'a' && String(c.properties.href ?? '').startsWith('#'))).map((c) => (c.type === 'element' ? strip(c) : c)),
  });
  return toText(strip(element)).replace(/\s+/g, ' ').replace(/\s*[↑↩]\uFE0E?\s*$/u, '').trim();
}

/** The elements beside the path from the document down to `main`: the site around the letter. */
function surroundings(root: Root, main: Root | Element): Element[] {
  const pathTo = (node: Root | Element): Element[] | null => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child === main) return [child];
      const below = pathTo(child);
      if (below) return [child, ...below];
    }
    return null;
  };
  const path = main === root ? null : pathTo(root);
  if (!path) return [];
  const onPath = new Set<Root | Element>(path);
  const beside = (node: Root | Element): Element[] =>
    (node.children as (RootContent | ElementContent)[]).filter((c): c is Element => c.type === 'element' && !onPath.has(c) && !INVISIBLE.has(c.tagName));
  return [root, ...path.slice(0, -1)].flatMap(beside);
}

/** What a piece of a site is, as the report names it. */
function siteRole(element: Element): string {
  const role = String(element.properties.role ?? '');
  if (element.tagName === 'nav' || role === 'navigation') return 'site navigation';
  if (element.tagName === 'header' || role === 'banner') return 'site header';
  if (element.tagName === 'footer' || role === 'contentinfo') return 'site footer';
  if (element.tagName === 'aside' || role === 'complementary') return 'related links beside the letter';
  if (role === 'dialog' || element.tagName === 'dialog') return 'a dialog (cookie consent or the like)';
  if (element.tagName === 'form' || role === 'search') return 'a site form';
  return 'site text';
}

function isInline(element: Element): boolean {
  return ['a', 'abbr', 'b', 'strong', 'i', 'em', 'u', 's', 'span', 'sup', 'sub', 'small', 'mark', 'code', 'q', 'cite', 'time', 'data', 'br', 'del', 'ins', 'font', 'bdi', 'bdo', 'kbd', 'var', 'dfn'].includes(element.tagName);
}

function find(root: Root | Element, test: (e: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  walk(root, (e) => {
    if (!found && test(e)) found = e;
  });
  return found;
}

function elements(root: Root | Element, tag: string): Element[] {
  const out: Element[] = [];
  walk(root, (e) => {
    if (e.tagName === tag) out.push(e);
  });
  return out;
}

function walk(node: Root | Element, visit: (e: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child);
    walk(child, visit);
  }
}
