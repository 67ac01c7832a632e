/**
 * Reading a data file of a corpus folder: JSON of a stated shape, or an error that names the file and
 * says what was wrong and what is expected, so whoever edits one knows what to fix.
 */
import { readFileSync } from 'node:fs';

export function readDataFile<T>(path: string, fits: (data: unknown) => data is T, expected: string): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  if (!fits(data)) throw new Error(`${path}: expected ${expected}`);
  return data;
}
