/**
 * What shape a paragraph has: prose that says something, or a listing — a table row ("Andel … | Skal
 * øke"), a list of indicators ("Andel arbeidssøkere med overgang til arbeid; Andel personer med …"), a
 * bare line — that names the matter without stating anything about it. A listing matching a query ranks
 * below prose matching it as well, since the prose is what an advisor quotes.
 */

/** What a match in a listing is worth next to one in prose. */
export const LISTING_WEIGHT = 0.7;

/**
 * Finite verbs of Norwegian that carry most sentences of a steering letter, and passive verb forms
 * ("videreføres", "prioriteres"): a paragraph with one states something.
 */
const FINITE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:er|var|har|hadde|skal|skulle|vil|ville|kan|kunne|må|måtte|bør|burde|blir|ble|får|fikk|gir|ga|går|gikk|gjør|gjorde|gjelder|viser|ligger|står|sto|skjer|øker|økte|finnes|inngår|omfatter|innebærer|betyr|handler|trenger|bidrar|sikrer|kommer|utgjør|\p{L}{3,}[bdfgklmnprstv]es)(?![\p{L}\d])`,
  'iu',
);

/** The weight of a paragraph's matches by its shape: 1 for prose, LISTING_WEIGHT for a listing. */
export function shapeWeight(text: string): number {
  return text.includes(' | ') || !FINITE.test(text) ? LISTING_WEIGHT : 1;
}
