/**
 * A source file's bytes as what ingest works with, by what the bytes are: a text file decoded and
 * recognised by the shape of its text; a Word file or a saved web page read into blocks by the layout
 * its markup gives. Nothing is taken from the file's name.
 */
import type { SourceKind } from '../../model/corpus.js';
import { looksLikeOcrDamage } from '../ocr/repair.js';
import { blocksText, type ParsedSource } from '../parse/blocks.js';
import { parseHtml } from '../parse/html.js';
import { decodeSource, UnreadableSourceError } from './decode.js';
import { detectShape } from './detect-shape.js';
import { sniffKind } from './sniff.js';
import { readWord } from './word.js';

/** A source file read, with its text and, where its form gives them, its blocks. */
export interface ReadSource {
  file: string;
  bytes: Buffer;
  /** The text as decoded; for a file read into blocks, the blocks' running text. */
  text: string;
  /** How the text was had: `utf-8`, `windows-1252`, `Word (mammoth)`, … */
  encoding: string;
  kind: SourceKind;
  /** Blocks read from the file's own layout; a text file is parsed from its text later. */
  parsed?: ParsedSource;
}

/** Throws UnreadableSourceError for what cannot be a source (binary, empty, a zip that is not Word). */
export async function readSource(file: string, bytes: Buffer): Promise<ReadSource> {
  switch (sniffKind(bytes)) {
    case 'word':
      return fromBlocks(file, bytes, 'word', 'Word (mammoth)', parseHtml(await readWord(bytes)));
    case 'html': {
      const { text, encoding } = decodeSource(bytes);
      return fromBlocks(file, bytes, 'html', encoding, parseHtml(text));
    }
    case 'zip':
      throw new UnreadableSourceError('the file is a zip archive, not a Word document');
    default:
      return readTextSource(file, bytes);
  }
}

/** A text file: decoded, and recognised by the shape of its text. */
export function readTextSource(file: string, bytes: Buffer): ReadSource {
  const { text, encoding } = decodeSource(bytes);
  return { file, bytes, text, encoding, kind: detectShape(text, looksLikeOcrDamage) };
}

function fromBlocks(file: string, bytes: Buffer, kind: SourceKind, encoding: string, parsed: ParsedSource): ReadSource {
  return { file, bytes, text: blocksText(parsed.blocks), encoding, kind, parsed };
}
