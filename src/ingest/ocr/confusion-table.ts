/**
 * How an OCR engine misreads letters: for each letter meant, the probability of each way of writing it —
 * as itself, as a look-alike ("ø" as "g"), as two characters ("æ" as "ae"), as a digit or symbol ("å" as
 * "4", "ø" as "@"), or not at all. Each scan has a table of its own, learned from the scan
 * (learn-confusions.ts); the seed table is what the seed scan taught, the prior every scan starts from.
 */

/** One way of writing a letter: `written` for `meant` ("" when the letter was lost). */
export interface Confusion {
  meant: string;
  written: string;
  probability: number;
}

/** A misreading the spelling walk may undo, with its log-odds against the written text read as it stands. */
export interface Misreading {
  meant: string;
  written: string;
  cost: number;
  /**
   * A small letter written in capitals or as a stroke: not before a capital, where the written letter is
   * a capital in its own right ("HelseIArbeid").
   */
  small: boolean;
  /** The letter meant is a capital. */
  capital: boolean;
}

/** The letters Norwegian has and an English-minded OCR engine lacks. */
export const NORDIC = ['ø', 'å', 'æ', 'Ø', 'Å', 'Æ'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzæøå'];

/** A misreading the table has no evidence for yet: how likely the discovery walk takes it to be. */
const UNSEEN = 1e-3;

/**
 * Any letter is now and then lost without trace, the table's letters or not: about one in ten thousand,
 * far below the rate at which an engine loses the letters it lacks.
 */
const LOST = 1e-4;

/** Below this a learned misreading is noise, not something the engine does. */
const NEGLIGIBLE = 1e-5;

/**
 * What the seed scan's engine writes for each letter it misreads, with the estimated probability of
 * each look-alike. The scanner has no æ, ø or å: each comes out as a look-alike, now and then as two.
 */
const SEED_SMALL: [meant: string, written: string, probability: number][] = [
  ...(
    [
      ['g', 0.5],
      ['e', 0.1],
      ['o', 0.1],
      ['a', 0.1],
      ['p', 0.05],
      ['@', 0.05],
    ] as const
  ).map(([written, p]) => ['ø', written, p] as [string, string, number]),
  ...['g@', 'eg', 'e@', 'og', 'o@', 'ag', 'a@', 'pg', 'p@', '@g'].map((written) => ['ø', written, 0.002] as [string, string, number]),
  ['å', 'a', 0.8],
  ['å', '3', 0.05],
  ['å', '8', 0.03],
  ['å', '&', 0.03],
  ['å', 'd', 0.03],
  ['æ', 'ae', 0.35],
  ['æ', 'ee', 0.2],
  ['æ', 'ze', 0.2],
  ['æ', 'eae', 0.15],
  ['æ', 'e', 0.03],
  ['æ', 'a', 0.03],
  // A letter lost without trace: the word is split where it stood, or just closes up.
  ['ø', '', 0.01],
  ['å', '', 0.01],
  ['æ', '', 0.01],
  // Thin strokes: a small l read as capital I or a pipe, a j as i or with an i after it.
  ['l', 'I', 0.03],
  ['l', '|', 0.03],
  ['j', 'i', 0.03],
  ['j', 'ji', 0.01],
];

/** The capitals: the look-alikes of the small letters in capitals, "@" for Ø, and the capital I as a pipe. */
const SEED: [string, string, number][] = [
  ...SEED_SMALL,
  ...SEED_SMALL.filter(([meant]) => NORDIC.includes(meant)).flatMap(([meant, written, p]) =>
    [...new Set([capitalised(written), written.toUpperCase()])].map((w) => [meant.toUpperCase(), w, p] as [string, string, number]),
  ),
  ['Ø', '@', 0.3],
  ['I', '|', 0.3],
];

/** The written letter stands in no letter's place: it is read as itself with this probability. */
const IDENTITY_FLOOR = 0.02;

let seeded: ConfusionTable | undefined;

export class ConfusionTable {
  /** By letter meant: the probability of each way of writing it other than as itself. */
  private readonly rows: Map<string, Map<string, number>>;
  /** By letter meant: the probability of its being read as itself. */
  private readonly identity = new Map<string, number>();
  /** The misreadings by the first character written. */
  private readonly byStart = new Map<string, Misreading[]>();
  /** The same with the misreadings discovery adds, as asked for. */
  private readonly discovered = new Map<string, Misreading[]>();
  private discovering: ConfusionTable | undefined;
  private lost: Misreading[] | undefined;

  private constructor(
    rows: Map<string, Map<string, number>>,
    /** Also offer misreadings the table has no evidence for, to find what an unseen engine does. */
    private readonly discovery: boolean,
    /** Whether the scan showed the misreading in more than one word. */
    private readonly showed: (meant: string, written: string) => boolean = () => false,
  ) {
    this.rows = rows;
    for (const [meant, row] of rows) this.identity.set(meant, Math.max(1 - sum(row), IDENTITY_FLOOR));
    for (const [meant, row] of rows) {
      for (const [written, probability] of row) {
        if (probability < NEGLIGIBLE) continue;
        const list = this.byStart.get(written.charAt(0)) ?? [];
        list.push(this.misreading(meant, written, probability));
        this.byStart.set(written.charAt(0), list);
      }
    }
  }

  /** The seed scan's table: how today's engine misreads, the starting point for any other. */
  static seed(): ConfusionTable {
    return (seeded ??= ConfusionTable.fromSeed());
  }

  private static fromSeed(): ConfusionTable {
    const rows = new Map<string, Map<string, number>>();
    for (const [meant, written, p] of SEED) {
      const row = rows.get(meant) ?? new Map<string, number>();
      row.set(written, p);
      rows.set(meant, row);
    }
    // Misreadings leave at least a little room for the letter read as itself.
    for (const row of rows.values()) {
      const total = [...row.values()].reduce((a, b) => a + b, 0);
      if (total > 1 - IDENTITY_FLOOR) for (const [w, p] of row) row.set(w, (p * (1 - IDENTITY_FLOOR)) / total);
    }
    return new ConfusionTable(rows, false);
  }

  /**
   * A table from the probabilities of each letter's misreadings (`meant → written → probability`) and
   * which of them the scan showed.
   */
  static of(rows: Map<string, Map<string, number>>, shown: (meant: string, written: string) => boolean): ConfusionTable {
    return new ConfusionTable(rows, false, shown);
  }

  /** This table, also offering every misreading it has no evidence for, at a low probability. */
  withDiscovery(): ConfusionTable {
    return (this.discovering ??= new ConfusionTable(this.rows, true));
  }

  /**
   * Whether the scan showed the misreading in more than one word; a capital's look-alike counts as shown
   * where the small letter's is.
   */
  shown(meant: string, written: string): boolean {
    return this.showed(meant, written) || (meant !== meant.toLowerCase() && this.showed(meant.toLowerCase(), written.toLowerCase()));
  }

  /** The probability that `meant` comes out as `written` (itself included). */
  probability(meant: string, written: string): number {
    if (written === meant) return this.identity.get(meant) ?? 1;
    return this.rows.get(meant)?.get(written) ?? (written === '' && LETTERS.includes(meant) ? LOST : 0);
  }

  /**
   * The log-odds of `meant` written as `written` against the written text read as it stands: how much
   * likelier a reading that undoes this misreading is than the text as written. -Infinity when the table
   * rules it out.
   */
  cost(meant: string, written: string): number {
    const p = this.probability(meant, written) || (this.discovery ? UNSEEN : 0);
    return Math.log(p) - this.asItself(written);
  }

  /** Every way of misreading a letter the table knows, likeliest first. */
  confusions(): Confusion[] {
    const out: Confusion[] = [];
    for (const [meant, row] of this.rows) for (const [written, probability] of row) if (probability >= NEGLIGIBLE) out.push({ meant, written, probability });
    return out.sort((a, b) => b.probability - a.probability);
  }

  /** The letters meant that the table has a row for. */
  meantLetters(): string[] {
    return [...this.rows.keys()];
  }

  /** Every small letter lost without trace, with its log-odds: the table's own rates, else a low one. */
  lostLetters(): Misreading[] {
    return (this.lost ??= LETTERS.map((meant) => this.misreading(meant, '', this.probability(meant, ''))));
  }

  /**
   * The misreadings whose written form starts with `char`. With discovery on (and `discover`, for the
   * token at hand), also any character for a letter OCR engines lack, and a digit or symbol for any letter.
   */
  misreadingsFrom(char: string, discover = true): Misreading[] {
    const known = this.byStart.get(char) ?? [];
    if (!this.discovery || !discover || !char || /\s/u.test(char)) return known;
    let found = this.discovered.get(char);
    if (found) return found;
    const letter = /\p{L}/u.test(char);
    // A capital may stand for a small letter too ("til A utvikle").
    const meant = letter ? (char === char.toLowerCase() ? NORDIC.slice(0, 3) : NORDIC) : [...LETTERS, ...LETTERS.map((l) => l.toUpperCase())];
    const unseen = meant
      .filter((m) => m !== char && !known.some((k) => k.meant === m && k.written === char))
      .map((m) => this.misreading(m, char, UNSEEN));
    this.discovered.set(char, (found = [...known, ...unseen]));
    return found;
  }

  /** The misreading's log-odds: how much likelier the written text is as `meant` than read as it stands. */
  private misreading(meant: string, written: string, probability: number): Misreading {
    const small = meant !== meant.toUpperCase() && written !== '' && !/\p{Ll}/u.test(written);
    return { meant, written, cost: Math.log(probability) - this.asItself(written), small, capital: meant !== meant.toLowerCase() };
  }

  /** Log-probability that the written letters are what was meant. */
  private asItself(written: string): number {
    let p = 0;
    for (const letter of written) p += Math.log(this.probability(letter, letter));
    return p;
  }
}

function sum(row: Map<string, number>): number {
  let total = 0;
  for (const p of row.values()) total += p;
  return total;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
