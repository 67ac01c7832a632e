import type { Corpus } from '../../src/model/corpus.js';
import type { BenchEngine } from './engines.js';

/**
 * Build cost and query latency of one engine: build time (with the writing of an index another process
 * writes), the memory the built index holds in this process (after a full GC: JS heap plus off-heap
 * buffers; and the process's resident growth, which also sees native memory such as SQLite's), then
 * per-query times over repeated rounds of the queries after a warm-up.
 * Run it in a process of its own (with --expose-gc) so no other engine's garbage is counted.
 */
export interface LatencyResult {
  p50Ms: number;
  p99Ms: number;
  buildMs: number;
  /** Of buildMs, the time another process took writing the index, for an engine with one. */
  writeMs?: number;
  heapMB: number;
  rssMB: number;
  samples: number;
}

export interface Rounds {
  warmup: number;
  /** Measure at least this many rounds, and for at least `minMs`… */
  min: number;
  minMs: number;
  /** …but never more than this many rounds. */
  max: number;
}

export const DEFAULT_ROUNDS: Rounds = { warmup: 3, min: 10, minMs: 3000, max: 2000 };
const LIMIT = 10;
const MB = 2 ** 20;

export async function measureLatency(engine: BenchEngine, corpus: Corpus, queries: string[], rounds = DEFAULT_ROUNDS): Promise<LatencyResult> {
  const writeMs = await engine.write?.();
  const before = settledMemory();
  const started = performance.now();
  await engine.build(corpus);
  const buildMs = (writeMs ?? 0) + performance.now() - started;
  const after = settledMemory();

  for (let r = 0; r < rounds.warmup; r++) for (const q of queries) await engine.search(q, LIMIT);
  const times: number[] = [];
  const measuring = performance.now();
  for (let r = 0; r < rounds.max && (r < rounds.min || performance.now() - measuring < rounds.minMs); r++) {
    for (const q of queries) {
      const t = performance.now();
      await engine.search(q, LIMIT);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return {
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    buildMs,
    writeMs,
    heapMB: (after.heapUsed + after.external - before.heapUsed - before.external) / MB,
    rssMB: (after.rss - before.rss) / MB,
    samples: times.length,
  };
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

function settledMemory(): NodeJS.MemoryUsage {
  if (!globalThis.gc) throw new Error('run with --expose-gc to measure memory');
  globalThis.gc();
  return process.memoryUsage();
}
