import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLexicon, openLexicon, type Lexicon, type LexiconNode } from '../../../src/ingest/ocr/lexicon.js';

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

describe('openLexicon', () => {
  const words = ['på', 'pa', 'oppfølging', 'oppfglging', 'Bodø', 'bodø', 'EØS', 'arbeidsmarkedstiltak', 'sykefravær', 'veere'];
  const answers = (l: Lexicon) => words.map((w) => l.has(w));

  test('keeps the decoded dictionary in its cache, and reads the same words back from there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    try {
      const first = openLexicon(dir);
      const compiled = readdirSync(dir);
      expect(compiled).toEqual([expect.stringMatching(/^nb-no-.+\.btrie$/)]);
      const second = openLexicon(dir);
      expect(answers(second)).toEqual(answers(first));
      expect(answers(second)).toEqual(answers(lexicon));
      expect(second.root.get('l')?.get('ø')?.get('p')?.get('e')?.eow).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('serves from the text form where the cache cannot be written, and after a broken cache file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    try {
      const blocked = join(dir, 'a-file');
      writeFileSync(blocked, '');
      expect(answers(openLexicon(join(blocked, 'cache')))).toEqual(answers(lexicon));
      openLexicon(dir);
      const [name] = readdirSync(dir).filter((f) => f.endsWith('.btrie'));
      writeFileSync(join(dir, name!), 'not a trie');
      expect(answers(openLexicon(dir))).toEqual(answers(lexicon));
      expect(readFileSync(join(dir, name!)).length).toBeGreaterThan(1_000_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
