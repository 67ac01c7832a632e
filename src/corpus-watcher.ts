/**
 * The corpus folder, watched: a file added, changed or removed is noticed (chokidar), and once the
 * folder has been still for a moment — a letter being copied in arrives in pieces — the change is
 * handed on once. Changes while the handler runs are handed on when it is done.
 */
import chokidar from 'chokidar';

/** How long the folder must be still before a change counts. */
const SETTLE_MS = 1000;

export interface CorpusWatcher {
  close(): Promise<void>;
}

/** `onChange` reports its own failures: a failed one is forgotten once the next change comes. */
export function watchCorpus(corpusDir: string, onChange: () => Promise<void>, settleMs = SETTLE_MS): CorpusWatcher {
  const watcher = chokidar.watch(corpusDir, { ignoreInitial: true, ignored: (path) => /(^|\/)\.[^/]+$/.test(path), awaitWriteFinish: { stabilityThreshold: settleMs / 2 } });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = onChange()
      .catch(() => {})
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(run, settleMs);
  });
  // A watch that fails (the folder removed, too many files) is no reason to stop serving.
  watcher.on('error', () => {});
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
