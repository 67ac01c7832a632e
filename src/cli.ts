import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pino from 'pino';
import { ingestCorpus, type IngestReport } from './ingest/pipeline.js';
import { normalizeFile } from './ingest/normalize.js';
import type { SearchResponse } from './search/engine.js';
import { openStore, storeOptions, writeStore } from './search/store.js';
import { createApp } from './web/app.js';
import { serveSettings } from './web/serve-settings.js';
import { listen, stopOnSignals } from './web/server.js';

/**
 * Command line: `ingest`, `normalize`, `search`, `serve`. Each command is a thin shell around the
 * library functions it names; output meant for people goes to stderr when stdout carries data.
 */
const DEFAULT_CORPUS = 'corpus';
const DEFAULT_OUT = 'index';

export async function ingestCommand(corpusDir: string, outDir: string, quiet = false): Promise<IngestReport> {
  const bar = quiet ? null : new cliProgress.SingleBar({ format: 'Ingest [{bar}] {percentage}% {step} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar?.start(1, 0, { step: '', file: '' });
  const { corpus, report } = ingestCorpus({
    corpusDir,
    onProgress: ({ step, done, total, file }) => {
      bar?.setTotal(total);
      bar?.update(done, { step, file: file ?? '' });
    },
  });
  bar?.stop();
  const store = storeOptions({ corpusDir, indexDir: outDir });
  const written = await writeStore(corpus, store);
  if (!quiet) process.stderr.write(`${formatReport(report, store.store === 'postgres' ? 'PostgreSQL' : join(outDir, 'corpus.json'))}${written}\n`);
  return report;
}

export function formatReport(report: IngestReport, path: string): string {
  const lines = [`Ingested ${report.documents.length} documents in ${(report.ms / 1000).toFixed(1)} s → ${path}`];
  for (const d of report.documents) lines.push(`  ${d.id.padEnd(16)} ${String(d.sections).padStart(3)} sections ${String(d.paragraphs).padStart(4)} paragraphs  ${d.title}  [${d.sources.join(', ')}]`);
  for (const r of report.repairs) {
    lines.push(`OCR repairs in ${r.file}: ${r.total} words`);
    lines.push(`  ${r.top.slice(0, 12).map((t) => `${t.from}→${t.to} ×${t.count}`).join(', ')}`);
  }
  if (report.dropped.length) lines.push('Left out as boilerplate:');
  for (const d of report.dropped) lines.push(`  ${d.file}: ${d.what} (${d.words} words)`);
  lines.push(`Topics: ${(report.topicCoverage * 100).toFixed(1)}% of body paragraphs have at least one`);
  if (report.warnings.length) lines.push(`Warnings (${report.warnings.length}):`, ...report.warnings.map((w) => `  ${w}`));
  return lines.join('\n') + '\n';
}

function formatHits(response: SearchResponse): string {
  const strip = (html: string) => html.replace(/<mark>/g, '\x1b[1m').replace(/<\/mark>/g, '\x1b[0m').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
  const lines = [`${response.total} treff${response.suggestion ? ` (mente du «${response.suggestion}»?)` : ''}`];
  for (const hit of response.hits) {
    lines.push('', `${hit.year}  ${hit.docTitle} · ${[hit.section, hit.sectionTitle].filter(Boolean).join(' ')}${hit.heading ? ` · ${hit.heading}` : ''}`);
    lines.push(`  ${strip(hit.snippet)}`, `  ${hit.url}`);
  }
  return lines.join('\n') + '\n';
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      out: { type: 'string', default: DEFAULT_OUT },
      index: { type: 'string', default: DEFAULT_OUT },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      year: { type: 'string', multiple: true },
      topic: { type: 'string', multiple: true },
      type: { type: 'string', multiple: true },
      limit: { type: 'string', default: '10' },
    },
  });
  switch (command) {
    case 'ingest': {
      const report = await ingestCommand(resolve(values.corpus), resolve(values.out), values.quiet);
      if (report.documents.length === 0) process.exitCode = 1;
      break;
    }
    case 'search': {
      const q = positionals.join(' ');
      const store = await openStore(storeOptions({ corpusDir: resolve(values.corpus), indexDir: resolve(values.index) }), (reason) => process.stderr.write(`Building the index: ${reason}.\n`));
      const response = await store.engine.searchAsync({ q, years: (values.year ?? []).map(Number), topics: values.topic ?? [], types: values.type ?? [], limit: Number(values.limit) });
      await store.close();
      process.stdout.write(values.json ? `${JSON.stringify(response, null, 2)}\n` : formatHits(response));
      break;
    }
    case 'normalize': {
      const file = positionals[0];
      if (!file) throw new UsageError('usage: npm run --silent normalize -- FILE');
      process.stdout.write(normalizeFile(readFileSync(resolve(file)), resolve(values.corpus)));
      break;
    }
    case 'serve': {
      const { port, rateLimit, logLevel, trustProxy } = serveSettings(process.env);
      const store = await openStore(storeOptions({ corpusDir: resolve(values.corpus), indexDir: resolve(values.index) }), (reason) => process.stderr.write(`Building the index: ${reason}.\n`));
      const logger = pino({ level: logLevel });
      const server = await listen(createApp({ store, logger, rateLimit, trustProxy }), port);
      const address = server.address();
      logger.info({ rateLimit }, `Styringssøk is serving on http://localhost:${typeof address === 'object' && address ? address.port : port}/`);
      stopOnSignals(server, logger, () => store.close());
      break;
    }
    default:
      throw new UsageError('usage: cli.ts ingest [--corpus DIR] [--out DIR] | search "q" [--year Y] [--topic T] [--type T] [--json] | normalize FILE | serve');
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
