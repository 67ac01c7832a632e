import { loadLexicon, type LexiconNode } from '../../../src/ingest/ocr/lexicon.js';

const lexicon = loadLexicon();

function spell(word: string): LexiconNode | undefined {
  let node: LexiconNode | undefined = lexicon.root;
  for (const letter of word) node = node?.get(letter);
  return node;
}

describe('loadLexicon', () => {
  test('knows bokmål words with æ, ø and å, and not their OCR misreadings', () => {
    for (const word of ['på', 'få', 'må', 'også', 'oppfølging', 'målgruppene', 'sykefravær', 'være']) expect(lexicon.has(word)).toBe(true);
    for (const word of ['pa', 'fa', 'ma', 'ogsa', 'oppfglging', 'malgruppene', 'sykefraveer', 'veere']) expect(lexicon.has(word)).toBe(false);
  });

  test('is case-sensitive, with lower case accepted for a capitalised or shouted word', () => {
    expect(lexicon.has('Oppfølging')).toBe(true);
    expect(lexicon.has('OPPFØLGING')).toBe(true);
    expect(lexicon.has('EØS')).toBe(true);
    expect(lexicon.has('Bodø')).toBe(true);
    expect(lexicon.has('bodø')).toBe(false);
  });

  test('can be spelled letter by letter, a word ending where the trie says so', () => {
    expect(spell('løpet')?.eow).toBe(true);
    expect(spell('løpe')?.eow).toBe(true);
    expect(spell('løpq')).toBeUndefined();
    expect(spell('lgpet')).toBeUndefined();
  });

  test('is loaded once per process', () => {
    expect(loadLexicon()).toBe(lexicon);
  });
});
