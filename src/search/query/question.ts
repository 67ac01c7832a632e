/**
 * A query asked as a question ("hva sier brevene om ungdomsgarantien?", "hvem har ansvaret for
 * oppfølging av sykmeldte") is searched for by its content words: the words that frame a question about
 * the letters — asking, saying, the letters themselves, modal verbs, NAV — are left out, as long as
 * some other word remains. Interrogatives are stop words already.
 */
import { fold } from '../../text/fold.js';
import type { Clause, ParsedQuery } from './parse.js';

const INTERROGATIVES = new Set(['hva', 'hvem', 'hvordan', 'hvorfor', 'hvilke', 'hvilken', 'hvilket', 'hvor', 'nar', 'hvorvidt']);

/**
 * Words that frame a question about the letters rather than say what it is about: saying and writing,
 * the letters themselves, modal verbs, and NAV — who the letters are from and to, so nearly every
 * paragraph is about it.
 */
const FRAME = new Set(
  `si sier sa sagt star sto skriver skrev skrives skrevet omtaler omtales omtalt beskriver beskrives nevner nevnes nevnt
  handler fortell forteller finnes finn ma bor burde trenger gjelder
  brev brevet brevene brevenes dokument dokumentet dokumentene tekst teksten tekstene rapport rapporten rapportene
  arsrapport arsrapporten arsrapportene tildelingsbrev tildelingsbrevet tildelingsbrevene disponeringsbrev disponeringsbrevet disponeringsbrevene
  nav navs etaten navkontor navkontoret navkontorene navkontorets navkontorenes`.split(/\s+/),
);

export function isQuestion(q: string): boolean {
  const first = fold(q.trim().split(/\s+/)[0] ?? '');
  return /\?\s*$/.test(q) || INTERROGATIVES.has(first);
}

/** The query without its question frame when it is a question; as it was otherwise. */
export function withoutQuestionFrame(q: string, parsed: ParsedQuery): ParsedQuery {
  if (!isQuestion(q)) return parsed;
  const content = (clause: Clause) => clause.anyOf.some((part) => part.kind === 'phrase' || !FRAME.has(fold(part.text).replace(/[^\p{L}\d]/gu, '')));
  const clauses = parsed.clauses.filter(content);
  return clauses.length ? { ...parsed, clauses } : parsed;
}
