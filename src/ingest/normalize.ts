/**
 * `npm run normalize -- FILE`: a source's text as ingest reads it, whatever the file is. A text file
 * comes out with its encoding repaired and — a scan whose æ/ø/å were lost — its OCR damage repaired
 * with the lexicon and the clean sources of the corpus, its line-end hyphenation re-joined and its OCR
 * bullets written as "- "; clean text passes unchanged. A PDF, a scan, a Word file or a web page comes
 * out as the blocks ingest reads from it (repaired, for a scan), written out as text.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isScanned } from '../model/corpus.js';
import { joinWrappedLines } from '../text/wrap.js';
import { kindsOf } from './assemble/document-types.js';
import { ingestFile } from './ingested-file.js';
import { languageOf } from './ocr/language.js';
import { repairOcr } from './ocr/repair.js';
import { readableText } from './parse/blocks.js';
import { sourceFiles } from './read/corpus-folder.js';
import { UnreadableSourceError } from './read/decode.js';
import { readSource, type ReadSource } from './read/read-source.js';

export async function normalizeFile(path: string, corpusDir: string, ocrCacheDir = join(tmpdir(), 'styringssok-ocr-cache')): Promise<string> {
  const bytes = readFileSync(path);
  const source = await readSource('input', bytes, { path, ocrCacheDir });
  if (!source.parsed && !source.lines && source.kind !== 'ocr') return source.text;
  const language = languageOf(await cleanSources(corpusDir, path, source.text, ocrCacheDir));
  if (source.kind !== 'ocr') return readableText(ingestFile(source, language, kindsOf(corpusDir)).parsed.blocks);
  const repaired = repairOcr(source.text, language.model, language.lexicon).text;
  return unwrapHyphens(repaired, language.isWord).replace(/^(\s*)[eo•](?=\s)/gmu, '$1-');
}

/** The corpus's clean sources, except the file being normalised (or a copy of it). */
async function cleanSources(corpusDir: string, path: string, text: string, ocrCacheDir: string): Promise<ReadSource[]> {
  const sources: ReadSource[] = [];
  for (const file of sourceFiles(corpusDir)) {
    const other = join(corpusDir, file);
    if (resolve(other) === resolve(path)) continue;
    try {
      const source = await readSource(file, readFileSync(other), { path: other, ocrCacheDir, withoutOcr: true });
      if (!isScanned(source.kind) && source.text !== text) sources.push(source);
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
