/**
 * How likely a word is in this kind of letter, alone and after another word: the corpus's counts,
 * backed off to general Norwegian, and smoothed for what neither has seen.
 */
import { EDGE, isNumber, type LanguageModel } from './language-model.js';
import type { NorwegianPrior } from './norwegian-prior.js';
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
/** How many of the corpus's words general Norwegian counts for: a back-off, below what the letters say. */
const PRIOR_WEIGHT = 20000;

/** A word in lower case with the log-probability of meeting it anywhere. */
export interface Word {
  key: string;
  alone: number;
}

/**
 * How likely a word is in this kind of letter, alone and right after another word: the corpus's counts
 * over general Norwegian's, smoothed for the many words and pairs neither has seen. An unseen word is as
 * likely as what vouches for it — the word list, its compound parts, or only its letters.
 */
export class WordOdds {
  private readonly total: number;
  /** Odds by the pair of words, then by how likely the second is alone (its spelling may differ). */
  private readonly pairs = new Map<string, Map<number, number>>();
  /** The end of a sentence, as a word that may follow another. */
  readonly end: Word;

  constructor(
    private readonly model: LanguageModel,
    private readonly prior: NorwegianPrior,
  ) {
    this.total = model.size + PRIOR_WEIGHT + 1;
    this.end = { key: EDGE, alone: Math.log((model.followersOf(EDGE).total + PRIOR_WEIGHT * this.edgeShare() + 1) / this.total) };
  }

  /** The word spelled so, as the model sees it; `spelling` says what vouches for it, none for an unknown word. */
  word(text: string, spelling?: Pick<Spelling, 'kind' | 'parts'>): Word {
    const key = text.toLowerCase();
    const { model } = this;
    // The model counts numbers as one word; this number is one of them, and a number is never unheard of.
    if (isNumber(key)) return { key, alone: Math.log((model.count(key) + PRIOR_WEIGHT * this.prior.share(key) + UNSEEN.listed) / this.total) + Math.log(model.numberShare(key)) };
    // A compound the corpus has not seen is an unseen word that took a further chance for each part after
    // the first; parts the corpus has not seen either make it less likely still.
    const unseen =
      spelling?.kind === 'compound'
        ? spelling.parts.reduce((odds, part) => odds * COMPOUNDING * Math.min(1, this.partCount(part) + UNSEEN.listed), UNSEEN.listed / COMPOUNDING)
        : spelling
          ? UNSEEN[spelling.kind]
          : UNSEEN.unknown * UNFAMILIAR ** model.unfamiliarTrigrams(key);
    const general = spelling?.kind === 'compound' ? 0 : PRIOR_WEIGHT * this.prior.share(key);
    return { key, alone: Math.log((model.count(key) + general + unseen) / this.total) };
  }

  /** Log-probability of `word` right after the word `previous`, or opening a sentence after `EDGE`. */
  after(previous: string, word: Word): number {
    const pair = `${previous} ${word.key}`;
    let byAlone = this.pairs.get(pair);
    if (!byAlone) this.pairs.set(pair, (byAlone = new Map()));
    let odds = byAlone.get(word.alone);
    if (odds === undefined) {
      // The letters' own word pairs first, then written Norwegian's, then the word alone, shared out by
      // how often words with its ending follow this one (endings carry grammar).
      const alone = Math.exp(word.alone) * this.endingRatio(previous, word.key);
      const general = discounted(this.prior.written, previous, word.key, alone);
      byAlone.set(word.alone, (odds = Math.log(discounted(this.model, previous, word.key, general))));
    }
    return odds;
  }

  /** How much likelier than overall a word with this ending is right after `previous`. */
  private endingRatio(previous: string, key: string): number {
    const model = this.model.followersOf(previous).total > 0 ? this.model : this.prior.written;
    const after = model.followersOf(previous);
    const endingShare = model.endingCount(key) / (model.size + 1);
    if (after.total === 0 || endingShare === 0) return 1;
    return (model.endingPairCount(previous, key) + ENDING_SMOOTHING * endingShare) / (after.total + ENDING_SMOOTHING) / endingShare;
  }

  private edgeShare(): number {
    const written = this.prior.written;
    return written.followersOf(EDGE).total / (written.size + 1);
  }

  // A compound's first parts often carry a linking s ("løsnings|fokus"): the word without it counts too.
  private partCount(part: string): number {
    const count = (word: string) => this.model.count(word) + PRIOR_WEIGHT * this.prior.share(word);
    return Math.max(count(part), part.endsWith('s') ? count(part.slice(0, -1)) : 0);
  }
}

/**
 * Absolute discounting: a word followed by many different words leaves more to words unseen after it,
 * shared out as `backoff` says.
 */
function discounted(model: LanguageModel, previous: string, key: string, backoff: number): number {
  const after = model.followersOf(previous);
  if (after.total === 0) return backoff;
  const seen = Math.max(model.pairCount(previous, key) - DISCOUNT, 0);
  return (seen + DISCOUNT * after.distinct * backoff) / after.total;
}
