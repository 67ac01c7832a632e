import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageModel } from '../../../src/ingest/ocr/language-model.js';
import { loadLexicon } from '../../../src/ingest/ocr/lexicon.js';
import { repairOcr } from '../../../src/ingest/ocr/repair.js';
import { sourceFiles } from '../../../src/ingest/read/corpus-folder.js';
import { readTextSource } from '../../../src/ingest/read/read-source.js';
import { wordAccuracy } from '../../../src/evaluation/word-accuracy.js';
import { damageOcr, ENGLISH_TESSERACT, SEED_SCAN, type DamageProfile } from '../../helpers/ocr-damage.js';

const lexicon = loadLexicon();
const corpus = 'corpus';
const sources = sourceFiles(corpus).map((file) => readTextSource(file, readFileSync(join(corpus, file))));
const LETTER = 'maal-og-disponeringsbrev-2023-pdftekst.txt';
const letter = sources.find((s) => s.file === LETTER)!.text;
const others = LanguageModel.fromTexts(sources.filter((s) => s.kind !== 'ocr' && s.file !== LETTER).map((s) => s.text));

/** The learned probability of `meant` written as `written`, 0 when the table has no such misreading. */
function learned(text: string, meant: string, written: string): number {
  return repairOcr(text, others, lexicon).confusions.find((c) => c.meant === meant && c.written === written)?.probability ?? 0;
}

/** An engine nobody here has seen: ø as the digit 6 or as o, å as 4 or a — misreadings the seed table lacks. */
const UNSEEN_ENGINE: DamageProfile = {
  ...SEED_SCAN,
  misread: { ø: [['6', 0.6], ['o', 0.4]], å: [['4', 0.5], ['a', 0.5]], æ: [['ae', 1]], Ø: [['O', 1]], Å: [['A', 1]], Æ: [['AE', 1]] },
  lostLetter: 0,
};

describe('learnConfusions: each scan is repaired with its own rates', () => {
  test('recovers an unseen engine’s planted table, digits and symbols included, and repairs with it', () => {
    const damaged = damageOcr(letter, 11, UNSEEN_ENGINE);
    const { text, confusions } = repairOcr(damaged, others, lexicon);
    const rate = (meant: string, written: string) => confusions.find((c) => c.meant === meant && c.written === written)?.probability ?? 0;
    expect(rate('ø', '6')).toBeGreaterThan(0.45);
    expect(rate('ø', '6')).toBeLessThan(0.75);
    expect(rate('ø', 'o')).toBeGreaterThan(0.25);
    expect(rate('å', '4')).toBeGreaterThan(0.35);
    // The seed scan's favourite look-alike is not this engine's.
    expect(rate('ø', 'g')).toBeLessThan(0.02);
    expect(wordAccuracy(damaged, letter).accuracy).toBeLessThan(0.9);
    expect(wordAccuracy(text, letter).accuracy).toBeGreaterThanOrEqual(0.99);
  });

  test('tells the seed scan’s engine (ø as g) from Tesseract’s English model (ø as o)', () => {
    const seedLike = damageOcr(letter, 5, SEED_SCAN);
    const english = damageOcr(letter, 5, ENGLISH_TESSERACT);
    expect(learned(seedLike, 'ø', 'g')).toBeGreaterThan(0.45);
    expect(learned(seedLike, 'ø', 'o')).toBeLessThan(0.2);
    expect(learned(english, 'ø', 'o')).toBeGreaterThan(0.55);
    expect(learned(english, 'ø', 'g')).toBeLessThan(0.2);
    expect(learned(english, 'å', '4')).toBeGreaterThan(0.04);
  });

  test('learns a digit written for a whole word ("for 4 sikre"), and leaves the letter’s own numbers', () => {
    // Tesseract's English model writes the word "å" as "4", and å inside words as "a".
    const damaged = letter.replace(/(?<!\p{L})å(?!\p{L})/gu, '4').replace(/å/g, 'a');
    const { text, confusions } = repairOcr(damaged, others, lexicon);
    expect(confusions.some((c) => c.meant === 'å' && c.written === '4')).toBe(true);
    const lone = (t: string, word: string) => t.match(new RegExp(`(?<![\\p{L}\\d])${word}(?![\\p{L}\\d])`, 'gu'))?.length ?? 0;
    expect(lone(letter, 'å')).toBeGreaterThan(10);
    expect(lone(text, 'å')).toBeGreaterThanOrEqual(0.9 * lone(letter, 'å'));
    // Section numbers such as 2.3.4 stay as they are.
    expect(text.match(/\d+(?:\.\d+)+/g)).toEqual(letter.match(/\d+(?:\.\d+)+/g));
  });

  test('learns that clean text misreads nothing', () => {
    const { confusions, repairs } = repairOcr(letter, others, lexicon);
    expect(repairs).toEqual([]);
    for (const c of confusions) expect(c.probability).toBeLessThan(0.01);
  });
});
