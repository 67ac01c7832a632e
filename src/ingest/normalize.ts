/**
 * `npm run normalize -- FILE`: a source's text as ingest repairs it. Encoding is repaired for every
 * file; a scan whose æ/ø/å were lost is repaired with the lexicon and the clean sources of the corpus,
 * its line-end hyphenation re-joined and its OCR bullets written as "- ". Clean text passes unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnreadableSourceError } from './read/decode.js';
import { languageOf } from './ocr/language.js';
import { repairOcr } from './ocr/repair.js';
import { sourceFiles } from './read/corpus-folder.js';
import { readSource, type ReadSource } from './read/read-source.js';
import { joinWrappedLines } from '../text/wrap.js';

export function normalizeFile(bytes: Buffer, corpusDir: string): string {
  const source = readSource('input', bytes);
  if (source.kind !== 'ocr') return source.text;
  const language = languageOf(cleanSources(corpusDir, source.text));
  const repaired = repairOcr(source.text, language.model, language.lexicon).text;
  return unwrapHyphens(repaired, language.isWord).replace(/^(\s*)[eo•](?=\s)/gmu, '$1-');
}

/** The corpus's clean sources, except a copy of the file being normalised. */
function cleanSources(corpusDir: string, text: string): ReadSource[] {
  const sources: ReadSource[] = [];
  for (const file of sourceFiles(corpusDir)) {
    try {
      const source = readSource(file, readFileSync(join(corpusDir, file)));
      if (source.kind !== 'ocr' && source.text !== text) sources.push(source);
    } catch (error) {
      if (!(error instanceof UnreadableSourceError)) throw error;
    }
  }
  return sources;
}

/** Re-join words broken by a line-end hyphen, leaving every other line break in place. */
function unwrapHyphens(text: string, isWord: (w: string) => boolean): string {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = /(\S*[\p{L}\d]-)$/u.exec(lines[i]!);
    const tail = /^\s*([\p{L}/]\S*)/u.exec(lines[i + 1]!);
    if (!head || !tail) continue;
    lines[i] = lines[i]!.slice(0, head.index) + joinWrappedLines([head[1]!, tail[1]!], isWord);
    lines[i + 1] = lines[i + 1]!.slice(tail[0].length).trimStart();
    if (!lines[i + 1]) lines.splice(i + 1, 1);
  }
  return lines.join('\n');
}
