import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import express from 'express';
import type { Corpus } from '../../src/model/corpus.js';
import { SearchEngine } from '../../src/search/engine.js';
import { createApp } from '../../src/web/app.js';
import { startWorker } from './worker-process.js';

/**
 * HTTP throughput of `/api/search` over a mix of queries, against a bare Express JSON route in the
 * same server and run: their ratio says what searching costs over what Express itself costs, on
 * whatever machine runs it. The server runs in a worker process; the two loads alternate, twice each,
 * so drift in the machine's load touches both alike.
 */
export interface HttpResult {
  searchRps: number;
  bareRps: number;
  ratio: number;
  /** 99th percentile latency of search requests under load. */
  p99Ms: number;
}

export interface Load {
  connections: number;
  durationS: number;
}

const ROUNDS = 2;

/** Runs in the worker process: the app as `serve` builds it, behind one extra bare route. */
export async function serveSearchApp(corpus: Corpus): Promise<number> {
  const app = express();
  app.get('/bare', (_req, res) => res.json({ ok: true }));
  app.use(createApp({ index: { current: SearchEngine.build(corpus) } }));
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function measureHttp(corpusPath: string, queries: string[], load: Load): Promise<HttpResult> {
  const server = startWorker<{ port: number }>({ kind: 'serve', corpusPath });
  try {
    const { port } = await server.result;
    const base = `http://127.0.0.1:${port}`;
    const search = queries.map((q) => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(q)}` }));
    const bare: autocannon.Result[] = [];
    const searched: autocannon.Result[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      bare.push(await fire(base, [{ method: 'GET', path: '/bare' }], load));
      searched.push(await fire(base, search, load));
    }
    const searchRps = meanOf(searched, (r) => r.requests.average);
    const bareRps = meanOf(bare, (r) => r.requests.average);
    return { searchRps, bareRps, ratio: searchRps / bareRps, p99Ms: Math.max(...searched.map((r) => r.latency.p99)) };
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

function meanOf<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((s, item) => s + value(item), 0) / items.length;
}
