/**
 * Slugs: the readable, URL-safe part of an anchor made from a heading.
 */
import { foldedWords } from './fold.js';

/** A short, readable, URL-safe form of a heading: "Innvandrere fra land utenfor EØS (landgruppe 3)" → "innvandrere-fra-land-utenfor-eos". */
export function slugify(text: string, maxWords = 5): string {
  return foldedWords(text).slice(0, maxWords).join('-');
}
