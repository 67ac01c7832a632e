/**
 * Every term and every written (folded) word form the index holds, numbered, with document
 * frequencies. It answers what a query word may match beyond itself: the same stem written otherwise,
 * compounds it is a part of ("garanti" in "ungdomsgarantien"), and near spellings
 * ("ungdomsgarantein").
 */
import { isPlaceTerm, LAW_TERM_PREFIX } from './law-terms.js';
import { SpellingTrie } from './spelling-trie.js';

/** A term a query word may match, and what such a match is worth. */
export interface Expansion {
  term: number;
  /** How much a match through this expansion is worth next to an exact one (1). */
  weight: number;
}

/** Weights of the ways a query word can match. */
const MATCH_WEIGHT = { exact: 1, stem: 0.6, fuzzy: 0.6, variant: 0.5, compoundHead: 0.45, compoundModifier: 0.3 } as const;

export interface VocabularyData {
  terms: string[];
  surfaces: string[];
  /** Term of each surface; -1 for stop words. */
  surfaceTerm: number[];
  df: number[];
}

export class Vocabulary {
  readonly termIds = new Map<string, number>();
  readonly surfaceIds = new Map<string, number>();
  private readonly expansionCache = new Map<string, Expansion[]>();
  private readonly partsCache = new Map<number, number[]>();
  /** Made when first needed: a server that is never asked a misspelling or a compound builds neither. */
  private spellings: SpellingTrie | undefined;
  private sortedAffixes: { byStart: Sorted; byEnd: Sorted } | undefined;

  constructor(readonly data: VocabularyData) {
    data.terms.forEach((t, i) => this.termIds.set(t, i));
    data.surfaces.forEach((s, i) => this.surfaceIds.set(s, i));
  }

  static empty(): Vocabulary {
    return new Vocabulary({ terms: [], surfaces: [], surfaceTerm: [], df: [] });
  }

  term(id: number): string {
    return this.data.terms[id]!;
  }

  /** Id of a term, adding it when building. */
  addTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.data.terms.push(term) - 1;
      this.data.df.push(0);
      this.termIds.set(term, id);
    }
    return id;
  }

  addSurface(surface: string, term: number): number {
    let id = this.surfaceIds.get(surface);
    if (id === undefined) {
      id = this.data.surfaces.push(surface) - 1;
      this.data.surfaceTerm.push(term);
      this.surfaceIds.set(surface, id);
    }
    return id;
  }

  /**
   * The terms a query token may match, each with its weight: its own term; near spellings of the
   * written word (one edit for 5+ letters, two for 9+) — as typo fixes when the index does not know the
   * term, as variants ("HelseArbeid"/"HelseIArbeid") for known words of 8+ letters; and compounds that
   * end (head) or start (modifier) with it, for words of 4+ letters.
   */
  expand(term: string, surface: string): Expansion[] {
    const key = `${term}\u0000${surface}`;
    const cached = this.expansionCache.get(key);
    if (cached) return cached;
    const out = new Map<number, number>();
    const add = (id: number, weight: number) => out.set(id, Math.max(out.get(id) ?? 0, weight));
    const own = this.termIds.get(term);
    if (own === undefined) for (const id of this.nearSurfaces(surface)) add(this.data.surfaceTerm[id]!, MATCH_WEIGHT.fuzzy);
    else {
      if (surface.length >= 8) for (const id of this.nearSurfaces(surface)) add(this.data.surfaceTerm[id]!, MATCH_WEIGHT.variant);
      add(own, MATCH_WEIGHT.stem);
    }
    // A section or chapter (`§17`) is also every law's that the text names with it (`lov:…§17`).
    if (isPlaceTerm(term)) for (const id of this.endingWith(term)) if (this.term(id).startsWith(LAW_TERM_PREFIX)) add(id, MATCH_WEIGHT.exact);
    if (term.length >= 4 && /^\p{L}+$/u.test(term)) {
      const { byStart, byEnd } = this.affixes();
      // A term ending with the word is a compound with it as head; else, starting with it, as modifier.
      const heads = new Set(this.endingWith(term));
      for (const id of heads) if (id !== own && this.term(id).length >= term.length + 3) add(id, MATCH_WEIGHT.compoundHead);
      if (term.length >= 5) {
        for (const k of withPrefix(byStart, term)) {
          const id = byStart.ids[k]!;
          if (id !== own && !heads.has(id) && this.term(id).length >= term.length + 3) add(id, MATCH_WEIGHT.compoundModifier);
        }
      }
    }
    const expansions = [...out].map(([id, weight]) => ({ term: id, weight }));
    if (this.expansionCache.size > 10_000) this.expansionCache.clear();
    this.expansionCache.set(key, expansions);
    return expansions;
  }

  /**
   * The parts of a compound term, when it splits into two indexed terms of 3+ letters (allowing the
   * linking s or e): ungdomsgaranti → ungdom + garanti. The longest head wins; [] when it does not split.
   */
  compoundParts(id: number): number[] {
    const cached = this.partsCache.get(id);
    if (cached) return cached;
    const term = this.term(id);
    let parts: number[] = [];
    for (let i = 3; i <= term.length - 3 && term.length >= 7 && /^\p{L}+$/u.test(term); i++) {
      const head = this.termIds.get(term.slice(i));
      if (head === undefined) continue;
      const modifier = term.slice(0, i);
      const mod = this.termIds.get(modifier) ?? (/[se]$/.test(modifier) && modifier.length > 3 ? this.termIds.get(modifier.slice(0, -1)) : undefined);
      if (mod !== undefined) {
        parts = [mod, head];
        break;
      }
    }
    this.partsCache.set(id, parts);
    return parts;
  }

  /**
   * Indexed word forms within one edit of a written word of 5+ letters, two edits from 9 letters
   * (stop words excluded).
   */
  nearSurfaces(surface: string): number[] {
    if (surface.length < 5 || !/^\p{L}+$/u.test(surface)) return [];
    this.spellings ??= new SpellingTrie(this.data.surfaces, (id) => this.data.surfaceTerm[id]! >= 0);
    return this.spellings.within(surface, surface.length >= 9 ? 2 : 1);
  }

  /** The ids of the terms ending with `suffix` (itself too, when it is one). */
  private endingWith(suffix: string): number[] {
    const { byEnd } = this.affixes();
    return withPrefix(byEnd, reversed(suffix)).map((k) => byEnd.ids[k]!);
  }

  /** The terms sorted as written and as written backwards, for finding compounds by their start or end. */
  private affixes(): { byStart: Sorted; byEnd: Sorted } {
    this.sortedAffixes ??= { byStart: sorted(this.data.terms), byEnd: sorted(this.data.terms.map(reversed)) };
    return this.sortedAffixes;
  }
}

/** Strings in sorted order, with each one's number in the list they came from. */
interface Sorted {
  keys: string[];
  ids: number[];
}

function sorted(strings: string[]): Sorted {
  const ids = strings.map((_, id) => id).sort((a, b) => (strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : 0));
  return { keys: ids.map((id) => strings[id]!), ids };
}

/** Positions in `list` of the keys starting with `prefix`: one binary search, then the run. */
function withPrefix(list: Sorted, prefix: string): number[] {
  let lo = 0;
  let hi = list.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list.keys[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < list.keys.length && list.keys[k]!.startsWith(prefix); k++) out.push(k);
  return out;
}

function reversed(text: string): string {
  return [...text].reverse().join('');
}
