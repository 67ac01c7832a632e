/**
 * Seeded OCR damage of the kinds real engines do: every æ/ø/å is misread as something else, a few are
 * lost outright (splitting the word or closing it up), some l/I are misread, and an engine may write
 * other letters as digits or bullets as symbols. Two profiles: the engine of the scanned 2024 letter,
 * and Tesseract's English model. Test tooling: it makes held-out damaged text from a clean text.
 */

type Weighted = [string, number][];

export interface DamageProfile {
  /** What each letter OCR lacks comes out as. */
  misread: Record<string, Weighted>;
  /** An æ/ø/å inside a word vanishes, leaving a space or nothing. */
  lostLetter: number;
  /** A word-initial l is read as I or |. */
  lAsI: number;
  /** The word "I" is read as "|". */
  iAsPipe: number;
  /** An o is read as the digit 0 ("0g"). */
  oAsZero: number;
  /** What a list bullet ("- " opening a line) comes out as; none: as printed. */
  bullets: Weighted;
}

/** The engine of the scanned 2024 letter. */
export const SEED_SCAN: DamageProfile = {
  misread: {
    ø: [['g', 0.6], ['e', 0.1], ['o', 0.1], ['a', 0.08], ['@', 0.07], ['p', 0.05]],
    å: [['a', 0.75], ['3', 0.1], ['8', 0.05], ['&', 0.05], ['d', 0.05]],
    æ: [['ae', 0.5], ['ee', 0.3], ['ze', 0.1], ['eae', 0.1]],
    Ø: [['@', 0.85], ['O', 0.15]],
    Å: [['A', 1]],
    Æ: [['Ae', 1]],
  },
  lostLetter: 0.01,
  lAsI: 0.03,
  iAsPipe: 0.5,
  oAsZero: 0,
  bullets: [],
};

/** Tesseract's English model: ø mostly as o, å as a, 4 or 8, o now and then as 0, Ø as S or @, bullets as + or ¢. */
export const ENGLISH_TESSERACT: DamageProfile = {
  misread: {
    ø: [['o', 0.7], ['g', 0.1], ['a', 0.05], ['e', 0.05], ['@', 0.05], ['0', 0.05]],
    å: [['a', 0.8], ['4', 0.1], ['8', 0.05], ['A', 0.05]],
    æ: [['ae', 0.6], ['ee', 0.2], ['ze', 0.2]],
    Ø: [['S', 0.5], ['@', 0.3], ['O', 0.2]],
    Å: [['A', 0.9], ['4', 0.1]],
    Æ: [['AE', 1]],
  },
  lostLetter: 0.005,
  lAsI: 0.02,
  iAsPipe: 0.3,
  oAsZero: 0.02,
  bullets: [['+', 0.4], ['¢', 0.4], ['e', 0.2]],
};

export function damageOcr(text: string, seed: number, profile: DamageProfile = SEED_SCAN): string {
  const random = mulberry32(seed);
  const pick = (options: Weighted) => {
    let r = random();
    for (const [value, weight] of options) if ((r -= weight) < 0) return value;
    return options[options.length - 1]![0];
  };
  const { misread } = profile;
  const bulleted = profile.bullets.length ? text.replace(/^([ \t]*)- /gmu, (_, indent: string) => `${indent}${pick(profile.bullets)} `) : text;
  // Markup is not printed, so it is not scanned either.
  return bulleted.replace(/<[^<>\n]*>|[\p{L}\d]+/gu, (word) => {
    if (word.startsWith('<')) return word;
    if (word === 'I' && random() < profile.iAsPipe) return '|';
    let out = '';
    for (const [i, ch] of [...word].entries()) {
      const options = misread[ch];
      if (options) {
        if (ch === ch.toLowerCase() && i > 0 && random() < profile.lostLetter) out += random() < 0.5 ? ' ' : '';
        // "@" is the scanner's capital Ø; a small ø opening a word comes out as another look-alike.
        else if (ch === 'ø' && i === 0) out += pick(options.filter(([written]) => written !== '@'));
        else out += pick(options);
      } else if (ch === 'l' && i === 0 && random() < profile.lAsI) {
        out += random() < 0.8 ? 'I' : '|';
      } else if (ch === 'o' && profile.oAsZero > 0 && random() < profile.oAsZero) {
        out += '0';
      } else out += ch;
    }
    return out;
  });
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
