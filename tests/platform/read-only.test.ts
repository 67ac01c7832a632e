/**
 * The image's disk contract, without Docker: the app built and laid out as the Dockerfile lays it out
 * (compiled JavaScript, no tsx), owned by root, run as an unprivileged user with its code, its corpus
 * and the temp folder read-only, and only the parent of `INDEX_DIR` writable — as on NAIS, where only
 * /tmp is. On the files store it ingests (in a child process of its own, with OCR) and serves, and a
 * restart loads what it wrote without building again; on PostgreSQL it writes nothing at all.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATA_FILES } from '../../src/ingest/read/corpus-folder.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { sample } from '../web/prometheus-text.js';

const NOBODY = 65534;
const root = resolve('.');
const why = process.getuid?.() !== 0 ? 'it must run as root to start the app as another user' : !existsSync('/usr/bin/setpriv') ? 'setpriv (util-linux) is not installed' : null;
if (why) console.warn(`Skipping the read-only disk tests: ${why}.`);
const maybe = why ? describe.skip : describe;

let work: string;
let app: string;
/** The stand-in for /tmp: the one place the app may write, and only below it. */
let writable: string;
/** TMPDIR, which the app must not need. */
let readOnlyTmp: string;

interface Served {
  base: string;
  log: () => string;
  stop: () => Promise<number | null>;
}

/** `node dist/cli.js …` as the image's CMD runs it, as nobody, from the app folder. */
function runAsNobody(args: string[], env: Record<string, string>): ChildProcess {
  return spawn('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '--enable-source-maps', 'dist/cli.js', ...args], {
    cwd: app,
    env: { PATH: process.env.PATH!, HOME: '/nonexistent', TMPDIR: readOnlyTmp, NODE_ENV: 'production', RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function serve(env: Record<string, string>): Promise<Served> {
  const child = runAsNobody(['serve'], { PORT: '0', ...env });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const base = await new Promise<string>((done, fail) => {
    const look = setInterval(() => {
      const match = /serving on (http:\/\/localhost:\d+)\//.exec(log);
      if (match) {
        clearInterval(look);
        done(match[1]!);
      }
    }, 20);
    void exited.then(() => {
      clearInterval(look);
      fail(new Error(`serve exited: ${log}`));
    });
  });
  return {
    base,
    log: () => log,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function until(check: () => Promise<boolean>, what: string, log: () => string, ms = 120_000): Promise<void> {
  for (const started = Date.now(); !(await check().catch(() => false)); ) {
    if (Date.now() - started > ms) throw new Error(`${what} not within ${ms} ms; log:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every path below a folder, with its size and modification time: what a write would change. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => !path.startsWith('node_modules'))
    .map((path) => {
      const stat = statSync(join(dir, path));
      return `${path} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

const errorLines = (log: string) => log.split('\n').filter((line) => /"level":(50|60)/.test(line));
const metrics = async (base: string) => (await fetch(`${base}/internal/metrics`)).text();
const total = async (base: string, q: string) => ((await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).json()) as { total: number }).total;

maybe('the image on a read-only disk', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'styringssok-image-'));
    chmodSync(work, 0o755);
    app = join(work, 'app');
    // The Dockerfile's build stage.
    execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build.ts'), join(app, 'dist')], { cwd: root, stdio: 'inherit' });
    for (const entry of ['package.json', 'views', 'public']) cpSync(join(root, entry), join(app, entry), { recursive: true });
    // The corpus shipped in the image; here its data files, one letter and a scanned page to OCR.
    mkdirSync(join(app, 'corpus'));
    const data = Object.values(DATA_FILES).filter((file) => existsSync(join(root, 'corpus', file)));
    for (const file of [...data, 'maal-og-disponeringsbrev-2024.txt']) copyFileSync(join(root, 'corpus', file), join(app, 'corpus', file));
    copyFileSync(join(root, 'tests/fixtures/published/letter-2019-side-2.png'), join(app, 'corpus', 'brev-2019-side-2.png'));
    // The image holds its own node_modules (the checkout's may lie where nobody cannot reach, as under
    // a `mktemp -d` folder): hard links make the copy cheap, a plain copy where they cannot be made.
    try {
      execFileSync('cp', ['-al', join(root, 'node_modules'), join(app, 'node_modules')]);
    } catch {
      cpSync(join(root, 'node_modules'), join(app, 'node_modules'), { recursive: true });
    }
    writable = join(work, 'tmp');
    mkdirSync(writable);
    chownSync(writable, NOBODY, NOBODY);
    readOnlyTmp = join(work, 'readonly-tmp');
    mkdirSync(readOnlyTmp);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('nobody can write to the app, the corpus or TMPDIR', () => {
    const probe = (dir: string) => {
      try {
        execFileSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'touch', join(dir, 'probe')], { stdio: 'ignore' });
        return 'writable';
      } catch {
        return 'read-only';
      }
    };
    expect([app, join(app, 'corpus'), join(app, 'dist'), readOnlyTmp].map(probe)).toEqual(['read-only', 'read-only', 'read-only', 'read-only']);
    expect(probe(writable)).toBe('writable');
    rmSync(join(writable, 'probe'));
  });

  test('on the files store it ingests into INDEX_DIR in a child process, with OCR, and serves; a restart loads it without building', async () => {
    const indexDir = join(writable, 'styringssok', 'index');
    const before = snapshot(app);
    const first = await serve({ INDEX_DIR: indexDir });
    try {
      await until(async () => (await fetch(`${first.base}/internal/isready`)).status === 200, 'ready', first.log);
      expect(await total(first.base, 'ungdomsgarantien')).toBeGreaterThan(0);
      const text = await metrics(first.base);
      expect(sample(text, 'styringssok_ingest_duration_seconds_count', { outcome: 'published' })).toBe(1);
      expect(sample(text, 'styringssok_ingest_failures_total')).toBe(0);
      expect(sample(text, 'styringssok_ocr_pages_total')).toBe(1);
      expect(sample(text, 'styringssok_index_documents')).toBe(2);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(errorLines(first.log())).toEqual([]);
    expect(first.log()).toContain('Building the index: there is no index yet.');
    expect(statSync(indexDir).uid).toBe(NOBODY);
    expect(readdirSync(join(indexDir, 'ocr-cache'), { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith('.hocr.gz'))).toBe(true);

    const second = await serve({ INDEX_DIR: indexDir });
    try {
      await until(async () => (await fetch(`${second.base}/internal/isready`)).status === 200, 'ready again', second.log, 30_000);
      expect(await total(second.base, 'ungdomsgarantien')).toBeGreaterThan(0);
      expect(sample(await metrics(second.base), 'styringssok_ingest_duration_seconds_count', { outcome: 'published' })).toBe(0);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(second.log()).not.toContain('Building the index');
    expect(snapshot(app)).toEqual(before);
    expect(readdirSync(readOnlyTmp)).toEqual([]);
  }, 180_000);

  describe('on PostgreSQL', () => {
    let pg: PostgresServer;
    beforeAll(async () => {
      pg = await startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());

    test('the ingest writes only its OCR cache, and the server writes nothing at all', async () => {
      const database = { STORE: 'postgres', DATABASE_URL: pg.url };
      const ingestCache = join(writable, 'ingest');
      const ingest = runAsNobody(['ingest', '--quiet'], { ...database, INDEX_DIR: ingestCache });
      let said = '';
      ingest.stderr!.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
      expect(await new Promise((done) => ingest.once('exit', done))).toBe(0);
      expect(said).toBe('');
      expect(readdirSync(ingestCache)).toEqual(['ocr-cache']);

      // An index folder that cannot even be made: writing anything locally would fail.
      const nowhere = join(work, 'absent', 'index');
      const before = snapshot(app);
      const server = await serve({ ...database, INDEX_DIR: nowhere });
      try {
        await until(async () => (await fetch(`${server.base}/internal/isready`)).status === 200, 'ready', server.log, 30_000);
        expect(await total(server.base, 'ungdomsgarantien')).toBeGreaterThan(0);
      } finally {
        expect(await server.stop()).toBe(0);
      }
      expect(errorLines(server.log())).toEqual([]);
      expect(existsSync(join(work, 'absent'))).toBe(false);
      expect(snapshot(app)).toEqual(before);
      expect(readdirSync(readOnlyTmp)).toEqual([]);
    }, 120_000);
  });
});
