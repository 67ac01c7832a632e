import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageModel } from '../../../src/ingest/ocr/language-model.js';
import { loadLexicon } from '../../../src/ingest/ocr/lexicon.js';
import { repairOcr } from '../../../src/ingest/ocr/repair.js';
import { sourceFiles } from '../../../src/ingest/read/corpus-folder.js';
import { readTextSource } from '../../../src/ingest/read/read-source.js';
import { wordAccuracy } from '../../../src/evaluation/word-accuracy.js';
import { damageOcr, ENGLISH_TESSERACT, SEED_SCAN } from '../../helpers/ocr-damage.js';

const lexicon = loadLexicon();
const corpus = 'corpus';
const fixtures = 'tests/fixtures/ocr';
const sources = sourceFiles(corpus).map((file) => readTextSource(file, readFileSync(join(corpus, file))));
const clean = sources.filter((s) => s.kind !== 'ocr');
const textOf = (file: string) => sources.find((s) => s.file === file)!.text;
const modelWithout = (file?: string) => LanguageModel.fromTexts(clean.filter((s) => s.file !== file).map((s) => s.text));
const fixture = (file: string) => readFileSync(join(fixtures, file), 'utf8');
/** Norwegian from outside NAV: newspapers, official reports, parliamentary proceedings. */
const outsideNav = fixture('ud-norwegian-bokmaal-test.txt');

describe('OCR by another engine than the seed scan’s', () => {
  test.each([['maal-og-disponeringsbrev-2019.txt'], ['maal-og-disponeringsbrev-2023-pdftekst.txt']])(
    'English-Tesseract-like damage of %s is repaired to at least 99.3 % without the letter in the model',
    (file) => {
      const damaged = damageOcr(textOf(file), 2024, ENGLISH_TESSERACT);
      expect(wordAccuracy(damaged, textOf(file)).accuracy).toBeLessThan(0.9);
      expect(wordAccuracy(repairOcr(damaged, modelWithout(file), lexicon).text, textOf(file)).accuracy).toBeGreaterThanOrEqual(0.993);
    },
  );

  test('a letter read by real Tesseract with its English model comes out at least 96.5 % right', () => {
    const ocr = fixture('maal-og-disponeringsbrev-2019-tesseract-eng.txt');
    const letter = textOf('maal-og-disponeringsbrev-2019.txt');
    expect(wordAccuracy(ocr, letter).accuracy).toBeLessThan(0.86);
    expect(wordAccuracy(repairOcr(ocr, modelWithout('maal-og-disponeringsbrev-2019.txt'), lexicon).text, letter).accuracy).toBeGreaterThanOrEqual(0.965);
  });

  test('a capital it writes for å where no sentence opens is read as a small å ("til A delta")', () => {
    const ocr = fixture('maal-og-disponeringsbrev-2019-tesseract-eng.txt');
    const letter = textOf('maal-og-disponeringsbrev-2019.txt');
    const repaired = repairOcr(ocr, modelWithout('maal-og-disponeringsbrev-2019.txt'), lexicon).text;
    const capitalInside = (text: string) => text.match(/\p{Ll} [AÅ] \p{Ll}/gu)?.length ?? 0;
    expect(capitalInside(ocr)).toBeGreaterThan(5);
    expect(capitalInside(repaired)).toBe(capitalInside(letter));
    expect(repaired).toContain('til å delta');
  });
});

describe('Norwegian from outside NAV', () => {
  const model = modelWithout();

  test.each([
    ['the seed scan’s engine', SEED_SCAN],
    ['Tesseract’s English model', ENGLISH_TESSERACT],
  ])('damaged as by %s, it is repaired to at least 99 %', (_engine, profile) => {
    const damaged = damageOcr(outsideNav, 2024, profile);
    expect(wordAccuracy(damaged, outsideNav).accuracy).toBeLessThan(0.9);
    expect(wordAccuracy(repairOcr(damaged, model, lexicon).text, outsideNav).accuracy).toBeGreaterThanOrEqual(0.99);
  });

  test('read by real Tesseract with its English model, it comes out at least 98.5 % right', () => {
    const ocr = fixture('ud-norwegian-bokmaal-test-tesseract-eng.txt');
    expect(wordAccuracy(ocr, outsideNav).accuracy).toBeLessThan(0.87);
    expect(wordAccuracy(repairOcr(ocr, model, lexicon).text, outsideNav).accuracy).toBeGreaterThanOrEqual(0.985);
  });

  test('clean, it passes unchanged', () => {
    expect(repairOcr(outsideNav, model, lexicon).repairs).toEqual([]);
  });
});
