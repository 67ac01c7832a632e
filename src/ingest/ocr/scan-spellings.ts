/**
 * The spellings of a scan's tokens, worked out once. While the scan's confusions are learned, each
 * token is spelled under the seed table (or with discovery, where the seed explains nothing); once the
 * table is learned, those spellings are costed anew under it rather than spelled again — only a token
 * holding a misreading the seed table lacks, spelled under the seed alone, is spelled again.
 */
import type { ConfusionTable } from './confusion-table.js';
import type { LanguageModel } from './language-model.js';
import type { Lexicon } from './lexicon.js';
import { ocrSpellings, recosted, type Spelling, type SpellingOptions } from './spellings.js';

export class ScanSpellings {
  private readonly byTable = new Map<ConfusionTable, Map<string, Spelling[]>>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly model: LanguageModel,
  ) {}

  /** The token's spellings under a table, spelled once. */
  readonly spell = (token: string, table: ConfusionTable, options: SpellingOptions): Spelling[] => {
    const cache = this.cacheOf(table);
    const key = keyOf(token, options);
    let found = cache.get(key);
    if (!found) cache.set(key, (found = ocrSpellings(token, this.lexicon, this.model, table, options)));
    return found;
  };

  /** Spellings under the table learned from `seed`, from those found while learning. */
  under(learned: ConfusionTable, seed: ConfusionTable): (token: string, options: SpellingOptions) => Spelling[] {
    const discovered = this.cacheOf(seed.withDiscovery());
    const seeded = this.cacheOf(seed);
    const novel = new Set(learned.confusions().filter((c) => !seed.probability(c.meant, c.written)).map((c) => c.written.charAt(0)));
    const cache = this.cacheOf(learned);
    return (token, options) => {
      const key = keyOf(token, options);
      let found = cache.get(key);
      if (found) return found;
      const known = discovered.get(key) ?? (![...token].some((char) => novel.has(char)) ? seeded.get(key) : undefined);
      found = known ? known.flatMap((s) => recosted(s, learned) ?? []) : ocrSpellings(token, this.lexicon, this.model, learned, options);
      cache.set(key, found);
      return found;
    };
  }

  private cacheOf(table: ConfusionTable): Map<string, Spelling[]> {
    let cache = this.byTable.get(table);
    if (!cache) this.byTable.set(table, (cache = new Map()));
    return cache;
  }
}

function keyOf(token: string, { misreadings = true, lostLetter = false, anyLost = false, compounds = true, capitalised = false }: SpellingOptions): string {
  return `${+misreadings}${+lostLetter}${+anyLost}${+compounds}${+capitalised}${token}`;
}
