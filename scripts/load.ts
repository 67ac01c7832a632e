/**
 * `npm run load`: the server as `npm start` runs it, in a process of its own with the API rate limit
 * off, under rounds of 64 connections × 30 s of the development queries — with year, type and topic
 * filters and further pages — against `/api/search` and the search page. After each round it reads
 * the server's memory from `/healthz`. Exits 1 when a request failed or was not answered 2xx, or when
 * the server holds more than 10% more memory after the last round than after the first.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: '../shared/eval/dev-queries.json' },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const MAX_MEMORY_GROWTH = 0.1;

interface Memory {
  rss: number;
  heapUsed: number;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  memory: Memory;
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const logFile = join(mkdtempSync(join(tmpdir(), 'styringssok-load-')), 'server.log');
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
  env: { ...process.env, PORT: String(port), RATE_LIMIT: '0' },
  stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
});
const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));

try {
  await ready(exited);
  const requests = await requestMix();
  process.stdout.write(`${connections} connections × ${duration} s × ${rounds} rounds, ${requests.length} distinct requests, against ${base} (log: ${logFile})\n\n`);
  process.stdout.write(`${['round', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'RSS MB', 'heap MB'].map((h) => h.padStart(8)).join('')}\n`);
  const results: Round[] = [];
  for (let r = 1; r <= rounds; r++) {
    const result = await autocannon({ url: base, connections, duration, requests });
    // Let requests in flight finish and the server settle before reading its memory.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const round: Round = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, memory: await memory() };
    results.push(round);
    process.stdout.write(`${[r, Math.round(round.rps), round.p50, round.p99, round.errors, round.non2xx, mb(round.memory.rss), mb(round.memory.heapUsed)].map((v) => String(v).padStart(8)).join('')}\n`);
  }
  const failures = verdict(results);
  process.stdout.write(failures.length ? `\nFAILED:\n${failures.map((f) => `  ${f}\n`).join('')}` : '\nOK: no errors, every answer 2xx, memory steady\n');
  process.exitCode = failures.length ? 1 : 0;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  const code = await exited;
  const logged = readFileSync(logFile, 'utf8').split('\n').filter((line) => /"level":(50|60)/.test(line)).length;
  if (code !== 0 || logged) {
    process.stderr.write(`server: exit ${code}, ${logged} error lines in its log\n`);
    process.exitCode = 1;
  }
}

function verdict(results: Round[]): string[] {
  const failures = results.flatMap((r, i) => [...(r.errors ? [`round ${i + 1}: ${r.errors} errors or timeouts`] : []), ...(r.non2xx ? [`round ${i + 1}: ${r.non2xx} answers not 2xx`] : [])]);
  const first = results[0]!.memory.rss;
  const last = results.at(-1)!.memory.rss;
  if (last > first * (1 + MAX_MEMORY_GROWTH)) failures.push(`RSS grew from ${mb(first)} MB to ${mb(last)} MB (more than ${MAX_MEMORY_GROWTH * 100}%)`);
  return failures;
}

/** The dev queries as users send them: plain, filtered by year, type or topic, and a page further on. */
async function requestMix(): Promise<autocannon.Request[]> {
  const queries = (JSON.parse(readFileSync(values.queries, 'utf8')) as { queries: { q: string }[] }).queries.map((entry) => encodeURIComponent(entry.q));
  const topics = ((await (await fetch(`${base}/api/search?q=`)).json()) as { facets: { topic: { value: string }[] } }).facets.topic.map((t) => t.value);
  return queries.flatMap((q, i) =>
    [
      `/api/search?q=${q}`,
      `/api/search?q=${q}&year=2024`,
      `/api/search?q=${q}&type=mdb&limit=5&offset=5`,
      `/api/search?q=${q}&topic=${topics[i % topics.length]}`,
      `/?q=${q}`,
      `/?q=${q}&year=2023&year=2024`,
      `/?q=${q}&side=2`,
    ].map((path) => ({ method: 'GET' as const, path })),
  );
}

/** Waits until the server answers `/healthz`; it may first build the index. */
async function ready(exit: Promise<number | null>): Promise<void> {
  let gone = false;
  void exit.then(() => (gone = true));
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error('the server exited before it was ready');
    if (await fetch(`${base}/healthz`).then((res) => res.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server was not ready within 5 minutes');
}

async function memory(): Promise<Memory> {
  return ((await (await fetch(`${base}/healthz`)).json()) as { memory: Memory }).memory;
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
