/**
 * The ingest pipeline: every file of a corpus directory → one clean, sectioned Corpus. Steps run in
 * order — read and decode, detect the shape, repair OCR, parse into blocks, read metadata, merge twins,
 * build sections and paragraphs, tag topics, learn abbreviations — and a file that fails any step is reported by name while
 * the others go on.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abbreviationsOf, loadAbbreviationEdits } from './assemble/abbreviations.js';
import { assembleDocuments } from './assemble/documents.js';
import { kindsOf } from './assemble/document-types.js';
import { loadTaxonomy, TopicTagger } from './assemble/topics.js';
import { fingerprintOf } from './fingerprint.js';
import { ingestFile, type IngestedFile } from './ingested-file.js';
import { languageOf } from './ocr/language.js';
import { isScanned, type Corpus } from '../model/corpus.js';
import { DATA_FILES, dataFile, readCorpusFolder, sourceFiles } from './read/corpus-folder.js';
import { UnreadableSourceError } from './read/decode.js';
import { readSource, type ReadSource } from './read/read-source.js';
import { loadLaws, loadSynonyms } from './read/search-data.js';
import { buildReport, type IngestReport } from './report.js';

export interface IngestOptions {
  corpusDir: string;
  onProgress?: (event: ProgressEvent) => void;
  /** Files larger than this are reported and left out; see `DEFAULT_MAX_FILE_BYTES`. */
  maxFileBytes?: number;
  /** Where OCR output is kept between ingests (an `ocr-cache` folder beside the index); the system's temp folder by default. */
  ocrCacheDir?: string;
}

export interface ProgressEvent {
  step: string;
  done: number;
  total: number;
  file?: string;
}

export async function ingestCorpus(options: IngestOptions): Promise<{ corpus: Corpus; report: IngestReport }> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const data = dataFiles(options.corpusDir);
  const kinds = kindsOf(options.corpusDir);
  const folder = readCorpusFolder(options.corpusDir, options.maxFileBytes);
  const warnings = folder.problems.map(({ name, problem }) => `${name}: ${problem}`);

  const files = folder.files.map((f) => f.name);
  const total = files.length * 2 + 2;
  let done = 0;

  const read: ReadSource[] = [];
  const contents: { file: string; bytes: Buffer }[] = [];
  for (const file of files) {
    progress({ step: 'read', done: done++, total, file });
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(options.corpusDir, file));
    } catch (error) {
      warnings.push(`${file}: skipped, it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    contents.push({ file, bytes });
    try {
      read.push(
        await readSource(file, bytes, {
          path: join(options.corpusDir, file),
          ocrCacheDir: options.ocrCacheDir ?? join(tmpdir(), 'styringssok-ocr-cache'),
          onPage: (page, pages) => progress({ step: 'OCR', done: done - 1, total, file: `${file}, page ${page}/${pages}` }),
        }),
      );
    } catch (error) {
      warnings.push(`${file}: skipped, ${error instanceof UnreadableSourceError ? error.message : `it could not be read (${(error as Error).message})`}`);
    }
  }

  const language = languageOf(read);
  const ingested: IngestedFile[] = [];
  for (const source of read) {
    progress({ step: isScanned(source.kind) ? 'repair + parse' : 'parse', done: done++, total, file: source.file });
    try {
      ingested.push(ingestFile(source, language, kinds));
    } catch (error) {
      warnings.push(`${source.file}: skipped, could not be parsed (${(error as Error).message})`);
    }
  }
  done += files.length - read.length;

  progress({ step: 'sections, twins, topics, abbreviations', done: done++, total });
  const taxonomy = loadTaxonomy(dataFile(options.corpusDir, DATA_FILES.topics));
  const documents = assembleDocuments(ingested, new TopicTagger(taxonomy));
  const corpus: Corpus = {
    builtAt: new Date().toISOString(),
    fingerprint: fingerprintOf([...contents, ...data]),
    topics: taxonomy.topics.map(({ id, label }) => ({ id, label })),
    types: kinds.labels,
    laws: loadLaws(dataFile(options.corpusDir, DATA_FILES.laws)),
    abbreviations: abbreviationsOf(documents, loadAbbreviationEdits(dataFile(options.corpusDir, DATA_FILES.abbreviations))),
    synonyms: loadSynonyms(dataFile(options.corpusDir, DATA_FILES.synonyms)),
    documents,
  };
  progress({ step: 'done', done: total, total });
  return { corpus, report: buildReport(corpus, ingested, warnings, performance.now() - started) };
}

/**
 * A fingerprint of the corpus directory as it is now, without ingesting it: equal to the `fingerprint`
 * of the corpus.json built from it, so a stale index is noticed.
 */
export function corpusFingerprint(corpusDir: string): string {
  const contents = sourceFiles(corpusDir).flatMap((file) => {
    try {
      return [{ file, bytes: readFileSync(join(corpusDir, file)) }];
    } catch {
      return [];
    }
  });
  return fingerprintOf([...contents, ...dataFiles(corpusDir)]);
}

/** The data files ingest reads, by name, with their bytes. */
function dataFiles(corpusDir: string): { file: string; bytes: Buffer }[] {
  return Object.values(DATA_FILES).map((file) => ({ file, bytes: readFileSync(dataFile(corpusDir, file)) }));
}
