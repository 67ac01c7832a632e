/**
 * The files store's ingest lock, held with proper-lockfile: a lock folder whose time stamp its holder
 * keeps fresh, so the lock of a process killed mid-ingest goes stale and is taken over, while a live
 * holder is waited for.
 */
import lockfile from 'proper-lockfile';
import { explain } from './atomic-write.js';

/** How long to wait for another ingest before giving up. */
const WAIT_MS = 10 * 60_000;

export async function holdLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const release = await lockfile
    .lock(path, {
      realpath: false,
      stale: 10_000,
      retries: { retries: Math.ceil(WAIT_MS / 200), factor: 1, minTimeout: 200, maxTimeout: 200 },
      // A lock gone stale under its holder (a machine paused for long) is reported, not thrown out of a timer.
      onCompromised: (error) => process.stderr.write(`The ingest lock ${path} was compromised: ${error.message}\n`),
    })
    .catch((error: unknown) => {
      throw new Error(`cannot take the ingest lock ${path}.lock: ${explain(error)}`, { cause: error });
    });
  try {
    return await work();
  } finally {
    await release();
  }
}
