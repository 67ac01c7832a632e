/**
 * Seeded OCR damage of the kind seen in the scanned 2024 letter: every æ/ø/å is misread as something
 * else, a few are lost outright (splitting the word or closing it up), and some l/I are misread.
 * Test tooling: it makes held-out damaged text from a clean letter.
 */

type Weighted = [string, number][];

const MISREAD: Record<string, Weighted> = {
  ø: [['g', 0.6], ['e', 0.1], ['o', 0.1], ['a', 0.08], ['@', 0.07], ['p', 0.05]],
  å: [['a', 0.75], ['3', 0.1], ['8', 0.05], ['&', 0.05], ['d', 0.05]],
  æ: [['ae', 0.5], ['ee', 0.3], ['ze', 0.1], ['eae', 0.1]],
  Ø: [['@', 0.85], ['O', 0.15]],
  Å: [['A', 1]],
  Æ: [['Ae', 1]],
};

export interface DamageRates {
  /** An æ/ø/å inside a word vanishes, leaving a space or nothing. */
  lostLetter: number;
  /** A word-initial l is read as I or |. */
  lAsI: number;
  /** The word "I" is read as "|". */
  iAsPipe: number;
}

export const REALISTIC: DamageRates = { lostLetter: 0.01, lAsI: 0.03, iAsPipe: 0.5 };

export function damageOcr(text: string, seed: number, rates: DamageRates = REALISTIC): string {
  const random = mulberry32(seed);
  const pick = (options: Weighted) => {
    let r = random();
    for (const [value, weight] of options) if ((r -= weight) < 0) return value;
    return options[options.length - 1]![0];
  };
  // Markup is not printed, so it is not scanned either.
  return text.replace(/<[^<>\n]*>|[\p{L}\d]+/gu, (word) => {
    if (word.startsWith('<')) return word;
    if (word === 'I' && random() < rates.iAsPipe) return '|';
    let out = '';
    for (const [i, ch] of [...word].entries()) {
      const misread = MISREAD[ch];
      if (misread) {
        if (ch === ch.toLowerCase() && i > 0 && random() < rates.lostLetter) out += random() < 0.5 ? ' ' : '';
        // "@" is the scanner's capital Ø; a small ø opening a word comes out as another look-alike.
        else if (ch === 'ø' && i === 0) out += pick(MISREAD.ø!.filter(([written]) => written !== '@'));
        else out += pick(misread);
      } else if (ch === 'l' && i === 0 && random() < rates.lAsI) {
        out += random() < 0.8 ? 'I' : '|';
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
