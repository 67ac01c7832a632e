/**
 * One source file through the steps that need only the file itself and the corpus's language: OCR
 * repair when it is a scan, the parser for its shape, and the metadata its text states.
 */
import type { Metadata } from './assemble/metadata.js';
import { extractMetadata } from './assemble/metadata.js';
import type { Language } from './ocr/language.js';
import { repairOcr, type Repair } from './ocr/repair.js';
import { blocksText, type ParsedSource } from './parse/blocks.js';
import { parseMarkdown } from './parse/markdown.js';
import { parsePlainText } from './parse/plain-text.js';
import { parseWebTranscript } from './parse/web-transcript.js';
import type { ReadSource } from './read/read-source.js';

export interface IngestedFile extends ReadSource {
  parsed: ParsedSource;
  metadata: Metadata;
  /** The words OCR repair changed, for a scan. */
  repairs?: Repair[];
}

/** Throws when the file holds no paragraph of text; the pipeline reports that by file name. */
export function ingestFile(source: ReadSource, { model, lexicon, isWord }: Language): IngestedFile {
  let text = source.text;
  let repairs: Repair[] | undefined;
  if (source.kind === 'ocr') {
    const repaired = repairOcr(text, model, lexicon);
    text = repaired.text;
    repairs = repaired.repairs;
  }
  const parsed =
    source.kind === 'markdown'
      ? parseMarkdown(text)
      : source.kind === 'web-transcript'
        ? parseWebTranscript(text)
        : parsePlainText(text, { isWord });
  if (!parsed.blocks.some((b) => (b.kind === 'text' || b.kind === 'list') && /\p{L}{2}/u.test(b.kind === 'text' ? b.text : b.items[0]?.text ?? ''))) {
    throw new Error('no paragraphs of text found');
  }
  return { ...source, text, parsed, metadata: extractMetadata(blocksText(parsed.blocks)), repairs };
}
