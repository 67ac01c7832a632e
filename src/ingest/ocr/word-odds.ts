/**
 * How likely a word is in this kind of letter, alone and after another word: the language model's
 * counts, smoothed for what a small corpus has not seen.
 */
import { EDGE, isNumber, type LanguageModel } from './language-model.js';
import type { Spelling } from './spellings.js';

/** Pseudo-counts of a word the corpus has not seen, by what vouches for it. */
const UNSEEN = { listed: 0.1, corpus: 0, unknown: 0.0003 };
/** How much less likely an unknown word is for each letter sequence no Norwegian word in the corpus has. */
const UNFAMILIAR = 0.1;
/** Odds that two words stand joined as a compound rather than apart. */
const COMPOUNDING = 0.02;
/** Taken off every word pair seen, to leave room for the many pairs a small corpus has not seen. */
const DISCOUNT = 0.75;
/** How many observations an ending's overall share counts for against what follows one word. */
const ENDING_SMOOTHING = 5;

/** A word in lower case with the log-probability of meeting it anywhere. */
export interface Word {
  key: string;
  alone: number;
}

/**
 * How likely a word is in this kind of letter, alone and right after another word: the corpus's counts,
 * smoothed for the many words and pairs a small corpus has not seen. An unseen word is as likely as what
 * vouches for it — the word list, its compound parts, or only its letters.
 */
export class WordOdds {
  private readonly total: number;
  private readonly pairs = new Map<string, number>();
  /** The end of a sentence, as a word that may follow another. */
  readonly end: Word;

  constructor(private readonly model: LanguageModel) {
    this.total = model.size + 1;
    this.end = { key: EDGE, alone: Math.log((model.followersOf(EDGE).total + 1) / this.total) };
  }

  /** The word spelled so, as the model sees it; `spelling` says what vouches for it, none for an unknown word. */
  word(text: string, spelling?: Pick<Spelling, 'kind' | 'parts'>): Word {
    const key = text.toLowerCase();
    const { model } = this;
    // A compound the corpus has not seen is an unseen word that took a further chance for each part after
    // the first; parts the corpus has not seen either make it less likely still.
    // The model counts numbers as one word; this number is one of them, and a number is never unheard of.
    if (isNumber(key)) return { key, alone: Math.log((model.count(key) + UNSEEN.listed) / this.total) + Math.log(model.numberShare(key)) };
    const unseen =
      spelling?.kind === 'compound'
        ? spelling.parts.reduce((odds, part) => odds * COMPOUNDING * Math.min(1, this.partCount(part) + UNSEEN.listed), UNSEEN.listed / COMPOUNDING)
        : spelling
          ? UNSEEN[spelling.kind]
          : UNSEEN.unknown * UNFAMILIAR ** model.unfamiliarTrigrams(key);
    return { key, alone: Math.log((model.count(key) + unseen) / this.total) };
  }

  /** Log-probability of `word` right after the word `previous`, or opening a sentence after `EDGE`. */
  after(previous: string, word: Word): number {
    const pair = `${previous} ${word.key} ${word.alone}`;
    let odds = this.pairs.get(pair);
    if (odds === undefined) this.pairs.set(pair, (odds = this.discounted(previous, word)));
    return odds;
  }

  // Absolute discounting: a word followed by many different words leaves more to words unseen after it,
  // shared out by how often words with this ending follow it.
  private discounted(previous: string, word: Word): number {
    const { model } = this;
    const after = model.followersOf(previous);
    if (after.total === 0) return word.alone;
    const endingShare = model.endingCount(word.key) / this.total;
    const endingHere = (model.endingPairCount(previous, word.key) + ENDING_SMOOTHING * endingShare) / (after.total + ENDING_SMOOTHING);
    const unseen = Math.exp(word.alone) * (endingShare > 0 ? endingHere / endingShare : 1);
    const seen = Math.max(model.pairCount(previous, word.key) - DISCOUNT, 0);
    return Math.log((seen + DISCOUNT * after.distinct * unseen) / after.total);
  }

  // A compound's first parts often carry a linking s ("løsnings|fokus"): the word without it counts too.
  private partCount(part: string): number {
    return Math.max(this.model.count(part), part.endsWith('s') ? this.model.count(part.slice(0, -1)) : 0);
  }
}
