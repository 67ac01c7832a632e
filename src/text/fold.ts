/**
 * Case and diacritic folding shared by every stage that compares words: ingest (twins, topics) and
 * the search analyzer. æ/ø/å fold to their ASCII spellings as a keyboard without them types them
 * ("oppfolging", "saerlig", "pa"), so all spellings meet.
 */
/** A text folded: compatibility forms, case and marks gone, æ → ae and ø → o. */
export function fold(text: string): string {
  // Compatibility forms first (𝛢, ﬁ, ²), then case, then every combining mark (å → a, not only Latin
  // accents), so that folding its own output changes nothing.
  return text
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o');
}

/** Folded words of a text (letters and digits; hyphenated compounds split). */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}
