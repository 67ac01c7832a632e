import { newestRestatementFirst, type RestatementContext } from '../../../src/search/rank/restatements.js';

/** Paragraphs 0..3: 0 (2019) and 2 (2024) say the same; 1 (2023) is about something else; 3 (2024) too. */
const years = [2019, 2023, 2024, 2024];
const context: RestatementContext = {
  yearOf: (doc) => years[doc]!,
  typeOf: () => 'mdb',
  similarity: (a, b) => (new Set([a, b]).size === 2 && [a, b].every((d) => d === 0 || d === 2) ? 0.8 : 0.1),
};

function order(scores: Record<number, number>): number[] {
  const map = new Map(Object.entries(scores).map(([doc, score]) => [Number(doc), score]));
  const ranked = [...map.keys()].sort((a, b) => map.get(b)! - map.get(a)!);
  return newestRestatementFirst(ranked, map, context);
}

describe('newer restatements first', () => {
  test('an older paragraph that merely ties with its newer restatement goes just below it', () => {
    expect(order({ 0: 5.7, 1: 5.4, 2: 5.2, 3: 1 })).toEqual([1, 2, 0, 3]);
  });

  test('an older paragraph that matches clearly better keeps its place', () => {
    expect(order({ 0: 13.8, 1: 5.4, 2: 10.5, 3: 1 })).toEqual([0, 2, 1, 3]);
  });

  test('paragraphs that say different things are left alone', () => {
    expect(order({ 1: 6, 3: 5.9, 0: 1 })).toEqual([1, 3, 0]);
  });
});
