import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceKind } from '../model.js';
import { decodeSource } from './decode.js';
import { detectShape } from './detect-shape.js';
import { looksLikeOcrDamage } from './ocr-repair.js';

/** The topic taxonomy lives beside the sources; it is data, not a source. */
export const TAXONOMY_FILE = 'topics.json';

/** A source file read, decoded and recognised by shape. */
export interface ReadSource {
  file: string;
  bytes: Buffer;
  text: string;
  encoding: string;
  kind: SourceKind;
}

/** The source files of a corpus directory: every plain file but the taxonomy and hidden files. */
export function sourceFiles(corpusDir: string): string[] {
  return readdirSync(corpusDir)
    .filter((f) => !f.startsWith('.') && f !== TAXONOMY_FILE && statSync(join(corpusDir, f)).isFile())
    .sort();
}

/** Decode bytes and detect their shape; throws UnreadableSourceError for binary or empty files. */
export function readSource(file: string, bytes: Buffer): ReadSource {
  const { text, encoding } = decodeSource(bytes);
  return { file, bytes, text, encoding, kind: detectShape(text, looksLikeOcrDamage) };
}
