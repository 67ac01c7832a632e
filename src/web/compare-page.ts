import { paragraphUrl } from '../search/catalog.js';
import type { CompareBlock, Comparison, DiffPart } from '../search/compare.js';
import type { SearchEngine } from '../search/engine.js';
import { escapeHtml } from '../search/snippet.js';
import { place, type Place } from './place.js';

/**
 * The comparison page: one column per year, oldest first. A year with a matching block shows its text
 * with the words added since the previous column marked, and those removed struck through; a year
 * without one says so.
 */
export type CompareColumn =
  | { kind: 'block'; year: number; block: CompareBlock; place: Place; isOrigin: boolean; html: string; comparedWith: number | null; similarity: number }
  | { kind: 'missing'; year: number; docId: string; docTitle: string };

export interface CompareView {
  origin: { id: string; docTitle: string; place: Place; url: string };
  columns: CompareColumn[];
  changes: boolean;
}

export function compareView(engine: SearchEngine, comparison: Comparison): CompareView {
  const originEntry = engine.catalog.entries[engine.catalog.indexOf(comparison.origin)!]!;
  const originBlock = comparison.blocks.find((b) => b.paragraphs.includes(comparison.origin))!;
  let previousYear: number | null = null;
  const blocks = comparison.blocks.map((block): CompareColumn => {
    const column: CompareColumn = {
      kind: 'block',
      year: block.year,
      block,
      place: blockPlace(block),
      isOrigin: block === originBlock,
      html: block.diff ? diffHtml(block.diff) : escapeHtml(block.text),
      comparedWith: block.diff ? previousYear : null,
      similarity: Math.round(block.similarity * 100),
    };
    previousYear = block.year;
    return column;
  });
  const missing = comparison.unmatched.map((u): CompareColumn => ({ kind: 'missing', ...u }));
  return {
    origin: { id: comparison.origin, docTitle: originEntry.docTitle, place: blockPlace(originBlock), url: paragraphUrl(originEntry) },
    columns: [...blocks, ...missing].sort((a, b) => a.year - b.year),
    changes: blocks.length > 1,
  };
}

function blockPlace(block: CompareBlock): Place {
  return place(block.section, block.sectionTitle, block.heading);
}

function diffHtml(parts: DiffPart[]): string {
  return parts.map((p) => (p.type === 'added' ? `<ins>${escapeHtml(p.text)}</ins>` : p.type === 'removed' ? `<del>${escapeHtml(p.text)}</del>` : escapeHtml(p.text))).join('');
}
