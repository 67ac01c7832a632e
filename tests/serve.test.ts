/**
 * A growing archive, live: `serve` on the files store notices a letter dropped into its corpus folder
 * and serves it within seconds, without a restart, while it goes on answering; a broken file or a
 * broken taxonomy leaves what it served serving. `npm run ingest` beside it has the same effect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let corpusDir: string;
let indexDir: string;
let server: ChildProcess;
let base: string;
let log = '';

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), 'styringssok-corpus-'));
  indexDir = mkdtempSync(join(tmpdir(), 'styringssok-index-'));
  for (const file of ['topics.json', 'maal-og-disponeringsbrev-2024.txt', 'arsrapport-2014-nettside.txt']) copyFileSync(join('corpus', file), join(corpusDir, file));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--corpus', corpusDir, '--index', indexDir], { env: { ...process.env, PORT: '0', RATE_LIMIT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  base = await new Promise<string>((resolve, reject) => {
    const look = setInterval(() => {
      const match = /serving on (http:\/\/localhost:\d+)\//.exec(log);
      if (match) {
        clearInterval(look);
        resolve(match[1]!);
      }
    }, 20);
    server.once('exit', () => reject(new Error(`serve exited: ${log}`)));
  });
  await until(async () => (await fetch(`${base}/healthz`)).status === 200);
});

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(indexDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  for (const started = Date.now(); !(await check()); ) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms; server log:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const total = async (query: string) => ((await (await fetch(`${base}/api/search?${query}`)).json()) as { total: number }).total;
const health = async () => (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean; documents: number; indexVersion: string };

describe('a growing archive, served live', () => {
  test('a letter dropped into the corpus folder is served within seconds, and searches are answered meanwhile', async () => {
    expect(await total('year=2019')).toBe(0);
    const before = await health();
    copyFileSync(join('corpus', 'maal-og-disponeringsbrev-2019.txt'), join(corpusDir, 'nytt-brev.txt'));
    let answeredMeanwhile = 0;
    await until(async () => {
      if ((await fetch(`${base}/api/search?q=ungdomsgarantien`)).status === 200) answeredMeanwhile++;
      return (await total('year=2019')) > 0;
    });
    expect(answeredMeanwhile).toBeGreaterThan(0);
    const after = await health();
    expect(after).toMatchObject({ ok: true, documents: before.documents + 1 });
    expect(after.indexVersion).not.toBe(before.indexVersion);
  });

  test('a broken file is reported and skipped; the rest goes on being served', async () => {
    const version = (await health()).indexVersion;
    const from = log.length;
    writeFileSync(join(corpusDir, 'ødelagt.pdf'), Buffer.from('%PDF-1.7\n\u0000\u0001 not a whole PDF'));
    await until(async () => log.slice(from).includes('ødelagt.pdf'));
    await until(async () => (await health()).indexVersion !== version);
    expect(await total('year=2019')).toBeGreaterThan(0);
    expect((await health()).ok).toBe(true);
  });

  test('an ingest that fails keeps the loaded index serving, and the log says why', async () => {
    const version = (await health()).indexVersion;
    const from = log.length;
    writeFileSync(join(corpusDir, 'topics.json'), '{ not json');
    await until(async () => log.slice(from).includes('the changed corpus could not be ingested') && log.slice(from).includes('topics.json'));
    expect((await health()).indexVersion).toBe(version);
    expect(await total('year=2019')).toBeGreaterThan(0);
    copyFileSync(join('corpus', 'topics.json'), join(corpusDir, 'topics.json'));
  });

  test('`npm run ingest` beside the running server publishes what it then serves', async () => {
    rmSync(join(corpusDir, 'nytt-brev.txt'));
    // The server's own watcher may get there first; either way the letter goes.
    await new Promise<void>((resolve, reject) => {
      const ingest = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', '--corpus', corpusDir, '--out', indexDir, '--quiet'], { stdio: 'ignore' });
      ingest.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ingest exited with ${code}`))));
    });
    await until(async () => (await total('year=2019')) === 0, 15_000);
  });
});
