/**
 * The front page's table of topics over the years: each topic's share of a year's paragraphs, as a
 * heat level from 1 (least) to HEAT_LEVELS (most; 0 is none at all) and a link to those paragraphs.
 */
import type { Catalog } from '../../indexing/catalog.js';
import { topicTrends } from '../../search/topic-trends.js';
import { countOf, formatPercent } from '../norwegian.js';
import { searchUrl } from '../urls.js';

const HEAT_LEVELS = 5;

export interface TopicTrendsView {
  years: { year: number; label: string }[];
  rows: { id: string; label: string; url: string; cells: { year: number; count: number; percent: string; level: number; url: string; title: string }[] }[];
}

export function topicTrendsView(catalog: Catalog): TopicTrendsView {
  const trends = topicTrends(catalog);
  const maxShare = Math.max(0, ...trends.topics.flatMap((t) => t.shares));
  const typeOfYear = (year: number) => [...new Set(catalog.allDocuments().filter((d) => d.year === year).map((d) => catalog.typeLabel(d.type)))].join(', ');
  return {
    years: trends.years.map((year) => ({ year, label: typeOfYear(year) })),
    rows: [...trends.topics]
      .sort((a, b) => a.label.localeCompare(b.label, 'nb'))
      .map((topic) => ({
        id: topic.id,
        label: topic.label,
        url: searchUrl({ topics: [topic.id] }),
        cells: trends.years.map((year, i) => {
          const count = topic.counts[i] ?? 0;
          const share = topic.shares[i] ?? 0;
          return {
            year,
            count,
            percent: formatPercent(share),
            level: count === 0 || maxShare === 0 ? 0 : Math.max(1, Math.ceil((share / maxShare) * HEAT_LEVELS)),
            url: searchUrl({ topics: [topic.id], years: [year] }),
            title: `${topic.label}, ${year}: ${countOf(count, 'avsnitt')} (${formatPercent(share)} av årets avsnitt)`,
          };
        }),
      })),
  };
}
