/**
 * Command line: `ingest`, `normalize`, `search`, `serve` — the composition root, which opens the store
 * `STORE` names and hands it to the archive (see archive.ts). Each command is a thin shell around the
 * library functions it names; output meant for people goes to stderr when stdout carries data.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pino from 'pino';
import { engineOf, ingestInto, loadArchive, openArchive, type IngestOutcome } from './archive.js';
import { normalizeFile } from './ingest/normalize.js';
import { formatReport } from './ingest/report.js';
import type { SearchResponse } from './search/engine.js';
import type { IndexStore, PublishReport } from './store/index-store.js';
import { LiveIndex } from './store/live-index.js';
import { markWindow, type Marking } from './text/marked-text.js';
import { openStore, storeSettings } from './store/open-store.js';
import { serveSettings } from './web/http/serve-settings.js';
import { listen, stopOnSignals } from './web/server.js';
import { createApp } from './web/app.js';
import { apiSearchResponse } from './web/view-models/api.js';

const DEFAULT_CORPUS = 'corpus';
const DEFAULT_INDEX = 'index';

async function ingestCommand(store: IndexStore, corpusDir: string, { quiet, force }: { quiet: boolean; force: boolean }): Promise<IngestOutcome> {
  const bar = quiet ? null : new cliProgress.SingleBar({ format: 'Ingest [{bar}] {percentage}% {step} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar?.start(1, 0, { step: '', file: '' });
  const outcome = await ingestInto(store, corpusDir, {
    force,
    onProgress: ({ step, done, total, file }) => {
      bar?.setTotal(total);
      bar?.update(done, { step, file: file ?? '' });
    },
  }).finally(() => bar?.stop());
  if (!quiet) {
    if (outcome.kind === 'unchanged') process.stderr.write(`The index in ${store.location} (version ${outcome.version.id}, built ${outcome.version.builtAt}) is of the corpus as it is: nothing to ingest.\n`);
    else process.stderr.write(`${formatReport(outcome.report, store.location === 'PostgreSQL' ? 'PostgreSQL' : join(store.location, 'corpus.json'))}${publication(outcome.published)}\n`);
  }
  return outcome;
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
    lines.push(`  ${markWindow(hit.text, hit.matches.text, hit.snippet, BOLD)}`, `  ${hits[i]!.url}`);
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
      out: { type: 'string', default: DEFAULT_INDEX },
      index: { type: 'string', default: DEFAULT_INDEX },
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
  const settings = () => storeSettings(resolve(command === 'ingest' ? values.out : values.index));
  const onRebuild = (reason: string) => process.stderr.write(`Building the index: ${reason}.\n`);
  switch (command) {
    case 'ingest': {
      const store = openStore(settings());
      const outcome = await ingestCommand(store, corpusDir, { quiet: values.quiet, force: values.force }).finally(() => store.close());
      if (outcome.kind === 'published' && outcome.report.documents.length === 0) process.exitCode = 1;
      break;
    }
    case 'search': {
      const q = positionals.join(' ');
      const storeOptions = settings();
      const store = openStore(storeOptions);
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
      process.stdout.write(normalizeFile(readFileSync(resolve(file)), corpusDir));
      break;
    }
    case 'serve': {
      const { port, rateLimit, logLevel, trustProxy } = serveSettings(process.env);
      const storeOptions = settings();
      const store = openStore(storeOptions);
      const logger = pino({ level: logLevel });
      const live = new LiveIndex(store, engineOf, {
        onError: (error) => logger.error({ err: error }, 'loading the index failed; the loaded one keeps serving'),
        onSwap: (version) => logger.info({ version }, 'serving a new version of the index'),
      });
      // Listening first: until the index is loaded, requests are answered 503 and the health check says why.
      const server = await listen(createApp({ index: live, logger, rateLimit, trustProxy }), port);
      const address = server.address();
      logger.info({ rateLimit }, `Styringssøk is serving on http://localhost:${typeof address === 'object' && address ? address.port : port}/`);
      stopOnSignals(server, logger, async () => {
        await live.close();
        await store.close();
      });
      // App servers on PostgreSQL serve what `npm run ingest` published; the files store rebuilds itself.
      // A store that cannot be read yet (a database still starting) is asked again every second.
      loadArchive(live, storeOptions.kind === 'memory' ? corpusDir : undefined, (reason) => logger.info(`Building the index: ${reason}.`))
        .catch((error: unknown) => logger.error({ err: error }, 'the index could not be loaded yet; trying again'))
        .finally(() => live.watch());
      break;
    }
    default:
      throw new UsageError('usage: cli.ts ingest [--corpus DIR] [--out DIR] [--force] | search "q" [--year Y] [--topic T] [--type T] [--json] | normalize FILE | serve');
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
