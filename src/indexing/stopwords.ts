/**
 * Norwegian bokmål stop words (the Snowball list, folded the way the analyzer folds). They are not
 * indexed as terms, but keep their positions so phrases and proximity still count them.
 */
/** The stop words, folded. */
export const STOPWORDS = new Set(
  `og i jeg det at en et den til er som pa de med han av ikke ikkje der sa var meg seg men ett har om vi min mitt ha hadde
  hun na over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjol her alle vil bli ble blei blitt
  kunne inn nar vaere kom noen noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot a meget hvorfor
  dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sann inni mellom var hver hvem vors hvis both bare enn
  fordi for mange ogsa slik vart vaert begge siden dykk dykkar dei deira deires deim di doi doko eg ein eit eitt elles honom
  hoss hossen ho hjaa hoe hennar hennes hoss jo kvar kvarhelst kven kvi kvifor me medan mi mine mykje no nokon noka nokor
  noko nokre sia sidan so somt somme um upp vere vore verte vort varte vart under jf`.split(/\s+/),
);
