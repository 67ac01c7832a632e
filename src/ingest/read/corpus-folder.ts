/**
 * What a corpus folder holds: source files, and beside them the data files that steer ingest
 * (the topic taxonomy). Hidden files are not part of it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The topic taxonomy lives beside the sources; it is data, not a source. */
export const TAXONOMY_FILE = 'topics.json';

/** The source files of a corpus directory: every plain file but the taxonomy and hidden files. */
export function sourceFiles(corpusDir: string): string[] {
  return readdirSync(corpusDir)
    .filter((f) => !f.startsWith('.') && f !== TAXONOMY_FILE && statSync(join(corpusDir, f)).isFile())
    .sort();
}
