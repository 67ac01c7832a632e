/**
 * One source file through the steps that need only the file itself and the corpus's language: the
 * parser for its shape (the layout parser for printed lines), OCR repair when it is a scan — of its
 * text before parsing for a text scan, of its blocks for one read by its layout — and the metadata its
 * text states.
 */
import type { Metadata } from './assemble/metadata.js';
import type { TypeRecognizer } from './assemble/document-types.js';
import { extractMetadata } from './assemble/metadata.js';
import type { Language } from './ocr/language.js';
import type { LearnedConfusion } from './ocr/learn-confusions.js';
import { looksLikeOcrDamage, repairOcr, type Repair } from './ocr/repair.js';
import { repairBlocks } from './ocr/repair-blocks.js';
import { blocksText, type Block, type ParsedSource } from './parse/blocks.js';
import { parseLayout } from './parse/layout.js';
import { parseMarkdown } from './parse/markdown.js';
import { parsePlainText } from './parse/plain-text.js';
import { parseWebTranscript } from './parse/web-transcript.js';
import type { ReadSource } from './read/read-source.js';

export interface IngestedFile extends ReadSource {
  parsed: ParsedSource;
  metadata: Metadata;
  /** The words OCR repair changed, for a scan. */
  repairs?: Repair[];
  /** How the scan's OCR misread letters, as learned from the scan. */
  confusions?: LearnedConfusion[];
}

/** Throws when the file holds no paragraph of text; the pipeline reports that by file name. */
export function ingestFile(source: ReadSource, language: Language, kinds: TypeRecognizer): IngestedFile {
  const { model, lexicon, isWord } = language;
  let text = source.text;
  let repairs: Repair[] | undefined;
  let confusions: LearnedConfusion[] | undefined;
  if (source.kind === 'ocr') {
    ({ text, repairs, confusions } = repairOcr(text, model, lexicon));
  }
  let parsed = source.parsed ?? (source.lines ? parseLayout(source.lines, { isWord }) : source.kind === 'markdown' ? parseMarkdown(text) : source.kind === 'web-transcript' ? parseWebTranscript(text) : parsePlainText(text, { isWord }));
  // Tesseract with Norwegian gets æ, ø and å right: only a scan that lost them is repaired.
  if (source.kind === 'scan' && looksLikeOcrDamage(blocksText(parsed.blocks))) {
    let blocks: Block[];
    ({ blocks, repairs, confusions } = repairBlocks(parsed.blocks, language));
    parsed = { ...parsed, blocks };
    text = blocksText(blocks);
  }
  if (!parsed.blocks.some((b) => (b.kind === 'text' || b.kind === 'list') && /\p{L}{2}/u.test(b.kind === 'text' ? b.text : b.items[0]?.text ?? ''))) {
    throw new Error('no paragraphs of text found');
  }
  return { ...source, text, parsed, metadata: extractMetadata(parsed.blocks, kinds), repairs, confusions };
}
