/**
 * OCR of scanned PDF pages and of images (PNG, JPEG, TIFF) with the `tesseract` program, keeping its
 * layout (hOCR: line baselines and heights, word and character boxes) so a scan is parsed by the same
 * layout rules as a born-digital PDF (hocr.ts → parseLayout). PDF pages are rasterised by poppler's
 * `pdftoppm` and piped to Tesseract, a page per process, as many at once as there are cores. What
 * Tesseract returns is cached under the file's SHA-256, the page, the language and Tesseract's version,
 * so a restart or a re-ingest OCRs nothing twice. Missing programs are named with the Debian packages
 * that provide them.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { LayoutLine } from '../parse/layout-line.js';
import { UnreadableSourceError } from './decode.js';
import { hocrLines } from './hocr.js';

export interface OcrOptions {
  /** Where Tesseract's output is kept between runs, e.g. `<index dir>/ocr-cache`. */
  cacheDir: string;
  /** Tesseract's language; `nor` (Debian tesseract-ocr-nor) gets æ, ø and å right. */
  language?: string;
  /** The resolution PDF pages are rasterised at. */
  dpi?: number;
  /** Pages OCR'd at once; the number of cores by default. */
  concurrency?: number;
  /** Called as each page is done (from the cache or by Tesseract). */
  onPage?: (done: number, total: number) => void;
}

/** Raised when the OCR programs or the language's data are not installed; the file is reported, not dropped. */
export class OcrUnavailableError extends UnreadableSourceError {}

const INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-nor poppler-utils';
const DEFAULT_DPI = 300;

/** The given pages (1-based) of a PDF, OCR'd: their lines, page by page. */
export async function ocrPdfPages(path: string, pages: number[], options: OcrOptions): Promise<LayoutLine[]> {
  const dpi = options.dpi ?? DEFAULT_DPI;
  const ocr = await prepare(path, options, pages.length);
  const perPage = await inParallel(
    pages.map((page) => async () => {
      const hocr = await ocr.cached(`p${page}-${dpi}dpi`, () => pipe(['pdftoppm', '-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), path], ocr.tesseract('stdin', dpi)));
      ocr.done();
      return hocrLines(hocr, page, dpi);
    }),
    options.concurrency ?? availableParallelism(),
  );
  return perPage.flat();
}

/** An image file (PNG, JPEG, TIFF — a TIFF may hold many pages), OCR'd: its lines, page by page. */
export async function ocrImage(path: string, options: OcrOptions): Promise<LayoutLine[]> {
  const ocr = await prepare(path, options, 1);
  // The image's own resolution, when it states one, sizes its type.
  const hocr = await ocr.cached('image', () => pipe(ocr.tesseract(path)));
  ocr.done();
  return hocrLines(hocr, 1);
}

interface Tesseract {
  version: string;
  languages: string[];
}

/** Tesseract's version (part of the cache key: another version reads differently) and its languages. */
async function tesseractInstalled(): Promise<Tesseract> {
  const [version, languages] = await Promise.all([pipe(['tesseract', '--version']), pipe(['tesseract', '--list-langs'])]);
  return {
    version: /tesseract\s+v?([\w.-]+)/i.exec(version)?.[1] ?? 'unknown',
    languages: languages.split('\n').slice(1).map((l) => l.trim()).filter(Boolean),
  };
}

async function prepare(path: string, options: OcrOptions, total: number) {
  const language = options.language ?? 'nor';
  const { version, languages } = await tesseractInstalled();
  if (!languages.includes(language)) throw new OcrUnavailableError(`Tesseract has no language data for "${language}": ${INSTALL}`);
  const sha = await sha256(path);
  let done = 0;
  return {
    tesseract: (input: string, dpi?: number) => ['tesseract', input, 'stdout', '-l', language, ...(dpi ? ['--dpi', String(dpi)] : []), '-c', 'hocr_char_boxes=1', 'hocr'],
    /** Tesseract's hOCR for one part of the file: from the cache, or made and cached. */
    async cached(part: string, make: () => Promise<string>): Promise<string> {
      const file = join(options.cacheDir, sha.slice(0, 2), `${sha}-${part}-${language}-tesseract-${version}.hocr.gz`);
      const hit = await readFile(file).catch(() => null);
      if (hit) return (await promisify(gunzip)(hit)).toString('utf8');
      const hocr = await make();
      await mkdir(join(options.cacheDir, sha.slice(0, 2)), { recursive: true });
      // Written aside and renamed: a reader never sees half an entry, even with two ingests at once.
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      await writeFile(temporary, await promisify(gzip)(hocr));
      await rename(temporary, file);
      return hocr;
    },
    done: () => options.onPage?.(++done, total),
  };
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Run a pipeline of programs (each one's output into the next) and return the last one's output.
 * Tesseract is held to one thread: the pages run in parallel instead.
 */
function pipe(...commands: string[][]): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const children = commands.map(([program, ...args]) => ({ program: program!, child: spawn(program!, args, { env, stdio: ['pipe', 'pipe', 'pipe'] }) }));
    const errors = children.map(() => '');
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const { child } of children) child.kill();
      reject(error);
    };
    children.forEach(({ program, child }, k) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors[k] += chunk));
      child.on('error', (error: NodeJS.ErrnoException) =>
        fail(error.code === 'ENOENT' ? new OcrUnavailableError(`${program} is not installed: ${INSTALL}`) : error),
      );
      // A program that stops reading early (it failed) is reported by its exit code, not as a broken pipe.
      child.stdin.on('error', () => {});
      if (k === 0) child.stdin.end();
      const next = children[k + 1];
      if (next) child.stdout.pipe(next.child.stdin);
    });
    const last = children[children.length - 1]!.child;
    const output: Buffer[] = [];
    last.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    Promise.all(children.map(({ child }) => new Promise<number | null>((done) => child.on('close', done)))).then((codes) => {
      const k = codes.findIndex((code) => code !== 0);
      if (k >= 0) fail(new UnreadableSourceError(`${children[k]!.program} failed (exit ${codes[k]}): ${errors[k]!.trim().split('\n').slice(-3).join(' ')}`));
      else if (!failed) resolve(Buffer.concat(output).toString('utf8'));
    });
  });
}

/** Run the jobs, at most `concurrency` at a time; the results keep the jobs' order. */
async function inParallel<T>(jobs: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await jobs[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return results;
}
