/**
 * The spelling trie finds exactly the words a plain comparison with every word finds: all within the
 * allowed edits (an adjacent transposition counting as one), none beyond.
 */
import fc from 'fast-check';
import { SpellingTrie } from '../../src/indexing/spelling-trie.js';

/** Optimal string alignment distance, the plain way. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('SpellingTrie', () => {
  test('finds near spellings of a word, a transposition being one edit', () => {
    const words = ['ungdomsgarantien', 'ungdomsgaranti', 'garantien', 'oppfølging', 'oppfolging', 'sykmeldte'];
    const trie = new SpellingTrie(words);
    expect(trie.within('ungdomsgarantein', 2).map((id) => words[id])).toEqual(['ungdomsgarantien', 'ungdomsgaranti']);
    expect(trie.within('oppfolgnig', 1).map((id) => words[id])).toEqual(['oppfolging']);
    expect(trie.within('oppfolgnig', 2).map((id) => words[id])).toEqual(['oppfølging', 'oppfolging']);
    expect(new SpellingTrie(words, (id) => id !== 1).within('ungdomsgarantien', 2).map((id) => words[id])).toEqual(['ungdomsgarantien']);
  });

  test('agrees with comparing against every word', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdeøå'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 2 }), (words, query, max) => {
        const expected = words.flatMap((w, id) => (distance(query, w) <= max ? [id] : []));
        expect(new SpellingTrie(words).within(query, max)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
