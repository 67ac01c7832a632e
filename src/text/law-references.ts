/**
 * Law references in running text: a law named by any of its names ("NAV-loven", "arbeids- og
 * velferdsforvaltningsloven", "navloven", "folketrygdlova", "arbeidsmiljøloven" typed without ø), with
 * the section or chapter that follows or precedes it ("NAV-loven § 14 a", "folketrygdloven kapittel 11",
 * "§ 17 i forvaltningsloven"). Only laws in the table are recognised; any other stays plain text.
 */
/** A law as the table names it: its Lovdata id, the name it is best known by, and all it is written by. */
export interface LawNames {
  id: string;
  name: string;
  names: readonly string[];
}

export interface LawReference<L extends LawNames = LawNames> {
  law: L;
  /** The whole reference: the name with its sections or chapter. */
  start: number;
  end: number;
  /** The name alone. */
  nameStart: number;
  nameEnd: number;
  /** `14a`, `11-12`: the first section named. */
  section?: string;
  /** `11` */
  chapter?: string;
}

/** A section number as laws print it: `14 a`, `14a`, `11-12` ("§ 17 i" is § 17 in …). */
const NUMBER = String.raw`\d+(?:-\d+)?(?:\s?[a-hj-z](?![\p{L}\d]))?`;
/** Sections (the first one captured: `§§ 24 og 25`) or a chapter (captured). */
const PLACE = String.raw`(?:§§?\s*(${NUMBER})(?:\s*(?:,|og|–)\s*${NUMBER})*|(?:kapittel|kap\.)\s*(\d+))`;
const AFTER = new RegExp(String.raw`\s*,?\s*${PLACE}`, 'iuy');
const BEFORE = new RegExp(String.raw`${PLACE}\s+(?:i|etter|jf\.?)\s+$`, 'iu');

export class LawReferences<L extends LawNames = LawNames> {
  private readonly pattern: RegExp | null;
  private readonly byName = new Map<string, L>();
  /** Every name holds "lov" (as law names do): a text without it is passed over at once. */
  private readonly allSayLov: boolean;

  constructor(laws: readonly L[]) {
    const names: string[] = [];
    for (const law of laws) for (const name of [law.name, ...law.names]) {
      const key = nameKey(name);
      if (!this.byName.has(key)) names.push(name);
      this.byName.set(key, law);
    }
    // Longest first, so "lov om sosiale tjenester i arbeids- og velferdsforvaltningen" wins over a shorter name inside it.
    names.sort((a, b) => b.length - a.length);
    this.allSayLov = names.every((name) => /lov/i.test(name));
    this.pattern = names.length ? new RegExp(String.raw`(?<![\p{L}\d-])(?:${names.map(namePattern).join('|')})(?![\p{L}\d])`, 'giu') : null;
  }

  get empty(): boolean {
    return this.pattern === null;
  }

  find(text: string): LawReference<L>[] {
    if (!this.pattern || (this.allSayLov && !/lov/i.test(text))) return [];
    const found: LawReference<L>[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const law = this.byName.get(nameKey(m[0]));
      if (!law) continue;
      const nameStart = m.index;
      const nameEnd = nameStart + m[0].length;
      const ref: LawReference<L> = { law, start: nameStart, end: nameEnd, nameStart, nameEnd };
      AFTER.lastIndex = nameEnd;
      const after = AFTER.exec(text);
      const before = after ? null : BEFORE.exec(text.slice(Math.max(0, nameStart - 40), nameStart));
      const place = after ?? before;
      if (place) {
        if (place[1]) ref.section = place[1].replace(/\s/g, '').toLowerCase();
        else ref.chapter = place[2]!;
        if (after) ref.end = nameEnd + after[0].length;
        else ref.start = nameStart - before![0].length;
      }
      found.push(ref);
    }
    return found;
  }
}

/**
 * How a name is known whatever its ending, case, hyphen or letters typed without æ/ø/å: `NAV-lovens`,
 * `navloven` and `Nav-loven` are one key.
 */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/oe/g, 'o')
    .replace(/aa/g, 'a')
    .replace(/-(?=\p{L})/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/lov(?:en|a)?s?$/, 'lov');
}

/** A name as a pattern matching every spelling nameKey makes one. */
function namePattern(name: string): string {
  const base = name.toLowerCase().replace(/lov(?:en|a)$/, 'lov');
  let pattern = '';
  for (let i = 0; i < base.length; i++) {
    const c = base[i]!;
    if (c === 'æ') pattern += '(?:æ|ae)';
    else if (c === 'ø') pattern += '(?:ø|oe|o)';
    else if (c === 'å') pattern += '(?:å|aa|a)';
    else if (/\s/.test(c)) pattern += String.raw`\s+`;
    // A hyphen inside a word may be left out ("navloven"); one before a space ("arbeids- og") may not.
    else if (c === '-') pattern += /\p{L}/u.test(base[i + 1] ?? '') ? '-?' : '-';
    else pattern += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return base.endsWith('lov') ? `${pattern}(?:en|a)?s?` : pattern;
}
