import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageModel } from '../../../src/ingest/ocr/language-model.js';
import { loadLexicon } from '../../../src/ingest/ocr/lexicon.js';
import { repairOcr } from '../../../src/ingest/ocr/repair.js';
import { sourceFiles } from '../../../src/ingest/read/corpus-folder.js';
import { readTextSource } from '../../../src/ingest/read/read-source.js';
import { damageOcr, ENGLISH_TESSERACT, SEED_SCAN, type DamageProfile } from '../../helpers/ocr-damage.js';

const lexicon = loadLexicon();
const corpus = 'corpus';
/** The steering letters: a corpus that favours "møter", "økte" and "vår". */
const letters = LanguageModel.fromTexts(
  sourceFiles(corpus)
    .map((file) => readTextSource(file, readFileSync(join(corpus, file))))
    .filter((s) => s.kind !== 'ocr')
    .map((s) => s.text),
);
const outsideNav = readFileSync(join('tests/fixtures/ocr', 'ud-norwegian-bokmaal-test.txt'), 'utf8');

/**
 * The last paragraph of a scan made of damaged text from outside NAV (its first `chars` characters)
 * and then `probe`, as repaired.
 */
function repairedAfterScan(probe: string, profile: DamageProfile, chars = 60000): string {
  const text = repairOcr(`${damageOcr(outsideNav.slice(0, chars), 1, profile)}\n\n${probe}`, letters, lexicon).text;
  return text.slice(text.lastIndexOf('\n\n') + 2);
}

describe('evidence before change', () => {
  test.each([
    ['the seed scan’s engine', SEED_SCAN],
    ['Tesseract’s English model', ENGLISH_TESSERACT],
  ])('words the OCR of %s got right are hardly ever changed (under 0.3 %)', (_engine, profile) => {
    // Without lost letters or pipes every scanned word stands where its original does.
    const damaged = damageOcr(outsideNav, 3, { ...profile, lostLetter: 0, iAsPipe: 0, bullets: [] });
    const wordsOf = (text: string) => text.split(/\s+/u);
    const [original, scanned, repaired] = [wordsOf(outsideNav), wordsOf(damaged), wordsOf(repairOcr(damaged, letters, lexicon).text)] as const;
    expect(repaired).toHaveLength(original.length);
    const right = original.map((word, i) => i).filter((i) => scanned[i] === original[i]);
    const changed = right.filter((i) => repaired[i] !== original[i]);
    expect(right.length).toBeGreaterThan(20000);
    expect(changed.length / right.length).toBeLessThan(0.003);
  });

  test('common words stay as written where the context does not ask for their look-alikes', () => {
    const probe = 'Avstanden var tre meter. Dette er ekte glede. Han sa at hun la boka der.';
    expect(repairedAfterScan(probe, SEED_SCAN)).toBe(probe);
    expect(repairedAfterScan(probe, ENGLISH_TESSERACT)).toBe(probe);
  });

  test('a word that is a word as written changes where the context clearly asks for it', () => {
    expect(repairedAfterScan('Det er viktig 4 lese. Han matte reise.', ENGLISH_TESSERACT)).toBe('Det er viktig å lese. Han måtte reise.');
  });
});

describe('names are repaired only by the misreadings this scan is known to make', () => {
  test('Ø read as @ by the seed scan’s engine, as S by Tesseract’s English model', () => {
    expect(repairedAfterScan('Vi snakket med @yvind om det.', SEED_SCAN)).toBe('Vi snakket med Øyvind om det.');
    // Capital Ø is rare: the whole text shows this engine writing it as S.
    expect(repairedAfterScan('Vi snakket med Syvind om det.', ENGLISH_TESSERACT, outsideNav.length)).toBe('Vi snakket med Øyvind om det.');
    expect(repairedAfterScan('Skonomistyring er viktig.', ENGLISH_TESSERACT)).toBe('Økonomistyring er viktig.');
  });

  test('a name no misreading of this scan explains stays as written', () => {
    // The seed scan's engine writes no Ø as S, and an abbreviation teaches nothing.
    expect(repairedAfterScan('Vi snakket med Syvind og AMU om det.', SEED_SCAN)).toBe('Vi snakket med Syvind og AMU om det.');
    expect(repairedAfterScan('Vi snakket med AMU om det.', ENGLISH_TESSERACT)).toBe('Vi snakket med AMU om det.');
  });
});
