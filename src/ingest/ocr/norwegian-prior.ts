/**
 * General Norwegian, outside the steering letters: how often words occur in written bokmål and in
 * speech, and which words follow which in written bokmål. OCR repair backs off to it below the corpus's
 * own counts, so a lone scan, or a word the letters never use, is still decided by how Norwegian is
 * written. The data is vendored in `data/` with its attribution and licence.
 */
import { readFileSync } from 'node:fs';
import { LanguageModel } from './language-model.js';

export interface NorwegianPrior {
  /** Written bokmål as a language model: newspapers, official reports, parliamentary proceedings. */
  readonly written: LanguageModel;
  /** The share of Norwegian running words that are this word (any case); 0 for a word neither source has. */
  share(word: string): number;
}

let cached: NorwegianPrior | undefined;

/** The prior, loaded once per process. */
export function loadNorwegianPrior(): NorwegianPrior {
  if (cached) return cached;
  const data = (file: string) => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  const written = LanguageModel.fromTexts(data('ud-norwegian-bokmaal-dev.txt').split(/\n\s*\n/u));
  const spoken = new Map<string, number>();
  let spokenTotal = 0;
  for (const line of data('no-subtitles-50k.txt').split('\n')) {
    const [word, count] = line.split(' ');
    if (!word || !count) continue;
    spoken.set(word, (spoken.get(word) ?? 0) + Number(count));
    spokenTotal += Number(count);
  }
  // Subtitles often spell æ, ø and å the way a keyboard without them does ("pa", "gjore"): a word that
  // is a commoner word so spelt is taken for that misspelling, not as a word of its own.
  for (const [word, count] of [...spoken]) {
    const plain = withoutNordic(word);
    if (plain !== word && (spoken.get(plain) ?? Infinity) < count) spoken.delete(plain);
  }
  // Subtitles are speech: half the weight, beside the written text's own shares.
  const share = (word: string) => {
    const key = word.toLowerCase();
    return (written.count(key) / written.size + (spoken.get(key) ?? 0) / spokenTotal) / 2;
  };
  cached = { written, share };
  return cached;
}

function withoutNordic(word: string): string {
  return word.replaceAll('ø', 'o').replaceAll('å', 'a').replaceAll('æ', 'ae');
}
