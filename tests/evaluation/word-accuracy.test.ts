import { wordAccuracy, words } from '../../src/evaluation/word-accuracy.js';

describe('wordAccuracy', () => {
  test('words keep their case, lose surrounding punctuation, and line-end hyphenation is re-joined', () => {
    expect(words('«Målet» er: å gi NAV-\nkontoret oppføl-\nging (AAP).')).toEqual(['Målet', 'er', 'å', 'gi', 'NAV-kontoret', 'oppfølging', 'AAP']);
  });

  test('counts the reference words reproduced in order', () => {
    expect(wordAccuracy('Målet er å gi god støtte', 'Målet er å gi god støtte')).toEqual({ matched: 6, words: 6, accuracy: 1 });
    expect(wordAccuracy('Malet er a gi god stgtte', 'Målet er å gi god støtte').matched).toBe(3);
    expect(wordAccuracy('målet er å gi', 'Målet er å gi').matched).toBe(3);
  });

  test('a word left out or added costs only that word', () => {
    expect(wordAccuracy('Målet er gi god støtte', 'Målet er å gi god støtte').matched).toBe(5);
    expect(wordAccuracy('e Målet er å gi god støtte', 'Målet er å gi god støtte').matched).toBe(6);
  });
});
