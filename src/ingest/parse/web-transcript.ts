/**
 * A document page saved from a web site: site boilerplate (a "Like dokumenter" list) before
 * `Transkript:`, then the document as page-sized blocks, one per line, with its table of contents first.
 * The TOC (entries with page numbers) tells which numbers in the running text are section headings;
 * headings deeper than the TOC are recognised by continuing its numbering.
 */
import type { Block, Dropped, ParsedSource } from './blocks.js';
import { continuesNumbering } from './section-number.js';

export const TRANSCRIPT_MARKER = /^\s*Transkript:\s*$/mu;

interface TocEntry {
  number: string;
  title: string;
}

const NUMBER = /^\d{1,2}(?:\.\d{1,2}){0,4}\.?$/u;
/** Running page furniture: "// Arbeids- og velferdsdirektoratet //". */
const FURNITURE = /\/\/[^/]{1,60}\/\//gu;

export function parseWebTranscript(source: string): ParsedSource {
  const dropped: Dropped[] = [];
  const marker = TRANSCRIPT_MARKER.exec(source);
  const head = marker ? source.slice(0, marker.index + marker[0].length) : '';
  if (head.trim()) dropped.push(droppedText('Like dokumenter (site boilerplate before «Transkript:»)', head));

  const body = (marker ? source.slice(marker.index + marker[0].length) : source).split('\n').map((l) => l.trim()).filter(Boolean);
  const blocks: Block[] = [];
  let toc: TocEntry[] = [];
  const pages: string[] = [];
  for (const line of body) {
    const last = toc[toc.length - 1]?.number ?? null;
    if (/^Innhold\b/u.test(line) || (toc.length && pages.length === 0 && parseToc(line, last).length >= 5)) {
      toc = toc.concat(parseToc(line.replace(/^Innhold\s*/u, ''), last));
      dropped.push(droppedText('table of contents', line));
    } else if (pages.length === 0 && toc.length === 0 && /^\/\//.test(line)) {
      blocks.push({ kind: 'text', text: line.replace(/^\/\/\s*/, '') });
    } else pages.push(line);
  }

  const text = stripPageFurniture(pages, dropped);
  return { blocks: blocks.concat(splitAtHeadings(text, toc)), dropped };
}

function droppedText(what: string, text: string): Dropped {
  return { what, text, words: text.split(/\s+/).filter(Boolean).length };
}

/**
 * "1 Leders beretning 3 2 Introduksjon … 5 2.1 NAVs oppgaver 5 …" → entries whose numbers continue
 * one another (and `previous`, the last entry of the line before).
 */
export function parseToc(line: string, previous: string | null = null): TocEntry[] {
  const tokens = line.split(/\s+/);
  const starts: number[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    // An entry number follows a page number (or starts the line) and is followed by a capital.
    const afterPage = i === 0 || /^\d{1,3}$/.test(tokens[i - 1]!);
    if (NUMBER.test(token) && afterPage && /^[\p{Lu}«]/u.test(tokens[i + 1]!) && continuesNumbering(previous, token.replace(/\.$/, ''))) {
      starts.push(i);
      previous = token.replace(/\.$/, '');
    }
  }
  return starts.map((start, k) => {
    const words = tokens.slice(start + 1, starts[k + 1] ?? tokens.length);
    while (words.length && /^\d{1,3}$/.test(words[words.length - 1]!)) words.pop();
    // Unnumbered entries after the last section ("Figurer og tabeller 83") are not part of its title.
    const page = words.findIndex((w, j) => j > 0 && /^\d{1,3}$/.test(w) && /^\p{Lu}/u.test(words[j + 1] ?? ''));
    return { number: tokens[start]!.replace(/\.$/, ''), title: (page > 0 ? words.slice(0, page) : words).join(' ') };
  });
}

/**
 * Join the page blocks into one running text, without the page number each page ends with (a run of
 * consecutive numbers across pages) and without running headers.
 */
function stripPageFurniture(pages: string[], dropped: Dropped[]): string {
  const numbers: string[] = [];
  const headers: string[] = [];
  const cleaned = pages.map((page, k) => {
    let text = page.replace(FURNITURE, (header) => {
      headers.push(header);
      return ' ';
    });
    const own = /\s(\d{1,3})$/.exec(text);
    const nextNumber = /\s(\d{1,3})$/.exec(pages[k + 1] ?? '')?.[1];
    const previousNumber = /\s(\d{1,3})$/.exec(pages[k - 1] ?? '')?.[1];
    if (own && (Number(nextNumber) === Number(own[1]) + 1 || Number(previousNumber) === Number(own[1]) - 1)) {
      text = text.slice(0, own.index);
      numbers.push(own[1]!);
    }
    return text.replace(/\s+/g, ' ').trim();
  });
  if (numbers.length) dropped.push(droppedText('page numbers', numbers.join(' ')));
  if (headers.length) dropped.push(droppedText('running page headers', headers.join(' ')));
  // Page starts stay marked with a line break: a heading may open a page.
  return cleaned.join('\n');
}

/**
 * Cut the running text at its section headings. A heading is a number that continues the numbering,
 * standing after a sentence end, a heading, a figure or a page start (not after a word, as in the
 * cross-reference "beskrevet under 3.1.4 Et inkluderende arbeidsliv"), followed by its title: the TOC
 * title when the TOC has the number (a footnote "4 Av tekniske grunner …" is no heading 4), otherwise
 * the words up to the first capital that starts a sentence.
 */
function splitAtHeadings(text: string, toc: TocEntry[]): Block[] {
  const titles = new Map(toc.map((e) => [e.number, e.title]));
  const tocDepth = Math.max(0, ...toc.map((e) => e.number.split('.').length));
  const names = capitalisedMidSentence(text);
  const blocks: Block[] = [];
  const candidate = /(?<=^|\s)(\d{1,2}(?:\.\d{1,2}){0,4})\.? (?=[\p{Lu}«])/gu;
  let section: string | null = null;
  let from = 0;
  let lastHeadingEnd = -1;
  for (const m of text.matchAll(candidate)) {
    if (m.index < from) continue;
    const number = m[1]!;
    const afterHeading = m.index === lastHeadingEnd || m.index === lastHeadingEnd + 1;
    if (!continuesNumbering(section, number)) continue;
    if (!afterHeading && m.index > 0 && !/(?:[.!?:%)»\d] |\n)$/u.test(text.slice(m.index - 2, m.index))) continue;
    const rest = text.slice(m.index + m[0].length);
    // Down to the TOC's depth, a heading must be a TOC entry; deeper ones are judged by their shape.
    const tocTitle = titles.get(number);
    if (tocTitle === undefined && number.split('.').length <= tocDepth) continue;
    const title = matchTitle(rest, tocTitle, names);
    if (!title) continue;
    const before = text.slice(from, m.index).replace(/\s+/g, ' ').trim();
    if (before) blocks.push({ kind: 'text', text: before });
    blocks.push({ kind: 'heading', text: `${number} ${title}` });
    section = number;
    from = m.index + m[0].length + title.length;
    lastHeadingEnd = from;
  }
  const tail = text.slice(from).replace(/\s+/g, ' ').trim();
  if (tail) blocks.push({ kind: 'text', text: tail });
  return blocks;
}

/** The heading's title as printed at the start of `rest`. */
function matchTitle(rest: string, tocTitle: string | undefined, names: Set<string>): string | null {
  if (tocTitle !== undefined) {
    const printed = rest.slice(0, tocTitle.length);
    return printed.toLowerCase() === tocTitle.toLowerCase() ? printed : null;
  }
  const words = rest.split(' ');
  const title: string[] = [];
  for (const word of words.slice(0, 14)) {
    if (title.length > 0 && /^\p{Lu}/u.test(word) && !names.has(word)) break;
    title.push(word);
  }
  return title.length > 0 && title.length < 14 && !/[.,;:]$/.test(title[title.length - 1]!) ? title.join(' ') : null;
}

/**
 * Capitalised words that recur after a lower-case word or an acronym and are rarely written in lower
 * case: names ("NAV Arbeidslivssenter"), not sentence starts. Once is not enough, since a run-in
 * heading itself puts a capital there.
 */
function capitalisedMidSentence(text: string): Set<string> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<=[\p{Ll},] |\p{Lu}{2,} )(\p{Lu}[\p{Ll}\p{Lu}-]+)/gu)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const lower = new Map<string, number>();
  for (const m of text.matchAll(/(?<=\s)\p{Ll}[\p{Ll}-]+/gu)) lower.set(m[0], (lower.get(m[0]) ?? 0) + 1);
  return new Set([...counts].filter(([word, n]) => n >= 2 && (lower.get(word.toLowerCase()) ?? 0) < n).map(([word]) => word));
}
