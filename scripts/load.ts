/**
 * `npm run load`: the served app under load, as `npm start` runs it, in a process of its own with the
 * rate limit off.
 *
 * - Rounds of 64 connections × 30 s of the development queries — with year, type and topic filters and
 *   further pages — against `/api/search` and the search page. After each round, the server's memory
 *   from `/healthz` and its event-loop delay over the round from `/internal/metrics`.
 * - A hostile client: an ordinary client's `/?q=unge`, one request at a time, while a hostile client
 *   sends ~10 requests a second — within the default limit of 600 a minute — of 500 characters of
 *   made-up 9–11-letter words, none of them sent twice.
 * - A fault round on the PostgreSQL store (a throwaway server, ingested into and served from): the
 *   database stopped a third of the way through and started again at two thirds. The index is served
 *   from memory, so searches go on being answered while `/internal/isready` says 503.
 *
 * Exits 1 on any error or timeout; on any answer but 2xx in the rounds and the hostile round, or but
 * 2xx and 503 in the fault round; when the ordinary client or the event loop was slowed by the hostile
 * one; when the outage went unnoticed by the readiness probe or the server did not recover from it;
 * when the server logged an unexpected error; or when its RSS grew more than 10% from the first round
 * to the last. `--rounds`, `--duration` and `--connections` make a short run; `--no-fault` leaves out
 * the fault round (it needs Debian's postgresql).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startPostgres } from '../tests/helpers/postgres.js';

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: '../shared/eval/dev-queries.json' },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
    'no-fault': { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const MAX_MEMORY_GROWTH = 0.1;
/** Within 600 requests a minute, the default limit. */
const HOSTILE_EVERY_MS = 105;
const HOSTILE_QUERY_CHARS = 500;
/** What "low" means while the hostile client runs, on a shared machine of 2 cores. */
const MAX_ORDINARY_P99_MS = 250;
const MAX_LOOP_P99_MS = 100;
/** Connections of the fault round: enough to keep the server busy, few enough to see each probe. */
const FAULT_CONNECTIONS = 16;
const RECOVERY_MS = 30_000;

interface Memory {
  rss: number;
  heapUsed: number;
}

interface LoopDelay {
  p99: number;
  max: number;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  memory: Memory;
  loop: LoopDelay;
}

interface Server {
  base: string;
  logFile: string;
  stop(): Promise<string[]>;
}

const failures: string[] = [];
const servers: Server[] = [];
const work = mkdtempSync(join(tmpdir(), 'styringssok-load-'));

try {
  const files = await startServer('files', {});
  const requests = await requestMix(files.base);
  process.stdout.write(`${connections} connections × ${duration} s × ${rounds} rounds, ${requests.length} distinct requests, against ${files.base} (log: ${files.logFile})\n\n`);
  await throughputRounds(files.base, requests);
  await hostileRound(files.base);
  failures.push(...unexpected('files', await files.stop()));
  if (!values['no-fault']) await faultRound(requests);
} catch (error) {
  failures.push((error as Error).message);
} finally {
  for (const server of servers) await server.stop();
}
process.stdout.write(failures.length ? `\nFAILED:\n${failures.map((f) => `  ${f}\n`).join('')}` : '\nOK: no errors, every answer as expected, memory steady, the hostile client held off, the outage survived\n');
process.exitCode = failures.length ? 1 : 0;

async function throughputRounds(base: string, requests: autocannon.Request[]): Promise<void> {
  process.stdout.write(`${['round', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'RSS MB', 'heap MB', 'loop p99', 'loop max'].map((h) => h.padStart(9)).join('')}\n`);
  const results: Round[] = [];
  for (let r = 1; r <= rounds; r++) {
    await loopDelay(base);
    const result = await autocannon({ url: base, connections, duration, requests });
    const loop = await loopDelay(base);
    // Let requests in flight finish and the server settle before reading its memory.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const round: Round = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, memory: await memory(base), loop };
    results.push(round);
    process.stdout.write(`${[r, Math.round(round.rps), round.p50, round.p99, round.errors, round.non2xx, mb(round.memory.rss), mb(round.memory.heapUsed), ms(loop.p99), ms(loop.max)].map((v) => String(v).padStart(9)).join('')}\n`);
    if (round.errors) failures.push(`round ${r}: ${round.errors} errors or timeouts`);
    if (round.non2xx) failures.push(`round ${r}: ${round.non2xx} answers not 2xx`);
  }
  const first = results[0]?.memory.rss;
  const last = results.at(-1)?.memory.rss;
  if (first && last && last > first * (1 + MAX_MEMORY_GROWTH)) failures.push(`RSS grew from ${mb(first)} MB to ${mb(last)} MB (more than ${MAX_MEMORY_GROWTH * 100}%)`);
}

/** The ordinary client one request after another, the hostile one on its own clock, whatever the answers' pace. */
async function hostileRound(base: string): Promise<void> {
  await loopDelay(base);
  const ordinary: Answer[] = [];
  const hostile: Promise<Answer>[] = [];
  const clock = setInterval(() => hostile.push(timed(base, `/api/search?q=${encodeURIComponent(madeUpWords(HOSTILE_QUERY_CHARS))}`)), HOSTILE_EVERY_MS);
  for (const end = Date.now() + duration * 1000; Date.now() < end; ) ordinary.push(await timed(base, '/?q=unge'));
  clearInterval(clock);
  const sent = await Promise.all(hostile);
  const loop = await loopDelay(base);
  const o = percentiles(ordinary.map((a) => a.ms));
  const h = percentiles(sent.map((a) => a.ms));
  process.stdout.write(
    `\nHostile client: ${sent.length} requests of ${HOSTILE_QUERY_CHARS} characters of made-up words in ${duration} s (${(sent.length / duration).toFixed(1)}/s)\n` +
      `  ordinary /?q=unge: ${ordinary.length} requests, p50 ${o.p50.toFixed(1)} ms, p99 ${o.p99.toFixed(1)} ms, max ${o.max.toFixed(1)} ms\n` +
      `  hostile /api/search: p50 ${h.p50.toFixed(1)} ms, p99 ${h.p99.toFixed(1)} ms, max ${h.max.toFixed(1)} ms\n` +
      `  event-loop delay: p99 ${ms(loop.p99)} ms, max ${ms(loop.max)} ms\n`,
  );
  for (const [who, answers] of [['ordinary', ordinary], ['hostile', sent]] as const) {
    const wrong = answers.filter((a) => a.status < 200 || a.status >= 300);
    if (wrong.length) failures.push(`hostile round: ${wrong.length} of the ${who} client's answers were not 2xx (${statuses(wrong)})`);
  }
  if (o.p99 > MAX_ORDINARY_P99_MS) failures.push(`hostile round: the ordinary client's p99 was ${o.p99.toFixed(0)} ms (more than ${MAX_ORDINARY_P99_MS} ms)`);
  if (loop.p99 * 1000 > MAX_LOOP_P99_MS) failures.push(`hostile round: event-loop delay p99 ${ms(loop.p99)} ms (more than ${MAX_LOOP_P99_MS} ms)`);
}

/** PostgreSQL stopped at a third of the round and started at two thirds, under load, with the readiness probe watched throughout. */
async function faultRound(requests: autocannon.Request[]): Promise<void> {
  const pg = await startPostgres();
  try {
    const database = { STORE: 'postgres', DATABASE_URL: pg.url, INDEX_DIR: join(work, 'postgres-ingest') };
    await ingest(database);
    const server = await startServer('postgres', database);
    await until(async () => (await fetch(`${server.base}/internal/isready`)).status === 200, 30_000, 'the server on PostgreSQL was not ready');
    const started = Date.now();
    const probes: { at: number; status: number }[] = [];
    let probing = true;
    const probeLoop = (async () => {
      while (probing) {
        probes.push({ at: Date.now() - started, status: (await timed(server.base, '/internal/isready')).status });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const outage = { from: 0, to: 0 };
    const fault = (async () => {
      await new Promise((resolve) => setTimeout(resolve, (duration * 1000) / 3));
      outage.from = Date.now() - started;
      await pg.halt();
      await new Promise((resolve) => setTimeout(resolve, (duration * 1000) / 3));
      outage.to = Date.now() - started;
      await pg.resume();
    })();
    const result = await autocannon({ url: server.base, connections: FAULT_CONNECTIONS, duration, requests });
    await fault;
    await until(async () => (await fetch(`${server.base}/internal/isready`)).status === 200, RECOVERY_MS, `no recovery: /internal/isready not 200 within ${RECOVERY_MS / 1000} s of the database's return`);
    const recovered = Date.now() - started;
    probing = false;
    await probeLoop;
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { ok: boolean };
    const search = await timed(server.base, '/api/search?q=ungdomsgarantien&year=2024');

    const codes = Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => ({ code: Number(code), count: stat.count ?? 0 }));
    const count = (test: (code: number) => boolean) => codes.filter((c) => test(c.code)).reduce((n, c) => n + c.count, 0);
    const during = probes.filter((p) => p.at >= outage.from && p.at <= outage.to);
    const noticed = during.find((p) => p.status === 503);
    const back = probes.find((p) => p.at > outage.to && p.status === 200);
    process.stdout.write(
      `\nFault round (PostgreSQL store, ${FAULT_CONNECTIONS} connections × ${duration} s; database down from ${secs(outage.from)} to ${secs(outage.to)} s):\n` +
        `  searches: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${count((c) => c >= 200 && c < 300)} × 2xx, ${count((c) => c === 503)} × 503, ${count((c) => c !== 503 && (c < 200 || c >= 300))} other, ${result.errors + result.timeouts} errors or timeouts\n` +
        `  /internal/isready during the outage: ${during.filter((p) => p.status === 503).length} × 503, ${during.filter((p) => p.status === 200).length} × 200${noticed ? `, first 503 ${secs(noticed.at - outage.from)} s after the stop` : ''}\n` +
        `  recovery: /internal/isready 200 again ${secs((back?.at ?? recovered) - outage.to)} s after the database's return; then /healthz ok ${health.ok}, a search ${search.status}\n`,
    );
    if (result.errors + result.timeouts) failures.push(`fault round: ${result.errors + result.timeouts} errors or timeouts`);
    if (count((c) => c !== 503 && (c < 200 || c >= 300))) failures.push(`fault round: answers other than 2xx and 503 (${codes.map((c) => `${c.count} × ${c.code}`).join(', ')})`);
    if (!noticed) failures.push('fault round: /internal/isready never said 503 while the database was down');
    if (!health.ok || search.status !== 200) failures.push(`fault round: after recovery /healthz ok was ${health.ok} and a search answered ${search.status}`);
    failures.push(...unexpected('postgres', await server.stop()));
  } finally {
    await pg.stop();
  }
}

/** The server as `npm start` runs it, in a process of its own, once it answers. */
async function startServer(name: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = join(work, `${name}-server.log`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, PORT: String(port), RATE_LIMIT: '0', ...env },
    stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stopped: Promise<string[]> | undefined;
  const server: Server = {
    base,
    logFile,
    stop: () => {
      stopped ??= (async () => {
        child.kill('SIGTERM');
        const code = await exited;
        if (code !== 0) failures.push(`${name} server: exit ${code}`);
        return readFileSync(logFile, 'utf8').split('\n').filter((line) => /"level":(50|60)/.test(line));
      })();
      return stopped;
    },
  };
  servers.push(server);
  let gone = false;
  void exited.then(() => (gone = true));
  // It may first build the index.
  for (const deadline = Date.now() + 300_000; !(await fetch(`${base}/healthz`).then((res) => res.ok, () => false)); ) {
    if (gone) throw new Error(`the ${name} server exited before it was ready (log: ${logFile})`);
    if (Date.now() > deadline) throw new Error(`the ${name} server was not ready within 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return server;
}

/** A round's failure for each server that logged an error: none is expected, an outage included (it warns). */
function unexpected(name: string, errorLines: string[]): string[] {
  return errorLines.length ? [`${name} server: ${errorLines.length} unexpected error lines in its log, the first: ${errorLines[0]!.slice(0, 300)}`] : [];
}

function ingest(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', '--quiet'], { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the ingest into PostgreSQL exited with ${code}`))));
  });
}

/** The dev queries as users send them: plain, filtered by year, type or topic, and a page further on. */
async function requestMix(base: string): Promise<autocannon.Request[]> {
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

interface Answer {
  status: number;
  ms: number;
}

/** One request, read to the end; a failure to connect is status 0. */
async function timed(base: string, path: string): Promise<Answer> {
  const start = performance.now();
  try {
    const res = await fetch(`${base}${path}`);
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - start };
  } catch {
    return { status: 0, ms: performance.now() - start };
  }
}

/** Words nobody wrote: 9–11 letters each, to `chars` characters. */
function madeUpWords(chars: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzæøå';
  const words: string[] = [];
  for (let length = 0; length < chars; ) {
    const word = Array.from({ length: 9 + Math.floor(Math.random() * 3) }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ').slice(0, chars);
}

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

function statuses(answers: Answer[]): string {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} × ${status || 'no answer'}`).join(', ');
}

/** Waits for `check` to hold (a check that throws does not hold yet); throws `failure` after `within` ms. */
async function until(check: () => Promise<boolean>, within: number, failure: string): Promise<void> {
  for (const deadline = Date.now() + within; !(await check().catch(() => false)); ) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The event-loop delay since the last reading (each reading of the metrics starts a new window), in seconds. */
async function loopDelay(base: string): Promise<LoopDelay> {
  const text = await (await fetch(`${base}/internal/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { p99: gauge('nodejs_eventloop_lag_p99_seconds'), max: gauge('nodejs_eventloop_lag_max_seconds') };
}

async function memory(base: string): Promise<Memory> {
  return ((await (await fetch(`${base}/healthz`)).json()) as { memory: Memory }).memory;
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

function ms(seconds: number): string {
  return (seconds * 1000).toFixed(1);
}

function secs(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
