/**
 * A source file's bytes as text of a known shape: decoded, then recognised by its content.
 */
import type { SourceKind } from '../../model/corpus.js';
import { looksLikeOcrDamage } from '../ocr/repair.js';
import { decodeSource } from './decode.js';
import { detectShape } from './detect-shape.js';

/** A source file read, decoded and recognised by shape. */
export interface ReadSource {
  file: string;
  bytes: Buffer;
  text: string;
  encoding: string;
  kind: SourceKind;
}

/** Decode bytes and detect their shape; throws UnreadableSourceError for binary or empty files. */
export function readSource(file: string, bytes: Buffer): ReadSource {
  const { text, encoding } = decodeSource(bytes);
  return { file, bytes, text, encoding, kind: detectShape(text, looksLikeOcrDamage) };
}
