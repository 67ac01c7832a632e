/**
 * Blocks → numbered Sections holding Paragraphs, the same for every source shape. A numbered heading
 * opens a section (text before the first one is the preamble, number ""); an unnumbered heading becomes
 * the `heading` of the paragraphs under it. Lists keep their lead-in when the two read well together;
 * long lists, tables and page-sized text are split so every paragraph is a readable, linkable unit.
 * Footnotes become paragraphs of a last section, "Fotnoter", so they can be found, linked and quoted;
 * the paragraphs that cite them keep where each marker stood.
 */
import { footnoteAnchor, paragraphId, sectionAnchor } from '../../model/anchors.js';
import type { Paragraph, Section } from '../../model/corpus.js';
import type { Block, ListItem, TableBlock } from '../parse/blocks.js';
import { extractFootnoteRefs } from '../parse/footnote-markers.js';
import { parseNumberedHeading } from '../parse/section-number.js';
import { packSentences } from '../../text/sentences.js';
import { slugify } from '../../text/slug.js';

const FOOTNOTES_TITLE = 'Fotnoter';

/** Above this many characters a list is split into one paragraph per item. */
const LIST_WITH_LEAD_IN_MAX = 1200;

export function buildSections(blocks: Block[], docId: string): Section[] {
  const sections: Section[] = [];
  const footnotes = new Map<string, string>();
  const anchors = new Anchors();
  let section = openSection(sections, anchors, '', '', 0);
  let heading: string | undefined;
  /** An unnumbered heading that has no paragraph under it yet. */
  let headingPending = false;
  let counter = new Map<string, number>();

  const add = (text: string) => {
    const clean = text.trim();
    if (!clean) return;
    const key = `${section.number || '0'}${heading ? `-${slugify(heading)}` : ''}`;
    const n = (counter.get(key) ?? 0) + 1;
    counter.set(key, n);
    const anchor = anchors.unique(`${key}-${n}`);
    const paragraph: Paragraph = { id: paragraphId(docId, anchor), anchor, text: clean, topics: [] };
    if (heading) paragraph.heading = heading;
    section.paragraphs.push(paragraph);
    headingPending = false;
  };
  /** A heading directly followed by another heading would vanish: it is kept as a paragraph instead. */
  const settlePendingHeading = () => {
    if (headingPending && heading) add(heading);
    headingPending = false;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    switch (block.kind) {
      case 'heading': {
        settlePendingHeading();
        const numbered = parseNumberedHeading(block.text);
        if (numbered) {
          section = openSection(sections, anchors, numbered.number, numbered.title, numbered.level);
          heading = undefined;
          counter = new Map();
        } else {
          heading = block.text.replace(/:$/, '');
          headingPending = true;
        }
        break;
      }
      case 'text':
        for (const chunk of packSentences(block.text)) add(chunk);
        break;
      case 'list': {
        const items = block.items.map((item) => renderItem(item));
        const previous = section.paragraphs[section.paragraphs.length - 1];
        const leadIn = previous && !headingPending && previous.heading === heading && isLeadIn(previous.text) ? previous : undefined;
        const whole = [leadIn?.text, ...items].filter(Boolean).join('\n');
        if (whole.length <= LIST_WITH_LEAD_IN_MAX) {
          if (leadIn) leadIn.text = whole;
          else add(whole);
        } else for (const item of items) add(item);
        break;
      }
      case 'table':
        for (const row of tableParagraphs(block)) add(row);
        break;
      case 'footnote':
        if (!footnotes.has(block.number)) footnotes.set(block.number, block.text);
        break;
    }
  }
  settlePendingHeading();
  if (footnotes.size) {
    const notes: Section = { number: '', title: FOOTNOTES_TITLE, level: 0, anchor: anchors.unique('fotnoter'), role: 'footnotes', paragraphs: [] };
    for (const [number, text] of footnotes) {
      const anchor = anchors.unique(footnoteAnchor(number));
      notes.paragraphs.push({ id: paragraphId(docId, anchor), anchor, text, topics: [] });
    }
    sections.push(notes);
  }
  for (const paragraph of sections.flatMap((s) => s.paragraphs)) {
    const { text, refs } = extractFootnoteRefs(paragraph.text);
    paragraph.text = text;
    if (refs.length) paragraph.footnotes = refs;
  }
  return sections;
}

function openSection(sections: Section[], anchors: Anchors, number: string, marked: string, level: number): Section {
  const { text: title, refs } = extractFootnoteRefs(marked);
  const section: Section = { number, title, level, anchor: anchors.unique(sectionAnchor(number)), paragraphs: [] };
  if (refs.length) section.footnotes = refs;
  sections.push(section);
  return section;
}

/** Anchors taken so far, and for each anchor asked for the next number to try: a long letter repeats many. */
class Anchors {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  /** `anchor`, or the first of `anchor-2`, `anchor-3`, … not taken yet. */
  unique(anchor: string): string {
    let candidate = anchor;
    if (this.taken.has(anchor)) {
      let k = this.next.get(anchor) ?? 2;
      while (this.taken.has(`${anchor}-${k}`)) k++;
      candidate = `${anchor}-${k}`;
      this.next.set(anchor, k + 1);
    }
    this.taken.add(candidate);
    return candidate;
  }
}

/** A sentence that introduces what follows ("… sørge for", "De to kravene er:"). */
function isLeadIn(text: string): boolean {
  return text.length < 400 && !text.includes('\n') && (/:$/.test(text) || !/[.!?]["»”)]?$/.test(text));
}

function renderItem(item: ListItem, depth = 0): string {
  const line = `${'  '.repeat(depth)}- ${item.text}`;
  return [line, ...item.children.map((child) => renderItem(child, depth + 1))].join('\n');
}

/** Table rows as readable lines, "cell | cell"; a long table is one paragraph per row. */
function tableParagraphs(table: TableBlock): string[] {
  const rows = table.rows.map((row) => row.map((c) => c.trim()).filter(Boolean).join(' | ')).filter(Boolean);
  const whole = rows.join('\n');
  return whole.length <= LIST_WITH_LEAD_IN_MAX ? [whole] : rows;
}
