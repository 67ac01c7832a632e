/**
 * `npx tsx scripts/response-snapshot.ts --write FILE` records what the served app answers — every JSON
 * API response and every page — for the judged queries over the seed corpus and over a corpus of three
 * copies of it; `--check FILE` asks again and lists every answer that is no longer byte-identical.
 * It talks to `src/cli.ts serve` over HTTP only, so it holds across any change to the code behind it:
 * a refactoring should leave the check silent.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    write: { type: 'string' },
    check: { type: 'string' },
    corpus: { type: 'string', default: 'corpus' },
    queries: { type: 'string', multiple: true },
  },
});
if (!values.write === !values.check) throw new Error('usage: response-snapshot.ts --write FILE | --check FILE');
const querySets = values.queries ?? ['../shared/eval/dev-queries.json', 'scripts/eval-queries.json'].filter((p) => existsSync(p));
const queries = querySets.flatMap((path) => (JSON.parse(readFileSync(path, 'utf8')) as { queries: { q: string }[] }).queries.map((q) => q.q));
/** Copies of the corpus: years move by eleven per copy, so no two copies of a letter share a year. */
const SCALES = [1, 3];
const YEAR_STEP = 11;

interface Answer {
  status: number;
  type: string;
  location?: string;
  body: string;
}

type Snapshot = Record<string, Answer>;

const snapshot: Snapshot = {};
for (const scale of SCALES) {
  const work = mkdtempSync(join(tmpdir(), 'styringssok-snapshot-'));
  try {
    const corpusDir = join(work, 'corpus');
    replicate(resolve(values.corpus), corpusDir, scale);
    const answers = await withServer(corpusDir, join(work, 'index'), (base) => askAll(base));
    for (const [path, answer] of Object.entries(answers)) snapshot[`${scale}× ${path}`] = answer;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (values.write) {
  writeFileSync(values.write, JSON.stringify(snapshot));
  console.log(`${Object.keys(snapshot).length} answers written to ${values.write}`);
} else {
  const before = JSON.parse(readFileSync(values.check!, 'utf8')) as Snapshot;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(snapshot)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(snapshot[k]));
  for (const key of changed) console.log(`changed: ${key}\n${firstDifference(before[key], snapshot[key])}`);
  console.log(`${keys.length - changed.length} of ${keys.length} answers identical`);
  process.exitCode = changed.length ? 1 : 0;
}

/** The corpus's files, each source `copies` times with its years moved. */
function replicate(from: string, to: string, copies: number): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) {
    const path = join(from, file);
    if (!statSync(path).isFile()) continue;
    if (file.endsWith('.json')) {
      copyFileSync(path, join(to, file));
      continue;
    }
    const text = readFileSync(path, 'latin1');
    for (let k = 0; k < copies; k++) {
      writeFileSync(join(to, `${k}-${file}`), text.replace(/\b20\d\d\b/g, (y) => String(Number(y) + k * YEAR_STEP)), 'latin1');
    }
  }
}

async function askAll(base: string): Promise<Snapshot> {
  const answers: Snapshot = {};
  const ask = async (path: string) => {
    if (path in answers) return answers[path]!;
    const res = await fetch(base + path, { redirect: 'manual' });
    const answer: Answer = { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
    const location = res.headers.get('location');
    if (location) answer.location = location;
    answers[path] = answer;
    return answer;
  };
  const json = async <T>(path: string) => JSON.parse((await ask(path)).body) as T;
  const q = (text: string) => encodeURIComponent(text);

  for (const path of ['/', '/dok', '/api/documents', '/api/search?q=', '/api/search?year=abc', '/dok/finnes-ikke', '/api/compare?id=finnes/ikke', '/sammenlign']) await ask(path);
  const documents = await json<{ id: string }[]>('/api/documents');
  for (const { id } of documents) for (const path of [`/api/documents/${q(id)}`, `/dok/${q(id)}`, `/dok/${q(id)}/skann`]) await ask(path);
  const { facets } = await json<{ facets: { year: { value: number }[]; topic: { value: string }[]; type: { value: string }[] } }>('/api/search?q=');
  const year = facets.year[0]?.value;
  const topic = facets.topic[0]?.value;
  const type = facets.type[0]?.value;
  await ask(`/api/search?year=${year}`);
  await ask(`/?year=${year}&topic=${topic}`);

  for (const text of queries) {
    const search = await json<{ hits: { id: string; docId: string }[] }>(`/api/search?q=${q(text)}`);
    await ask(`/api/search?q=${q(text)}&limit=20&offset=5`);
    await ask(`/api/search?q=${q(text)}&year=${year}&topic=${topic}&type=${type}`);
    await ask(`/?q=${q(text)}`);
    await ask(`/?q=${q(text)}&side=2`);
    await ask(`/?q=${q(text)}&year=${year}`);
    const first = search.hits[0];
    if (!first) continue;
    await ask(`/api/compare?id=${q(first.id)}`);
    await ask(`/sammenlign?id=${q(first.id)}`);
    await ask(`/dok/${q(first.docId)}?q=${q(text)}`);
    await ask(`/avsnitt/${first.id.split('/').map(q).join('/')}`);
  }
  // What varies by run (memory, build time, the code's fingerprint) is left out of the health answer.
  const health = JSON.parse((await ask('/healthz')).body) as Record<string, unknown>;
  answers['/healthz'] = { ...answers['/healthz']!, body: JSON.stringify({ ok: health.ok, documents: health.documents, paragraphs: health.paragraphs }) };
  return answers;
}

async function withServer<T>(corpusDir: string, indexDir: string, use: (base: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--corpus', corpusDir, '--index', indexDir], {
    env: { ...process.env, PORT: String(port), RATE_LIMIT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let waited = 0; !(await fetch(`${base}/healthz`).then((r) => r.ok, () => false)); waited += 200) {
      if (server.exitCode !== null || waited > 300_000) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    return await use(base);
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

function firstDifference(a: Answer | undefined, b: Answer | undefined): string {
  if (!a || !b) return `  ${a ? 'no longer answered' : 'new'}`;
  if (a.status !== b.status || a.type !== b.type || a.location !== b.location) return `  ${a.status} ${a.type} ${a.location ?? ''} → ${b.status} ${b.type} ${b.location ?? ''}`;
  let i = 0;
  while (i < a.body.length && a.body[i] === b.body[i]) i++;
  return `  at ${i}: «${a.body.slice(Math.max(0, i - 60), i + 80)}»\n       → «${b.body.slice(Math.max(0, i - 60), i + 80)}»`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
