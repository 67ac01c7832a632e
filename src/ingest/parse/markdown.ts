/**
 * Markdown and Markdown-ish text (unified + remark-parse + GFM) → blocks. Handles `#` headings with
 * emphasis inside, plain-line numbered headings that remark sees as paragraphs or ordered lists,
 * run-in headings (a line in bold or italics ending in a colon), `[text](#)` links, `<sup>n</sup>` and
 * `¹` footnote markers, `---` page breaks followed by footnotes, and tables written as GFM pipes or as
 * tab-separated lines of inline HTML.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { List, ListItem as MdListItem, PhrasingContent, RootContent, Table } from 'mdast';
import type { Block, ListItem, ParsedSource } from './blocks.js';
import { continuesNumbering, parseNumberedHeading } from './section-number.js';
import { mergeBrokenParagraphs } from './broken-paragraphs.js';
import { fromSuperscript, toSuperscript, SUPERSCRIPT_DIGITS } from './footnote-markers.js';
import { looksLikeHeading } from './heading-shape.js';

export function parseMarkdown(source: string): ParsedSource {
  // remark's tokenizer slows down more than linearly on very long texts: a long file is parsed in pieces.
  const children = markdownChunks(source).flatMap((chunk) => unified().use(remarkParse).use(remarkGfm).parse(chunk).children);
  const blocks: Block[] = [];
  const markers = new Set<string>();
  let section: string | null = null;

  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const next = children[i + 1];
    switch (node.type) {
      case 'heading': {
        const text = inline(node.children, markers);
        const numbered = parseNumberedHeading(text);
        if (numbered) section = numbered.number;
        blocks.push({ kind: 'heading', text });
        break;
      }
      case 'paragraph':
      case 'list': {
        const text = node.type === 'paragraph' ? inline(node.children, markers) : singleOrderedItem(node, markers);
        if (text === null) {
          blocks.push({ kind: 'list', items: (node as List).children.map((item) => listItem(item, markers)) });
          break;
        }
        const footnote = footnoteDefinition(text, markers);
        if (footnote) {
          blocks.push(footnote);
          break;
        }
        if (text.includes('\t')) {
          blocks.push({ kind: 'table', rows: [text.split('\t').map((cell) => cell.trim())] });
          break;
        }
        const numbered = parseNumberedHeading(text);
        if (numbered && !text.includes('\n') && looksLikeHeading(numbered.title, 160) && continuesNumbering(section, numbered.number)) {
          section = numbered.number;
          blocks.push({ kind: 'heading', text });
        } else if (!numbered && !text.includes('\n') && looksLikeHeading(text) && next?.type !== 'list' && next !== undefined) {
          blocks.push({ kind: 'heading', text });
        } else if (runInHeading(node, text, next)) {
          blocks.push({ kind: 'heading', text: text.slice(0, -1).trim() });
        } else blocks.push({ kind: 'text', text: text.replace(/\n/g, ' ') });
        break;
      }
      case 'table':
        blocks.push({ kind: 'table', rows: tableRows(node, markers) });
        break;
      case 'html': {
        const rows = htmlRows(node.value, markers);
        const previous = blocks[blocks.length - 1];
        if (previous?.kind === 'table' && rows.length) previous.rows.push(...rows);
        else if (rows.length) blocks.push(rows.length > 1 || rows[0]!.length > 1 ? { kind: 'table', rows } : { kind: 'text', text: rows[0]![0]! });
        break;
      }
      case 'code':
        blocks.push({ kind: 'text', text: node.value });
        break;
      case 'blockquote':
        for (const child of node.children) if (child.type === 'paragraph') blocks.push({ kind: 'text', text: inline(child.children, markers) });
        break;
      default:
        break;
    }
  }
  return { blocks: mergeBrokenParagraphs(blocks), dropped: [] };
}

/**
 * A line set in bold or italics as a whole and ending in a colon, followed by prose
 * ("*Hurtigsporet i introduksjonsprogrammet:*"), is the heading of what follows; one followed by a list
 * introduces the list.
 */
function runInHeading(node: RootContent, text: string, next: RootContent | undefined): boolean {
  const [only, ...rest] = node.type === 'paragraph' ? node.children : [];
  return rest.length === 0 && (only?.type === 'emphasis' || only?.type === 'strong') && text.endsWith(':') && next?.type === 'paragraph' && looksLikeHeading(text.slice(0, -1).trim());
}

/** Pieces of about CHUNK characters, each ending before a blank line followed by a heading or plain text. */
const CHUNK = 200_000;

function markdownChunks(source: string): string[] {
  const chunks: string[] = [];
  let from = 0;
  while (source.length - from > CHUNK) {
    const boundary = /\n[ \t]*\n(?=#|[\p{L}\d*_])/gu;
    boundary.lastIndex = from + CHUNK;
    const m = boundary.exec(source);
    if (!m) break;
    chunks.push(source.slice(from, m.index));
    from = m.index + m[0].length;
  }
  chunks.push(source.slice(from));
  return chunks;
}

/**
 * remark reads a plain line "1. Innledning" as an ordered list of one item; such a list is really a
 * numbered line of text. Returns null for real lists.
 */
function singleOrderedItem(list: List, markers: Set<string>): string | null {
  const [item] = list.children;
  if (!list.ordered || list.children.length !== 1 || !item || item.children.length !== 1) return null;
  const [paragraph] = item.children;
  if (paragraph?.type !== 'paragraph') return null;
  return `${list.start ?? 1}. ${inline(paragraph.children, markers)}`;
}

function listItem(item: MdListItem, markers: Set<string>): ListItem {
  const texts: string[] = [];
  const children: ListItem[] = [];
  for (const child of item.children) {
    if (child.type === 'list') children.push(...child.children.map((c) => listItem(c, markers)));
    else if (child.type === 'paragraph') texts.push(inline(child.children, markers).replace(/\n/g, ' '));
  }
  return { text: texts.join(' '), children };
}

/**
 * Phrasing content → plain text. Emphasis and links keep their text; `<sup>n</sup>` becomes the
 * superscript digits the rest of the pipeline uses as footnote markers.
 */
function inline(nodes: PhrasingContent[], markers: Set<string>): string {
  let out = '';
  let inSup = false;
  for (const node of nodes) {
    if (node.type === 'html') {
      if (/^<sup\b/i.test(node.value)) inSup = true;
      else if (/^<\/sup>/i.test(node.value)) inSup = false;
      else if (/^<br\s*\/?>$/i.test(node.value)) out += '\n';
      else out += htmlText(node.value, markers);
      continue;
    }
    const text = 'children' in node ? inline(node.children as PhrasingContent[], markers) : 'value' in node ? node.value : node.type === 'break' ? '\n' : '';
    if (inSup && /^\s*\d+\s*$/.test(text)) {
      markers.add(text.trim());
      out += toSuperscript(text.trim());
    } else out += text;
  }
  for (const m of out.matchAll(new RegExp(`[${SUPERSCRIPT_DIGITS}]+`, 'gu'))) markers.add(fromSuperscript(m[0]));
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

/**
 * A footnote definition: `¹ text`, `<sup>1</sup> text`, or `4 text` when footnote 4 has been
 * referenced and not yet defined (after a `---` page break the numbers lose their superscript).
 */
function footnoteDefinition(text: string, markers: Set<string>): Block | null {
  const m = new RegExp(`^([${SUPERSCRIPT_DIGITS}]+|\\d{1,2})\\s+(\\S[\\s\\S]*)$`, 'u').exec(text);
  if (!m) return null;
  const number = /^\d+$/.test(m[1]!) ? m[1]! : fromSuperscript(m[1]!);
  if (/^\d+$/.test(m[1]!) && !markers.has(number)) return null;
  markers.delete(number);
  return { kind: 'footnote', number, text: m[2]!.replace(/\s+/g, ' ') };
}

function tableRows(table: Table, markers: Set<string>): string[][] {
  return table.children.map((row) =>
    row.children.map((cell) => {
      // Inline HTML inside a GFM cell (lists, <i>) is parsed as HTML for its text.
      const raw = cell.children.map((c) => (c.type === 'html' ? c.value : inline([c], markers))).join('');
      return htmlText(raw, markers);
    }),
  );
}

/** Lines of tab-separated cells holding inline HTML → table rows. */
function htmlRows(html: string, markers: Set<string>): string[][] {
  return html
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => line.split('\t').map((cell) => htmlText(cell, markers)));
}

/** Readable text of an HTML fragment: list items joined by "; ", superscripts kept as markers. */
function htmlText(html: string, markers: Set<string>): string {
  const marked = html
    .replace(/<sup>\s*(\d+)\s*<\/sup>/gi, (_, n: string) => {
      markers.add(n);
      return toSuperscript(n);
    })
    .replace(/<li\b[^>]*>\s*(?:[-•○]\s*)?/gi, '<li>');
  const text = toText(fromHtml(marked, { fragment: true }));
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*[•○◦-]\s+/, '').trim())
    .filter(Boolean)
    .join('; ')
    .replace(/\s+/g, ' ')
    .replace(/^[•○◦]\s*/, '')
    .replace(/\s[•○◦]\s/g, '; ');
}

