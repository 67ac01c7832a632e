/**
 * The shape of a heading line, the same for every source: it starts with a capital, is short, ends
 * without punctuation and holds no sentence break ("Ungdomsgarantien", "Mottakere av
 * arbeidsavklaringspenger"; not "Vedlegg:", "I samarbeid med helse-" nor "Målet er nådd. Videre …").
 */
/** Whether a line has the shape of a heading, at most `maxLength` characters long. */
export function looksLikeHeading(text: string, maxLength = 90): boolean {
  // A line ending in a hyphen or a footnote marker breaks off mid-sentence.
  if (!/^[\p{Lu}«"]/u.test(text) || /[.,;:\-–⁰¹²³⁴⁵⁶⁷⁸⁹]$/u.test(text) || /[.!?] \p{Lu}/u.test(text)) return false;
  return text.length <= maxLength && text.split(/\s+/).length <= Math.round(maxLength / 7.5);
}
