/**
 * Case and diacritic folding shared by every stage that compares words: ingest (twins, topics) and
 * the search analyzer. æ/ø/å fold to their ASCII spellings as a keyboard without them types them
 * ("oppfolging", "saerlig", "pa"), so all spellings meet.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Folded words of a text (letters and digits; hyphenated compounds split). */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}
