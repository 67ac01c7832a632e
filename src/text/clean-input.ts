/**
 * Text typed by someone else: control characters are never part of what they meant, and invisible
 * format characters (bidirectional overrides and isolates, zero-width marks) would reorder or hide the
 * text around them when it is shown back.
 */
/** Control characters. */
const CONTROL = /\p{Cc}/gu;
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Controls become spaces; invisible format characters go. */
export function cleanInput(text: string): string {
  return text.replace(CONTROL, ' ').replace(INVISIBLE, '');
}
