/**
 * A law is one term whatever name the text gives it: the words of "NAV-loven", of "arbeids- og
 * velferdsforvaltningsloven" and of "navloven" all give way to the law's term, so a search by one name
 * finds the paragraphs written with another. A section or chapter named with its law is that law's: its
 * term is bound to the law's (`lov:1967-02-10§17`), so "sosialtjenesteloven § 17" is not found in
 * "forvaltningsloven § 17", while a search for "§ 17" alone finds every law's (see Vocabulary.expand).
 */
import type { Law } from '../model/corpus.js';
import type { LawReferences } from '../text/law-references.js';
import type { Token } from './analyzer.js';

/** How every law's term starts: no word of the language does. */
export const LAW_TERM_PREFIX = 'lov:';

/** The term a law is indexed and searched by. */
export function lawTerm(law: Law): string {
  return `${LAW_TERM_PREFIX}${law.id}`;
}

/** A section's or chapter's term (`§17`, `kap11`) bound to its law's: it ends with the unbound term. */
export function boundTerm(law: string, place: string): string {
  return `${law}${place}`;
}

/** Whether a term names a section or a chapter (`§14a`, `kap11`). */
export function isPlaceTerm(term: string): boolean {
  return /^(?:§|kap\d)/.test(term);
}

/**
 * The tokens with the words of each law's name replaced by one token of the law's term, over the name,
 * and the term of each section or chapter named with it bound to the law's.
 */
export function withLawTerms(text: string, tokens: Token[], laws: LawReferences<Law>): Token[] {
  const references = laws.find(text);
  if (references.length === 0) return tokens;
  const out: Token[] = [];
  let k = 0;
  for (const { law, start, end, nameStart, nameEnd } of references) {
    const term = lawTerm(law);
    const bind = (token: Token) => out.push(isPlaceTerm(token.term) ? { ...token, term: boundTerm(term, token.term), surface: boundTerm(term, token.surface) } : token);
    while (k < tokens.length && tokens[k]!.start < start) out.push(tokens[k++]!);
    while (k < tokens.length && tokens[k]!.start < nameStart) bind(tokens[k++]!);
    while (k < tokens.length && tokens[k]!.start < nameEnd) k++;
    out.push({ term, surface: term, start: nameStart, end: nameEnd, stop: false });
    while (k < tokens.length && tokens[k]!.start < end) bind(tokens[k++]!);
  }
  while (k < tokens.length) out.push(tokens[k++]!);
  return out;
}
