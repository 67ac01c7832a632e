/**
 * Words that mean the same in the corpus's language: each abbreviation with its long forms ("AFT",
 * "arbeidsforberedende trening") and the synonym groups ("ansatte", "medarbeidere"). A query's words
 * that spell one form are searched for as every other form of its groups too, a match through another
 * form counting less than one of the words as typed. Forms are analysed as the index's text is, so they
 * meet it in any inflection.
 */
import type { Corpus } from '../model/corpus.js';
import type { Token } from './analyzer.js';

export type AlternativeKind = 'abbreviation' | 'synonym';

/** Another way of saying the query's words, as the index's tokens. */
export interface Alternative {
  kind: AlternativeKind;
  text: string;
  tokens: Token[];
  /** What a match through it is worth next to the words as typed (1). */
  weight: number;
}

/** An abbreviation and its long form mean exactly the same; a synonym is near. */
const WEIGHT: Record<AlternativeKind, number> = { abbreviation: 0.6, synonym: 0.5 };

interface Group {
  kind: AlternativeKind;
  forms: Form[];
}

interface Form {
  text: string;
  tokens: Token[];
  /** Its terms without stop words: what a query must spell to name it. */
  key: string[];
}

export class Thesaurus {
  /** Forms by their first term, each with the groups it is in. */
  private readonly byFirstTerm = new Map<string, { form: Form; groups: Group[] }[]>();

  constructor(groups: { kind: AlternativeKind; forms: string[] }[], analyse: (text: string) => Token[]) {
    const byKey = new Map<string, { form: Form; groups: Group[] }>();
    for (const { kind, forms } of groups) {
      const group: Group = { kind, forms: [] };
      for (const text of forms) {
        const tokens = analyse(text);
        const key = tokens.filter((t) => !t.stop).map((t) => t.term);
        if (key.length === 0 || group.forms.some((f) => sameKey(f.key, key))) continue;
        group.forms.push({ text, tokens, key });
      }
      if (group.forms.length < 2) continue;
      for (const form of group.forms) {
        const id = form.key.join(' ');
        let entry = byKey.get(id);
        if (!entry) {
          byKey.set(id, (entry = { form, groups: [] }));
          const list = this.byFirstTerm.get(form.key[0]!) ?? [];
          list.push(entry);
          this.byFirstTerm.set(form.key[0]!, list);
        }
        entry.groups.push(group);
      }
    }
    // Longest forms first, so "varig tilrettelagt arbeid" is read before "arbeid".
    for (const list of this.byFirstTerm.values()) list.sort((a, b) => b.form.key.length - a.form.key.length);
  }

  /** The groups of a corpus: its abbreviations, each short form with all its long forms, and its synonyms. */
  static groupsOf(corpus: Corpus): { kind: AlternativeKind; forms: string[] }[] {
    const longForms = new Map<string, string[]>();
    for (const { short, long } of corpus.abbreviations ?? []) longForms.set(short, [...(longForms.get(short) ?? []), long]);
    return [
      ...[...longForms].map(([short, longs]) => ({ kind: 'abbreviation' as const, forms: [short, ...longs] })),
      ...(corpus.synonyms ?? []).map((forms) => ({ kind: 'synonym' as const, forms })),
    ];
  }

  get size(): number {
    return this.byFirstTerm.size;
  }

  /**
   * The longest form spelled by `terms` from `from` on, with the other forms of its groups; `ends`
   * says where a form may end (after a whole query word, not inside one). Null when none is.
   */
  at(terms: string[], from: number, ends: (end: number) => boolean): { length: number; alternatives: Alternative[] } | null {
    for (const { form, groups } of this.byFirstTerm.get(terms[from]!) ?? []) {
      const length = form.key.length;
      if (!ends(from + length) || !form.key.every((term, k) => terms[from + k] === term)) continue;
      const alternatives: Alternative[] = [];
      const seen = new Set([form.key.join(' ')]);
      for (const group of groups) {
        for (const other of group.forms) {
          const id = other.key.join(' ');
          if (seen.has(id)) continue;
          seen.add(id);
          alternatives.push({ kind: group.kind, text: other.text, tokens: other.tokens, weight: WEIGHT[group.kind] });
        }
      }
      return { length, alternatives };
    }
    return null;
  }
}

function sameKey(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((term, k) => term === b[k]);
}
