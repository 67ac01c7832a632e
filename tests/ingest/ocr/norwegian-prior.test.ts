import { LanguageModel } from '../../../src/ingest/ocr/language-model.js';
import { loadLexicon } from '../../../src/ingest/ocr/lexicon.js';
import { loadNorwegianPrior } from '../../../src/ingest/ocr/norwegian-prior.js';
import { repairOcr } from '../../../src/ingest/ocr/repair.js';

const prior = loadNorwegianPrior();
const lexicon = loadLexicon();
/** No corpus at all: a lone scan has only the prior to go on. */
const nothing = LanguageModel.fromTexts([]);

describe('loadNorwegianPrior', () => {
  test('knows how common Norwegian words are, in any case', () => {
    expect(prior.share('og')).toBeGreaterThan(0.01);
    expect(prior.share('Og')).toBe(prior.share('og'));
    expect(prior.share('var')).toBeGreaterThan(prior.share('vår'));
    expect(prior.share('måtte')).toBeGreaterThan(prior.share('matte'));
    expect(prior.share('meter')).toBeGreaterThan(0);
    expect(prior.share('xqzv')).toBe(0);
  });

  test('takes the subtitles’ keyboard spellings of æ, ø and å for misspellings, not words', () => {
    for (const [misspelt, word] of [['pa', 'på'], ['gjore', 'gjøre'], ['ogsa', 'også']] as const) {
      expect(prior.share(misspelt)).toBe(0);
      expect(prior.share(word)).toBeGreaterThan(0);
    }
  });

  test('has written bokmål’s word pairs', () => {
    expect(prior.written.pairCount('for', 'å')).toBeGreaterThan(10);
    expect(prior.written.size).toBeGreaterThan(30000);
  });
});

describe('the prior decides where the corpus is silent', () => {
  test.each([
    ['Vi ma gjore det pa mandag, og vi far se.', 'Vi må gjøre det på mandag, og vi får se.'],
    ['Regjeringen la frem forslaget, og Stortinget matte ta stilling.', 'Regjeringen la frem forslaget, og Stortinget måtte ta stilling.'],
    ['Han sa at det var sa fint i ar.', 'Han sa at det var så fint i år.'],
  ])('%s', (scanned, clean) => {
    expect(repairOcr(scanned, nothing, lexicon, prior).text).toBe(clean);
  });
});
