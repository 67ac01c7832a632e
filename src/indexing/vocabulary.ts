/**
 * Every term and every written (folded) word form the index holds, numbered, with document
 * frequencies. It answers what a query word may match beyond itself: the same stem written otherwise,
 * compounds it is a part of ("garanti" in "ungdomsgarantien"), and near spellings
 * ("ungdomsgarantein").
 */
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
    if (term.length >= 4 && /^\p{L}+$/u.test(term)) {
      this.data.terms.forEach((candidate, id) => {
        if (candidate.length < term.length + 3 || id === own) return;
        if (candidate.endsWith(term)) add(id, MATCH_WEIGHT.compoundHead);
        else if (candidate.startsWith(term) && term.length >= 5) add(id, MATCH_WEIGHT.compoundModifier);
      });
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
    const maxEdits = surface.length >= 9 ? 2 : 1;
    const near: number[] = [];
    this.data.surfaces.forEach((candidate, id) => {
      if (this.data.surfaceTerm[id]! >= 0 && Math.abs(candidate.length - surface.length) <= maxEdits && withinEdits(surface, candidate, maxEdits)) near.push(id);
    });
    return near;
  }
}

/** Optimal string alignment distance ≤ max (adjacent transpositions count as one edit). */
function withinEdits(a: string, b: string, max: number): boolean {
  if (a === b) return true;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const row = new Array<number>(m + 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev2 = prev;
    prev = row;
  }
  return prev[m]! <= max;
}
