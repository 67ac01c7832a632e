/**
 * One result: a paragraph with where it stands, and where the query matched it — in its text, its
 * heading and its section's title — as character spans, with the window of the text a result shows.
 * Turning spans into marked-up text is for whoever shows the hit.
 */
import type { Entry } from '../indexing/catalog.js';
import type { Field, ForwardIndex } from '../indexing/forward-index.js';
import type { Span } from '../text/marked-text.js';
import { snippetWindow, type Match } from './snippet.js';

export interface Hit {
  id: string;
  docId: string;
  anchor: string;
  year: number;
  type: string;
  docTitle: string;
  section: string;
  sectionTitle: string;
  heading: string | null;
  topics: string[];
  text: string;
  sources: string[];
  score: number;
  matches: HitMatches;
  /** The part of `text` a result shows. */
  snippet: Span;
}

export interface HitMatches {
  text: Span[];
  heading: Span[];
  sectionTitle: Span[];
}

/** The hit for the paragraph at `position`, matched by the terms `matchIds`. */
export function makeHit(entry: Entry, position: number, forward: ForwardIndex, matchIds: ReadonlySet<number>, score: number): Hit {
  // The forward index knows where each term stands in each field: no second analysis.
  const text = matchesIn(forward, position, 'text', matchIds);
  // The title field is analysed as "<number> <title>".
  const shift = entry.section.length + 1;
  const sectionTitle = matchesIn(forward, position, 'title', matchIds)
    .filter((m) => m.start >= shift)
    .map((m) => ({ start: m.start - shift, end: m.end - shift }));
  return {
    id: entry.id,
    docId: entry.docId,
    anchor: entry.anchor,
    year: entry.year,
    type: entry.type,
    docTitle: entry.docTitle,
    section: entry.section,
    sectionTitle: entry.sectionTitle,
    heading: entry.heading ?? null,
    topics: entry.topics,
    text: entry.text,
    sources: entry.sources,
    score: Math.round(score * 1000) / 1000,
    matches: { text: text.map(spanOf), heading: matchesIn(forward, position, 'heading', matchIds).map(spanOf), sectionTitle },
    snippet: snippetWindow(entry.text, text),
  };
}

/** The tokens of one field of a paragraph whose terms are among `matchIds`, in text order. */
export function matchesIn(forward: ForwardIndex, position: number, field: Field, matchIds: ReadonlySet<number>): Match[] {
  const { offsets, terms, starts, ends } = forward.column(field);
  const found: Match[] = [];
  for (let i = offsets[position]!, to = offsets[position + 1]!; i < to; i++) if (matchIds.has(terms[i]!)) found.push({ start: starts[i]!, end: ends[i]!, term: terms[i]! });
  return found;
}

function spanOf({ start, end }: Span): Span {
  return { start, end };
}
