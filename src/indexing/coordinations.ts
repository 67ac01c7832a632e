/**
 * Hyphen-elided coordinations completed: "helse- og omsorgstjenesten" says helsetjenesten and
 * omsorgstjenesten, "arbeids- og velferdsetaten" arbeidsetaten and velferdsetaten. The first part is
 * indexed and searched as the word it stands for — its own letters and the head of the last word, where
 * that word splits after a modifier the index knows — so a search for either completed word finds it.
 */
import { wordToken, type Token } from './analyzer.js';

/** Words that join the parts of a coordination: "helse- og omsorg…", "stat- eller kommune…". */
const CONJUNCTIONS = new Set(['og', 'eller', 'samt']);
/** Shortest modifier and head a split of the last word allows. */
const MIN_PART = 3;

/**
 * The tokens with each elided part ("helse-") replaced by its completed word; `known` says whether the
 * index holds a term, as the words the last word may split into must be.
 */
export function completeCoordinations(text: string, tokens: Token[], known: (term: string) => boolean): Token[] {
  if (!/-[\s,]/.test(text)) return tokens;
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (!elided(text, tokens[i]!)) continue;
    // The parts: this one, any more after commas ("arbeids-, helse- og …"), then a conjunction and the last word.
    let j = i;
    while (j + 1 < tokens.length && elided(text, tokens[j + 1]!) && /^\s*,\s*$/.test(text.slice(tokens[j]!.end + 1, tokens[j + 1]!.start))) j++;
    const conjunction = tokens[j + 1];
    const last = tokens[j + 2];
    if (!conjunction || !last || !CONJUNCTIONS.has(conjunction.surface) || last.stop || text[last.end] === '-') continue;
    const head = headOf(last.surface, known);
    if (!head) continue;
    out ??= [...tokens];
    for (let k = i; k <= j; k++) {
      const part = tokens[k]!;
      out[k] = wordToken(part.surface + head, part.start, part.end) ?? part;
    }
    i = j;
  }
  return out ?? tokens;
}

/** A part whose word ends in a hyphen standing free: "helse-" before " og", "arbeids-" before ",". */
function elided(text: string, token: Token): boolean {
  return !token.stop && text[token.end] === '-' && /[\s,]/.test(text[token.end + 1] ?? '') && /^\p{L}+$/u.test(token.surface);
}

/**
 * The head of the last word: what follows its longest modifier the index knows (a linking s or e
 * allowed) — "tjenesten" of "omsorgstjenesten", "oppfølging" of "sykefraværsoppfølging" — where the
 * index knows the head too, or else the modifier ends in a linking s ("informasjons|materiell").
 */
function headOf(word: string, known: (term: string) => boolean): string | null {
  const isKnown = (w: string) => {
    const token = wordToken(w, 0);
    return token !== null && !token.stop && known(token.term);
  };
  const modifierKnown = (modifier: string) => isKnown(modifier) || (/[se]$/.test(modifier) && modifier.length > MIN_PART && isKnown(modifier.slice(0, -1)));
  let linked: string | null = null;
  for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
    const modifier = word.slice(0, i);
    if (!modifierKnown(modifier)) continue;
    const head = word.slice(i);
    if (isKnown(head)) return head;
    if (!linked && modifier.endsWith('s') && head.length >= MIN_PART + 1) linked = head;
  }
  return linked;
}
