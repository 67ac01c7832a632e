/**
 * Words near a misspelling, found fast: the indexed word forms as a trie, walked with one row of the
 * edit-distance table per node (optimal string alignment: an adjacent transposition is one edit), and
 * each branch abandoned as soon as no word below it can come within the allowed edits. The cost grows
 * with the part of the trie near the word, not with the vocabulary, so a query of made-up words costs
 * little however large the archive.
 */

/** A letter's place in the trie: the letters that may follow, and the word ending here, if any. */
interface Node {
  children: Map<string, Node>;
  /** The word ending here, by its number. */
  word: number;
}

export class SpellingTrie {
  private readonly root: Node = { children: new Map(), word: -1 };

  constructor(words: readonly string[], include: (id: number) => boolean = () => true) {
    words.forEach((word, id) => {
      if (!include(id)) return;
      let node = this.root;
      for (const letter of word) {
        let child = node.children.get(letter);
        if (!child) node.children.set(letter, (child = { children: new Map(), word: -1 }));
        node = child;
      }
      node.word = id;
    });
  }

  /** Numbers of the words within `maxEdits` of `word`, ascending. */
  within(word: string, maxEdits: number): number[] {
    const query = [...word];
    const n = query.length;
    const found: number[] = [];
    const first = Array.from({ length: n + 1 }, (_, j) => j);
    const visit = (node: Node, letter: string, parentLetter: string | undefined, above: number[], aboveBest: number, twoAbove: number[] | undefined, depth: number) => {
      const row = new Array<number>(n + 1);
      row[0] = depth;
      let best = row[0];
      for (let j = 1; j <= n; j++) {
        let cost = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (query[j - 1] === letter ? 0 : 1));
        if (twoAbove && j > 1 && query[j - 1] === parentLetter && query[j - 2] === letter) cost = Math.min(cost, twoAbove[j - 2]! + 1);
        row[j] = cost;
        if (cost < best) best = cost;
      }
      if (node.word >= 0 && row[n]! <= maxEdits) found.push(node.word);
      // Below, every cell grows from this row or (by a transposition) from the row above it.
      if (best > maxEdits && aboveBest + 1 > maxEdits) return;
      for (const [next, child] of node.children) visit(child, next, letter, row, best, above, depth + 1);
    };
    for (const [letter, child] of this.root.children) visit(child, letter, undefined, first, 0, undefined, 1);
    return found.sort((a, b) => a - b);
  }
}
