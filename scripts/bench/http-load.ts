/**
 * HTTP throughput of `/api/search` over a mix of queries, against bare routes in the same server and
 * run: one sending a precomputed search answer of the typical size (the physical limit for such a body:
 * no serialisation, no middleware, no log line), and the 11-byte `{"ok":true}`. The server is the app
 * as `serve` builds it — helmet, compression, request ids and an info-level pino log written to a file,
 * asynchronously as `serve` writes it to stdout, and the rate limiter (set above what any load reaches).
 * Search is loaded twice: without Accept-Encoding (as the bare routes; the ratio is taken there) and as
 * a browser asks, so compression's cost shows too. The server runs in a worker process; the loads
 * alternate, twice each, so drift in the machine's load touches all alike.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import express, { type RequestHandler } from 'express';
import pino from 'pino';
import type { Corpus } from '../../src/model/corpus.js';
import { SearchEngine } from '../../src/search/engine.js';
import { createApp } from '../../src/web/app.js';
import { apiSearchRequest } from '../../src/web/http/params.js';
import { serveSettings } from '../../src/web/http/serve-settings.js';
import { apiSearchResponse } from '../../src/web/view-models/api.js';
import { startWorker } from './worker-process.js';

export interface RouteLoad {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Bytes on the wire per response, headers included. */
  bytes: number;
}

/** The two bare routes, and search without and with compression. */
export const ROUTES = ['bare', 'bareAnswer', 'search', 'searchCompressed'] as const;
export type Route = (typeof ROUTES)[number];

export interface HttpResult {
  routes: Record<Route, RouteLoad>;
  /** search ÷ bareAnswer requests per second: the bar. */
  ratio: number;
  /** The body bareAnswer sends (the answer nearest the mean size) and the mean size of search answers. */
  answer: { q: string; bytes: number; meanBytes: number };
  /** What the request log received during the loads, and the app's requests it should have logged. */
  log: { lines: number; bytes: number; requests: number };
}

export interface Load {
  connections: number;
  durationS: number;
}

interface Served {
  port: number;
  answer: HttpResult['answer'];
}

const ROUNDS = 2;
const BARE = '/bare';
const BARE_ANSWER = '/bare-answer';
/** What a browser's fetch sends; compression picks brotli. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';
/** Far above what one load generator sends in a bench, so the limiter counts but never refuses. */
const NO_REFUSAL = 2 ** 31;

/** Runs in the worker process: the app as `serve` builds it, behind the bare routes. */
export async function serveSearchApp(corpus: Corpus, queries: string[], logPath: string): Promise<Served> {
  const engine = SearchEngine.build(corpus);
  const answers = await Promise.all(
    queries.map(async (q) => ({ q, body: Buffer.from(JSON.stringify(apiSearchResponse(await engine.search(apiSearchRequest({ q })), q))) })),
  );
  const meanBytes = answers.reduce((sum, a) => sum + a.body.length, 0) / answers.length;
  const typical = answers.reduce((best, a) => (Math.abs(a.body.length - meanBytes) < Math.abs(best.body.length - meanBytes) ? a : best));

  const { logLevel, trustProxy } = serveSettings({});
  const logger = pino({ level: logLevel }, pino.destination({ dest: logPath, sync: false }));
  const app = express();
  app.get(BARE, precomputed(Buffer.from(JSON.stringify({ ok: true }))));
  app.get(BARE_ANSWER, precomputed(typical.body));
  app.use(createApp({ index: { current: engine }, logger, rateLimit: NO_REFUSAL, trustProxy }));
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, answer: { q: typical.q, bytes: typical.body.length, meanBytes } }));
  });
}

function precomputed(body: Buffer): RequestHandler {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  };
}

export async function measureHttp(corpusPath: string, queries: string[], logPath: string, load: Load): Promise<HttpResult> {
  const server = startWorker<Served>({ kind: 'serve', corpusPath, queries, logPath });
  try {
    const { port, answer } = await server.result;
    const base = `http://127.0.0.1:${port}`;
    const search = (headers: Record<string, string>) => queries.map((q) => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(q)}`, headers }));
    const loads: Record<Route, autocannon.Request[]> = {
      bare: [{ method: 'GET', path: BARE }],
      bareAnswer: [{ method: 'GET', path: BARE_ANSWER }],
      search: search({}),
      searchCompressed: search({ 'accept-encoding': BROWSER_ENCODINGS }),
    };
    const runs = new Map<Route, autocannon.Result[]>(ROUTES.map((route) => [route, []]));
    for (let r = 0; r < ROUNDS; r++) for (const route of ROUTES) runs.get(route)!.push(await fire(base, loads[route], load));
    const routes = Object.fromEntries(ROUTES.map((route) => [route, routeLoad(runs.get(route)!)])) as Record<Route, RouteLoad>;
    const log = readFileSync(logPath);
    return {
      routes,
      ratio: routes.search.rps / routes.bareAnswer.rps,
      answer,
      log: {
        lines: log.reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 0),
        bytes: log.length,
        requests: [...runs.get('search')!, ...runs.get('searchCompressed')!].reduce((n, r) => n + r.requests.total, 0),
      },
    };
  } finally {
    server.stop();
  }
}

async function fire(url: string, requests: autocannon.Request[], { connections, durationS }: Load): Promise<autocannon.Result> {
  const result = await autocannon({ url, connections, duration: durationS, requests });
  // Errors or refusals would be cheap responses counted as throughput.
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${requests[0]!.path}…: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result;
}

/** The mean of a route's rounds; its worst p99. */
function routeLoad(results: autocannon.Result[]): RouteLoad {
  const mean = (value: (r: autocannon.Result) => number) => results.reduce((s, r) => s + value(r), 0) / results.length;
  return {
    rps: mean((r) => r.requests.average),
    p50Ms: mean((r) => r.latency.p50),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    bytes: results.reduce((s, r) => s + r.throughput.total, 0) / results.reduce((s, r) => s + r.requests.total, 0),
  };
}
