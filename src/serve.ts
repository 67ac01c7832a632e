/**
 * The running server, composed: it listens at once (answering 503 until an index is loaded), loads the
 * store's index — building it first, in a process of its own, when the files store has none or the
 * corpus has changed — and keeps it current: a newer version published by any ingest is swapped in,
 * and with the files store a change to the corpus folder is re-ingested in a process of its own while
 * searches go on being answered. An ingest that fails leaves the loaded index serving, and says why.
 */
import pino from 'pino';
import { engineOf, ingestInChild, loadArchive } from './archive.js';
import { watchCorpus } from './corpus-watcher.js';
import { LiveIndex } from './store/live-index.js';
import { openStore, type StoreSettings } from './store/open-store.js';
import { createApp } from './web/app.js';
import type { ServeSettings } from './web/http/serve-settings.js';
import { Metrics } from './web/metrics.js';
import { listen, stopOnSignals } from './web/server.js';

export async function serve(corpusDir: string, store: StoreSettings, { port, logLevel, ...settings }: ServeSettings): Promise<void> {
  const logger = pino({ level: logLevel });
  const opened = openStore(store);
  const live = new LiveIndex(opened, engineOf, {
    onError: (error) => logger.warn({ err: error }, 'loading the index failed; the loaded one keeps serving'),
    onSwap: (version) => logger.info({ version }, 'serving a new version of the index'),
  });
  const metrics = new Metrics(live);
  const server = await listen(createApp({ index: live, logger, metrics, ...settings }), port);
  const address = server.address();
  const { rateLimit, replicas, logQueries, signIn } = settings;
  logger.info({ rateLimit, replicas, logQueries, signIn: signIn !== null }, `Styringssøk is serving on http://localhost:${typeof address === 'object' && address ? address.port : port}/`);

  // App servers on PostgreSQL serve what `npm run ingest` publishes; the files store keeps up with its folder.
  const files = store.kind === 'memory';
  const ingest = async (force: boolean) => {
    const started = performance.now();
    const outcome = await ingestInChild(corpusDir, store.indexDir, { force }).catch((error: unknown) => {
      metrics.ingestFailed();
      throw error;
    });
    metrics.ingestEnded((performance.now() - started) / 1000, outcome.kind, outcome.kind === 'published' ? outcome.ocrPages : 0);
    if (outcome.kind === 'published') {
      for (const warning of outcome.warnings) logger.warn({ warning }, 'a file could not be ingested');
      logger.info({ version: outcome.version.id, written: outcome.written, removed: outcome.removed, documents: outcome.documents }, 'ingested the corpus');
    }
    await live.refresh();
  };
  const watcher = files
    ? watchCorpus(corpusDir, () => ingest(false).catch((error: unknown) => logger.error({ err: error }, 'the changed corpus could not be ingested; the loaded index keeps serving')))
    : undefined;
  stopOnSignals(server, logger, async () => {
    await watcher?.close();
    await live.close();
    await opened.close();
  });
  try {
    await loadArchive(live, files ? corpusDir : undefined, (reason) => logger.info(`Building the index: ${reason}.`), () => ingest(true));
  } catch (error) {
    // A store that cannot be read yet (a database still starting) is asked again every second.
    logger.error({ err: error }, 'the index could not be loaded yet; trying again');
  }
  live.watch();
}
