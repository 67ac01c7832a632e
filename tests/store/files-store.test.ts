/**
 * The index folder as `npm start` uses it: built from the corpus once, loaded while the corpus is
 * unchanged, rebuilt when it changes or when its files are damaged, and kept serving when a rebuild fails.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../src/archive.js';
import { FilesStore } from '../../src/store/files/files-store.js';

let corpusDir: string;
let indexDir: string;

beforeEach(() => {
  corpusDir = mkdtempSync(join(tmpdir(), 'styringssok-corpus-'));
  indexDir = mkdtempSync(join(tmpdir(), 'styringssok-index-'));
  for (const file of ['topics.json', 'maal-og-disponeringsbrev-2019.txt']) copyFileSync(join('corpus', file), join(corpusDir, file));
});

afterEach(() => {
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(indexDir, { recursive: true, force: true });
});

async function open(): Promise<{ reasons: string[]; hits: number }> {
  const reasons: string[] = [];
  const live = await openArchive(new FilesStore(indexDir), corpusDir, { onRebuild: (reason) => reasons.push(reason), pollMs: 0 });
  return { reasons, hits: (await live.current.search({ q: 'brukermedvirkning' })).total };
}

function readManifest(dir: string): { id: string; builtAt: string; documents: number } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { id: string; builtAt: string; documents: number };
}

describe('the index directory', () => {
  test('is built once, then loaded without re-indexing while the corpus is unchanged', async () => {
    const first = await open();
    expect(first.reasons).toEqual(['there is no index yet']);
    expect(first.hits).toBeGreaterThan(0);
    const builtAt = readManifest(indexDir).builtAt;
    const second = await open();
    expect(second).toEqual({ reasons: [], hits: first.hits });
    expect(readManifest(indexDir).builtAt).toBe(builtAt);
  });

  test('is rebuilt when the corpus changes', async () => {
    await open();
    copyFileSync(join('corpus', 'maal-og-disponeringsbrev-2023-pdftekst.txt'), join(corpusDir, 'brev-2023.txt'));
    const { reasons } = await open();
    expect(reasons).toEqual(['the corpus changed since the index was built']);
    expect(readManifest(indexDir).documents).toBe(2);
  });

  test('a corrupt manifest or engine file means a rebuild from the corpus, not a crash', async () => {
    const { hits } = await open();
    writeFileSync(join(indexDir, 'manifest.json'), '{"format": 2, "id": ');
    expect(await open()).toEqual({ reasons: ['there is no index yet'], hits });

    writeFileSync(join(indexDir, readManifest(indexDir).id, 'forward.bin'), Buffer.from('not an index'));
    const again = await open();
    expect(again.reasons[0]).toMatch(/^the index could not be loaded/);
    expect(again.hits).toBe(hits);
  });

  test('a failed rebuild leaves the previous index serving', async () => {
    const { hits } = await open();
    const before = readFileSync(join(indexDir, 'manifest.json'), 'utf8');
    writeFileSync(join(corpusDir, 'topics.json'), '{ broken');
    const after = await open();
    expect(after.hits).toBe(hits);
    expect(after.reasons[1]).toMatch(/^the rebuild failed .*; serving the index built /);
    expect(readFileSync(join(indexDir, 'manifest.json'), 'utf8')).toBe(before);
  });
});
