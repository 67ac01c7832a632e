/**
 * Files written whole or not at all: a reader sees the old content or the new, never half of it. A
 * write that fails says which file and why in words (a full disk, a read-only folder), not as a bare
 * error code.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'a folder on the way does not exist',
};

/** Write `data` to `path` through a temporary file beside it, renamed into place. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`cannot write ${path}: ${explain(error)}`, { cause: error });
  }
}

/** An I/O error in words, with its code. */
export function explain(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code && REASONS[code] ? `${REASONS[code]} (${code})` : message;
}
