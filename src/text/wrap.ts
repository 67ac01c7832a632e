/**
 * Re-join the lines of one hard-wrapped paragraph. A word broken by a line-end hyphen is re-joined
 * (`funksjons-` + `nedsettelse`), but a hyphen that belongs to the word stays (`NAV-` + `kontoret`,
 * `EØS-` + `området`), and so does a coordinating one (`Sør-` + `og Mellom-Amerika`). `isWord`, when
 * given, keeps the hyphen of compounds known only in hyphenated form (`e-post`).
 */
/** A hyphen before these words coordinates two compounds ("helse- og omsorg"); it is no line-end hyphen. */
const COORDINATING = /^(og|eller|samt|til|enn)\b/u;

export function joinWrappedLines(lines: string[], isWord?: (word: string) => boolean): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!text) {
      text = line;
      continue;
    }
    const hyphen = /(\S*?)([\p{L}\d])-$/u.exec(text);
    if (!hyphen || COORDINATING.test(line) || !/^[\p{L}/]/u.test(line)) {
      text += ' ' + line;
      continue;
    }
    const head = hyphen[1]! + hyphen[2]!;
    const tail = /^[^\s.,;:!?)»]*/u.exec(line)![0];
    // Upper case or a digit before the hyphen marks a compound with an abbreviation: keep the hyphen.
    const keep =
      /[\p{Lu}\d]/u.test(hyphen[2]!) || line.startsWith('/') || (isWord !== undefined && isWord(`${head}-${tail}`) && !isWord(head + tail));
    text = keep ? text + line : text.slice(0, -1) + line;
  }
  return text;
}
