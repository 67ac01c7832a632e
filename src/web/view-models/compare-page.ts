/**
 * The comparison page: one column per year, oldest first. A year with a matching block shows its text
 * with the words added since the previous column marked, those removed struck through and its law
 * references linked; a year without one says so.
 */
import type { CompareBlock, Comparison } from '../../search/compare.js';
import type { SearchEngine } from '../../search/engine.js';
import { diffHtml, markedHtml } from '../html.js';
import { lawLinks } from '../law-links.js';
import { documentUrl, paragraphUrl } from '../urls.js';
import { place, type Place } from './place.js';

/** A year's column: its matching block, or a note that the year has none. */
export type CompareColumn =
  | { kind: 'block'; year: number; block: CompareBlock; url: string; place: Place; isOrigin: boolean; html: string; comparedWith: number | null; similarity: number }
  | { kind: 'missing'; year: number; docId: string; docTitle: string; url: string };

export interface CompareView {
  origin: { id: string; docTitle: string; place: Place; url: string };
  columns: CompareColumn[];
  changes: boolean;
}

export function compareView(engine: SearchEngine, comparison: Comparison): CompareView {
  const originEntry = engine.catalog.entries[engine.catalog.indexOf(comparison.origin)!]!;
  const originBlock = comparison.blocks.find((b) => b.paragraphs.includes(comparison.origin))!;
  const links = lawLinks(engine.laws);
  let previousYear: number | null = null;
  const blocks = comparison.blocks.map((block): CompareColumn => {
    const column: CompareColumn = {
      kind: 'block',
      year: block.year,
      block,
      url: paragraphUrl(block.docId, block.anchor),
      place: blockPlace(block),
      isOrigin: block === originBlock,
      html: block.diff ? diffHtml(block.diff, links(block.text)) : markedHtml(block.text, [], links(block.text)),
      comparedWith: block.diff ? previousYear : null,
      similarity: Math.round(block.similarity * 100),
    };
    previousYear = block.year;
    return column;
  });
  const missing = comparison.unmatched.map((u): CompareColumn => ({ kind: 'missing', ...u, url: documentUrl(u.docId) }));
  return {
    origin: { id: comparison.origin, docTitle: originEntry.docTitle, place: blockPlace(originBlock), url: paragraphUrl(originEntry.docId, originEntry.anchor) },
    columns: [...blocks, ...missing].sort((a, b) => a.year - b.year),
    changes: blocks.length > 1,
  };
}

function blockPlace(block: CompareBlock): Place {
  return place(block.section, block.sectionTitle, block.heading);
}
