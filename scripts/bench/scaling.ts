/**
 * How an engine's costs grow with the corpus: each metric's values over the scales it was measured at,
 * and its growth exponent — the least-squares slope of log(value) over log(scale). 1 grows in
 * proportion to the corpus, 0.5 as its square root, 0 not at all.
 */
import type { LatencyResult } from './latency.js';

export interface Metric {
  label: string;
  unit: 'ms' | 'MB';
  value: (r: LatencyResult) => number;
}

export const METRICS = {
  p50: { label: 'p50 latency', unit: 'ms', value: (r) => r.p50Ms },
  p99: { label: 'p99 latency', unit: 'ms', value: (r) => r.p99Ms },
  build: { label: 'build time', unit: 'ms', value: (r) => r.buildMs },
  memory: { label: 'index memory', unit: 'MB', value: (r) => r.indexMB },
} satisfies Record<string, Metric>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export interface Point {
  scale: number;
  value: number;
}

export function scaleKey(scale: number): string {
  return `${scale}x`;
}

/** A metric at every scale an engine was measured at, smallest first; values a log cannot take are left out. */
export function series(byScale: Record<string, LatencyResult>, metric: MetricName): Point[] {
  return Object.entries(byScale)
    .map(([key, r]) => ({ scale: Number(key.replace(/x$/, '')), value: METRICS[metric].value(r) }))
    .filter((p) => p.value > 0 && Number.isFinite(p.value))
    .sort((a, b) => a.scale - b.scale);
}

/** The log-log least-squares slope; undefined below two scales. */
export function growthExponent(points: Point[]): number | undefined {
  if (points.length < 2) return undefined;
  const xs = points.map((p) => Math.log(p.scale));
  const ys = points.map((p) => Math.log(p.value));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const covariance = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const variance = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return covariance / variance;
}
