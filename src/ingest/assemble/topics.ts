/**
 * Topic tagging from a taxonomy kept as data (`corpus/topics.json`, editable without code). A paragraph
 * gets a topic when its own text names one of the topic's terms, or when its heading does; a section
 * title is weaker evidence and counts only together with another hit.
 */
import { fold } from '../../text/fold.js';
import { readDataFile } from '../read/data-file.js';

export interface Topic {
  id: string;
  label: string;
  terms: string[];
}

export interface Taxonomy {
  topics: Topic[];
}

export function loadTaxonomy(path: string): Taxonomy {
  return readDataFile(path, (data): data is Taxonomy => Array.isArray((data as Taxonomy)?.topics) && (data as Taxonomy).topics.every(isTopic), '{ topics: [{ id, label, terms: [] }] }');
}

function isTopic(t: unknown): t is Topic {
  const topic = t as Topic;
  return typeof topic?.id === 'string' && typeof topic.label === 'string' && Array.isArray(topic.terms) && topic.terms.every((x) => typeof x === 'string');
}

/** Where a paragraph sits: the evidence its topics are read from. */
export interface TopicContext {
  text: string;
  heading?: string;
  sectionTitle?: string;
}

export class TopicTagger {
  private readonly matchers: { id: string; pattern: RegExp }[];

  constructor(taxonomy: Taxonomy) {
    this.matchers = taxonomy.topics.map((topic) => ({ id: topic.id, pattern: new RegExp(topic.terms.map(termPattern).join('|')) }));
  }

  tag({ text, heading, sectionTitle }: TopicContext): string[] {
    const body = fold(text);
    const head = fold(heading ?? '');
    const title = fold(sectionTitle ?? '');
    const scored = this.matchers
      .map(({ id, pattern }) => ({ id, score: (pattern.test(body) ? 1 : 0) + (pattern.test(head) ? 1 : 0) + (pattern.test(title) ? 0.5 : 0) }))
      .filter(({ score }) => score >= 1);
    return scored.sort((a, b) => b.score - a.score).map(({ id }) => id);
  }
}

/** `term` → words starting with it; `=term` → the whole word; `*term` → anywhere inside a word. */
function termPattern(term: string): string {
  const mode = term[0] === '=' || term[0] === '*' ? term[0] : '';
  const body = fold(mode ? term.slice(1) : term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = /^[a-z0-9]/.test(body) ? '(?<![a-z0-9])' : '';
  if (mode === '=') return `${start}${body}(?![a-z0-9])`;
  if (mode === '*') return body;
  return `${start}${body}`;
}
