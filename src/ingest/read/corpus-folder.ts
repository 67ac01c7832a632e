/**
 * What a corpus folder holds: source files, and beside them the data files that steer ingest and
 * search (the topic taxonomy, the kinds of document, the laws, abbreviations and synonyms). Whatever
 * else a folder may hold — a folder inside it, a link to nothing, a link loop, a file that cannot be
 * read, one larger than the limit — is reported by name and passed over; it never stops the rest from
 * being read. Hidden files are not part of it.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Data files beside the sources, each steering a step of ingest or search: data, not sources. */
export const DATA_FILES = { topics: 'topics.json', types: 'document-types.json', laws: 'laws.json', abbreviations: 'abbreviations.json', synonyms: 'synonyms.json' } as const;
const DATA_FILE_NAMES = new Set<string>(Object.values(DATA_FILES));

/** The project's own corpus folder, whose data files serve a corpus folder that has none of its own. */
const PROJECT_CORPUS = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'corpus');
})();

/** Where a data file is: in the corpus folder, or else the project's own. */
export function dataFile(corpusDir: string, name: string): string {
  const own = join(corpusDir, name);
  return existsSync(own) ? own : join(PROJECT_CORPUS, name);
}

/** Files larger than this are not read unless the caller allows more (`INGEST_MAX_FILE_MB`). */
export const DEFAULT_MAX_FILE_BYTES = 200 * 2 ** 20;

export interface CorpusFolder {
  /** Source files, by name, sorted. */
  files: { name: string; bytes: number }[];
  /** Entries that are not readable source files, with why. */
  problems: { name: string; problem: string }[];
}

export function readCorpusFolder(corpusDir: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): CorpusFolder {
  const folder: CorpusFolder = { files: [], problems: [] };
  for (const name of readdirSync(corpusDir).sort()) {
    if (name.startsWith('.') || DATA_FILE_NAMES.has(name)) continue;
    const problem = (text: string) => folder.problems.push({ name, problem: text });
    const path = join(corpusDir, name);
    try {
      const link = lstatSync(path).isSymbolicLink();
      if (link) realpathSync(path);
      const stat = statSync(path);
      if (stat.isDirectory()) problem('skipped, it is a folder: sources are read from the corpus folder itself');
      else if (!stat.isFile()) problem('skipped, it is not a regular file');
      else if (stat.size > maxFileBytes) problem(`skipped, ${(stat.size / 2 ** 20).toFixed(1)} MB is more than the limit of ${(maxFileBytes / 2 ** 20).toFixed(0)} MB (INGEST_MAX_FILE_MB)`);
      else folder.files.push({ name, bytes: stat.size });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problem(
        code === 'ELOOP'
          ? 'skipped, it is a link that leads round in a loop'
          : code === 'ENOENT'
            ? 'skipped, it is a link to something that is not there'
            : `skipped, it cannot be read (${code ?? (error as Error).message})`,
      );
    }
  }
  return folder;
}

/** The names of the source files of a corpus directory. */
export function sourceFiles(corpusDir: string): string[] {
  return readCorpusFolder(corpusDir).files.map((f) => f.name);
}
