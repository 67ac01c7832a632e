/**
 * Command line: `ingest`, `normalize`, `search`, `serve` — the composition root, which opens the store
 * `STORE` names and hands it to the archive (see archive.ts). Each command is a thin shell around the
 * library functions it names; output meant for people goes to stderr when stdout carries data.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { childOutcome, ingestInto, openArchive, type IngestOutcome } from './archive.js';
import { indexDir, withNaisDatabase } from './environment.js';
import { normalizeFile } from './ingest/normalize.js';
import { formatReport } from './ingest/report.js';
import type { SearchResponse } from './search/engine.js';
import type { IndexStore, PublishReport } from './store/index-store.js';
import { markSpans, markWindow, type Marking } from './text/marked-text.js';
import { openStore, storeSettings } from './store/open-store.js';
import { serve } from './serve.js';
import { serveSettings } from './web/http/serve-settings.js';
import { apiSearchResponse } from './web/view-models/api.js';

const DEFAULT_CORPUS = 'corpus';

/** Ingest with a progress bar and the report on stderr; with `json`, the outcome on stdout instead, for a server's log. */
async function ingestCommand(store: IndexStore, corpusDir: string, ocrCacheDir: string, { quiet, force, json }: { quiet: boolean; force: boolean; json: boolean }): Promise<IngestOutcome> {
  const bar = quiet || json ? null : new cliProgress.SingleBar({ format: 'Ingest [{bar}] {percentage}% {step} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar?.start(1, 0, { step: '', file: '' });
  let ocrPages = 0;
  const outcome = await ingestInto(store, corpusDir, {
    force,
    ocrCacheDir,
    maxFileBytes: maxFileBytes(process.env),
    onProgress: ({ step, done, total, file }) => {
      if (step === 'OCR') ocrPages++;
      bar?.setTotal(total);
      bar?.update(done, { step, file: file ?? '' });
    },
  }).finally(() => bar?.stop());
  if (json) process.stdout.write(`${JSON.stringify(childOutcome(outcome, ocrPages))}\n`);
  else if (!quiet) {
    if (outcome.kind === 'unchanged') process.stderr.write(`The index in ${store.location} (version ${outcome.version.id}, built ${outcome.version.builtAt}) is of the corpus as it is: nothing to ingest.\n`);
    else process.stderr.write(`${formatReport(outcome.report, store.location === 'PostgreSQL' ? 'PostgreSQL' : join(store.location, 'corpus.json'))}${publication(outcome.published)}\n`);
  }
  return outcome;
}

/** `INGEST_MAX_FILE_MB`: files larger than this many MB are reported and left out. */
function maxFileBytes(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.INGEST_MAX_FILE_MB;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`INGEST_MAX_FILE_MB must be a number of megabytes, not «${value}»`);
  return Number(value) * 2 ** 20;
}

function publication({ version, written, removed, unchanged }: PublishReport): string {
  const changed = [written.length ? `${written.join(', ')} written` : 'nothing written', ...(removed.length ? [`${removed.join(', ')} removed`] : [])];
  return `Search index version ${version.id}: ${version.paragraphs} paragraphs; ${changed.join(', ')}, ${unchanged.length} documents unchanged`;
}

const BOLD: Marking = { escape: (text) => text, open: '\x1b[1m', close: '\x1b[0m' };

/** A terminal's rendering of hits: matches in bold, each hit's link beneath it. */
function formatHits(response: SearchResponse, q: string): string {
  const { hits } = apiSearchResponse(response, q);
  const lines = [`${response.total} treff${response.suggestion ? ` (mente du «${response.suggestion}»?)` : ''}`];
  response.hits.forEach((hit, i) => {
    lines.push('', `${hit.year}  ${hit.docTitle} · ${[hit.section, hit.sectionTitle].filter(Boolean).join(' ')}${hit.heading ? ` · ${hit.heading}` : ''}`);
    lines.push(`  ${markWindow(hit.text, hit.snippet, (from, to) => markSpans(hit.text, hit.matches.text, BOLD, from, to))}`, `  ${hits[i]!.url}`);
  });
  return lines.join('\n') + '\n';
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      out: { type: 'string', default: indexDir(process.env) },
      index: { type: 'string', default: indexDir(process.env) },
      quiet: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      year: { type: 'string', multiple: true },
      topic: { type: 'string', multiple: true },
      type: { type: 'string', multiple: true },
      limit: { type: 'string', default: '10' },
    },
  });
  const corpusDir = resolve(values.corpus);
  const settings = () => storeSettings(resolve(command === 'ingest' ? values.out : values.index), withNaisDatabase(process.env));
  switch (command) {
    case 'ingest': {
      const store = openStore(settings());
      // OCR output is kept beside the index, so a restart OCRs nothing twice.
      const ocrCache = join(resolve(values.out), 'ocr-cache');
      const outcome = await ingestCommand(store, corpusDir, ocrCache, { quiet: values.quiet, force: values.force, json: values.json }).finally(() => store.close());
      if (outcome.kind === 'published' && outcome.report.documents.length === 0) process.exitCode = 1;
      break;
    }
    case 'search': {
      const q = positionals.join(' ');
      const storeOptions = settings();
      const store = openStore(storeOptions);
      const onRebuild = (reason: string) => process.stderr.write(`Building the index: ${reason}.\n`);
      const live = await openArchive(store, storeOptions.kind === 'memory' ? corpusDir : undefined, { onRebuild, pollMs: 0 });
      const response = await live.current.search({ q, years: (values.year ?? []).map(Number), topics: values.topic ?? [], types: values.type ?? [], limit: Number(values.limit) });
      await live.close();
      await store.close();
      process.stdout.write(values.json ? `${JSON.stringify(apiSearchResponse(response, q), null, 2)}\n` : formatHits(response, q));
      break;
    }
    case 'normalize': {
      const file = positionals[0];
      if (!file) throw new UsageError('usage: npm run --silent normalize -- FILE');
      process.stdout.write(await normalizeFile(resolve(file), corpusDir, join(resolve(values.index), 'ocr-cache')));
      break;
    }
    case 'serve':
      await serve(corpusDir, settings(), serveSettings(process.env));
      break;
    default:
      throw new UsageError('usage: cli.ts ingest [--corpus DIR] [--out DIR] [--force] [--json] | search "q" [--year Y] [--topic T] [--type T] [--json] | normalize FILE | serve');
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
