/**
 * How much each topic fills each year's letters: the share of that year's paragraphs tagged with the
 * topic (footnotes and preambles included, as they are part of what the letter says).
 */
import type { Catalog } from '../indexing/catalog.js';

export interface TopicTrends {
  years: number[];
  topics: { id: string; label: string; shares: number[]; counts: number[] }[];
  /** Paragraphs per year, the denominators of the shares. */
  totals: number[];
}

export function topicTrends(catalog: Catalog, type?: string): TopicTrends {
  const entries = catalog.entries.filter((e) => !type || e.type === type);
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => a - b);
  const totals = years.map((y) => entries.filter((e) => e.year === y).length);
  const topics = catalog.topics.map(({ id, label }) => {
    const counts = years.map((y) => entries.filter((e) => e.year === y && e.topics.includes(id)).length);
    return { id, label, counts, shares: counts.map((c, i) => (totals[i] ? c / totals[i]! : 0)) };
  });
  return { years, topics: topics.filter((t) => t.counts.some((c) => c > 0)), totals };
}
