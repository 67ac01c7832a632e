/**
 * Build cost and query latency of one engine running in this process: build time (with the writing of
 * an index another process writes), what the built index holds (after a full GC: JS heap plus off-heap
 * buffers, plus what it keeps outside the process, such as SQLite's pages or PostgreSQL's tables; and
 * the process's resident growth), then per-query times over repeated rounds of the queries after a
 * warm-up. For an engine behind a connection, the times are its server's own, beside the round trip.
 * Run it in a process of its own (with --expose-gc) so no other engine's garbage is counted.
 */
import type { Corpus } from '../../src/model/corpus.js';
import type { BenchEngine } from './engines.js';

export interface LatencyResult {
  p50Ms: number;
  p99Ms: number;
  /** The client's times, for an engine whose p50Ms and p99Ms are its server's. */
  roundTrip?: { p50Ms: number; p99Ms: number };
  buildMs: number;
  /** Of buildMs, the time another process took writing the index, for an engine with one. */
  writeMs?: number;
  /** What the built index holds, wherever it holds it (see the engine's notes in the report). */
  indexMB: number;
  heapMB: number;
  rssMB: number;
  samples: number;
}

export interface Rounds {
  /** Warm up for at least this many rounds and at least `warmupMs`. */
  warmup: number;
  warmupMs: number;
  /** Measure at least this many rounds, and for at least `minMs`… */
  min: number;
  minMs: number;
  /** …but never more than this many rounds. */
  max: number;
}

export const DEFAULT_ROUNDS: Rounds = { warmup: 3, warmupMs: 1000, min: 10, minMs: 3000, max: 2000 };
export const LIMIT = 10;
export const MB = 2 ** 20;

export async function measureLatency(engine: BenchEngine, corpus: Corpus, queries: string[], rounds = DEFAULT_ROUNDS): Promise<LatencyResult> {
  const writeMs = await engine.write?.();
  const before = await settledMemory();
  const started = performance.now();
  await engine.build(corpus);
  const buildMs = (writeMs ?? 0) + performance.now() - started;
  const after = await settledMemory();
  const heapMB = (after.heapUsed + after.external - before.heapUsed - before.external) / MB;
  const outsideMB = ((await engine.outsideBytes?.()) ?? 0) / MB;

  const warming = performance.now();
  for (let r = 0; r < rounds.warmup || performance.now() - warming < rounds.warmupMs; r++) for (const q of queries) await engine.search(q, LIMIT);
  const times: number[] = [];
  const serverTimes: number[] = [];
  const measuring = performance.now();
  for (let r = 0; r < rounds.max && (r < rounds.min || performance.now() - measuring < rounds.minMs); r++) {
    for (const q of queries) {
      const t = performance.now();
      await engine.search(q, LIMIT);
      times.push(performance.now() - t);
      if (engine.lastServerMs) serverTimes.push(engine.lastServerMs());
    }
  }
  const client = percentiles(times);
  return {
    ...(serverTimes.length ? { ...percentiles(serverTimes), roundTrip: client } : client),
    buildMs,
    writeMs,
    indexMB: heapMB + outsideMB,
    heapMB,
    rssMB: (after.rss - before.rss) / MB,
    samples: times.length,
  };
}

/**
 * Two runs of one engine as one: the lower p50, p99 and build time of the two (each run's least
 * disturbed by the machine's other work), the rest from the run with the lower p50.
 */
export function lowerOf(a: LatencyResult, b: LatencyResult): LatencyResult {
  const [faster, other] = a.p50Ms <= b.p50Ms ? [a, b] : [b, a];
  const built = a.buildMs <= b.buildMs ? a : b;
  return { ...faster, p99Ms: Math.min(faster.p99Ms, other.p99Ms), buildMs: built.buildMs, writeMs: built.writeMs };
}

function percentiles(times: number[]): { p50Ms: number; p99Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
}

/** Nearest-rank percentile of ascending values (LuceneBench.java computes it alike). */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

/** Memory after full collections, a turn of the event loop apart: one leaves garbage that weak references and finalizers release. */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  if (!globalThis.gc) throw new Error('run with --expose-gc to measure memory');
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage();
}
