/**
 * The files store under faults: a damaged file is never served (its size or SHA-256 gives it away and
 * the index is rebuilt); a full disk — a real small tmpfs — fails an ingest with a message naming the
 * file, leaves nothing half-written and the old index serving; a read-only folder says so; two ingests
 * at once take turns; an ingest killed mid-way leaves the previous version whole.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInto, openArchive } from '../../src/archive.js';
import { FilesStore } from '../../src/store/files/files-store.js';

let corpusDir: string;

beforeAll(() => {
  corpusDir = mkdtempSync(join(tmpdir(), 'styringssok-corpus-'));
  for (const file of ['topics.json', 'maal-og-disponeringsbrev-2019.txt']) copyFileSync(join('corpus', file), join(corpusDir, file));
});

afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

async function open(indexDir: string): Promise<{ reasons: string[]; hits: number }> {
  const reasons: string[] = [];
  const live = await openArchive(new FilesStore(indexDir), corpusDir, { onRebuild: (reason) => reasons.push(reason), pollMs: 0 });
  return { reasons, hits: (await live.current.search({ q: 'brukermedvirkning' })).total };
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { id: string; previous?: string };
const versionFolders = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('engine-')).sort();

describe('damaged index files', () => {
  test.each([
    ['emptied', (path: string) => writeFileSync(path, '')],
    ['cut short', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 100))],
    ['replaced by other valid JSON', (path: string) => writeFileSync(path, JSON.stringify({ terms: [], surfaces: [], surfaceTerm: [], df: [] }))],
  ])('a file %s is noticed and the index rebuilt, never served', async (_, damage) => {
    const indexDir = mkdtempSync(join(tmpdir(), 'styringssok-index-'));
    try {
      const { hits } = await open(indexDir);
      for (const file of ['vocabulary.json', 'a FlexSearch map']) {
        // Each rebuild is a version of its own.
        const version = join(indexDir, manifest(indexDir).id);
        const map = readdirSync(join(version, 'flexsearch')).find((f) => f.includes('map'))!;
        damage(join(version, file === 'vocabulary.json' ? file : join('flexsearch', map)));
        const again = await open(indexDir);
        expect(again.reasons[0]).toMatch(/could not be loaded .*damaged/);
        expect(again.hits).toBe(hits);
      }
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  });
});

/** A small tmpfs, where this machine lets us mount one (as root); null where it does not. */
function smallDisk(megabytes: number): { dir: string; resize(size: string): void; readOnly(): void; release(): void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    resize: (size) => execFileSync('mount', ['-o', `remount,size=${size}`, dir]),
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir]),
    release: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const disk = smallDisk(2);
const onDisk = disk ? describe : describe.skip;
if (!disk) console.warn('tmpfs cannot be mounted here: the full-disk and read-only tests are skipped');

onDisk('a small disk', () => {
  afterAll(() => disk!.release());

  test('full: the ingest fails naming the file, what it wrote is gone, the old index serves; with room, the next one completes', async () => {
    const indexDir = join(disk!.dir, 'index');
    const { hits } = await open(indexDir);
    const before = manifest(indexDir).id;
    // Room for a little more than there is, not for a second version.
    const used = Number(execFileSync('du', ['-sk', disk!.dir], { encoding: 'utf8' }).split('\t')[0]);
    disk!.resize(`${used + 200}k`);
    copyFileSync(join('corpus', 'maal-og-disponeringsbrev-2023-pdftekst.txt'), join(corpusDir, 'brev-2023.txt'));
    try {
      const store = new FilesStore(indexDir);
      await expect(ingestInto(store, corpusDir)).rejects.toThrow(/cannot write .*index\/.*: the disk is full \(ENOSPC\)/);
      expect(manifest(indexDir).id).toBe(before);
      expect(versionFolders(indexDir)).toEqual([before]);
      expect(readdirSync(indexDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const served = await openArchive(store, undefined, { pollMs: 0 });
      expect((await served.current.search({ q: 'brukermedvirkning' })).total).toBe(hits);

      disk!.resize('16m');
      expect((await ingestInto(store, corpusDir)).kind).toBe('published');
      expect(manifest(indexDir)).toMatchObject({ previous: before });
    } finally {
      rmSync(join(corpusDir, 'brev-2023.txt'));
    }
  });

  test('read-only: the ingest says which folder it cannot write, and why', async () => {
    const indexDir = join(disk!.dir, 'annen-indeks');
    mkdirSync(indexDir, { recursive: true });
    disk!.readOnly();
    await expect(ingestInto(new FilesStore(indexDir), corpusDir)).rejects.toThrow(/annen-indeks.*the file system is read-only \(EROFS\)/);
  });
});

describe('ingests at the same time', () => {
  test('take turns: every one finishes, and the index left is whole', async () => {
    const indexDir = mkdtempSync(join(tmpdir(), 'styringssok-index-'));
    try {
      for (let round = 0; round < 3; round++) {
        const runs = [0, 1].map(
          () =>
            new Promise<number | null>((resolve) => {
              const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', '--corpus', corpusDir, '--out', indexDir, '--quiet', '--force'], { stdio: 'ignore' });
              child.once('exit', resolve);
            }),
        );
        expect(await Promise.all(runs)).toEqual([0, 0]);
        const { id, previous } = manifest(indexDir);
        expect(existsSync(join(indexDir, id, 'contents.json'))).toBe(true);
        expect(versionFolders(indexDir)).toEqual([id, previous].filter(Boolean).sort());
        expect((await open(indexDir)).reasons).toEqual([]);
      }
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  });

  test('one killed mid-way leaves the previous version whole, and the next cleans up after it', async () => {
    const indexDir = mkdtempSync(join(tmpdir(), 'styringssok-index-'));
    try {
      await open(indexDir);
      const before = manifest(indexDir).id;
      for (const at of [300, 1500, 3000]) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', '--corpus', corpusDir, '--out', indexDir, '--quiet', '--force'], { stdio: 'ignore' });
        await new Promise((r) => setTimeout(r, at));
        child.kill('SIGKILL');
        if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
        const now = manifest(indexDir).id;
        expect(existsSync(join(indexDir, now, 'contents.json'))).toBe(true);
        expect((await open(indexDir)).reasons).toEqual([]);
        if (now !== before) break;
      }
      expect((await ingestInto(new FilesStore(indexDir), corpusDir, { force: true })).kind).toBe('published');
      const { id, previous } = manifest(indexDir);
      expect(versionFolders(indexDir)).toEqual([id, previous].filter(Boolean).sort());
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  });
});
