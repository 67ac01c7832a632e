/**
 * The scaling curve as an SVG chart (bench/scaling.svg, shown in the README): one log-log panel per
 * metric, one line per engine, each line's growth exponent at its end. This engine is drawn strongest,
 * the ranking peers in colours of their own, the others in grey; a dotted line through this engine's
 * first point shows what growing in proportion to the corpus would look like. Plain SVG with system
 * fonts and a background of its own, so that it reads the same on GitHub's light and dark pages.
 */
import type { BenchResults } from './report.js';
import { growthExponent, METRIC_NAMES, METRICS, series, type MetricName, type Point } from './scaling.js';

interface Style {
  colour: string;
  width: number;
  dash?: string;
}

/** Okabe–Ito colours, which colour-blind readers can tell apart. */
const STYLES: Record<string, Style> = {
  styringssok: { colour: '#0072B2', width: 3.5 },
  'styringssok-postgres': { colour: '#56B4E9', width: 2, dash: '6 3' },
  lucene: { colour: '#D55E00', width: 2.5 },
  'sqlite-fts5': { colour: '#009E73', width: 2.5 },
  'postgres-fts': { colour: '#CC79A7', width: 2.5 },
};
const OTHER: Style = { colour: '#a0a0a0', width: 1.5 };
const SELF = 'styringssok';

const WIDTH = 1040;
const PANEL = { width: 500, height: 300 };
const PLOT = { left: 58, right: 150, top: 30, bottom: 34 };
const HEADER = 78;
const FONT = `-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif`;
const LABEL_GAP = 12;

export function scalingChart(results: BenchResults): string {
  const latency = results.latency ?? {};
  const engines = Object.keys(latency).filter((e) => Object.keys(latency[e]!).length > 1);
  const scales = results.meta.scales;
  const height = HEADER + 2 * PANEL.height + 10;
  const panels = METRIC_NAMES.map((metric, i) => panel(metric, engines, latency, scales, (i % 2) * (PANEL.width + 20) + 10, HEADER + Math.floor(i / 2) * PANEL.height));
  const { machine } = results.meta;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="26" font-size="17" font-weight="600" fill="#222">How search costs grow with the corpus (log-log; number at a line's end: growth exponent)</text>`,
    `<text x="20" y="46" fill="#555">1× = ${results.meta.paragraphs.toLocaleString('en')} paragraphs, replicated up to ${Math.max(...scales)}×. ${escape(machine.cpu)}, ${machine.cores} cores, ${results.meta.date.slice(0, 10)}. Dotted: growth in proportion to the corpus, from this engine's 1×.</text>`,
    legend(engines, 20, 66),
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}

function styleOf(engine: string): Style {
  return STYLES[engine] ?? OTHER;
}

function legend(engines: string[], x: number, y: number): string {
  let at = x;
  return engines
    .map((engine) => {
      const s = styleOf(engine);
      const item = `<line x1="${at}" y1="${y - 4}" x2="${at + 22}" y2="${y - 4}" stroke="${s.colour}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="${at + 28}" y="${y}" fill="#222"${engine === SELF ? ' font-weight="600"' : ''}>${escape(engine)}</text>`;
      at += 40 + engine.length * 7;
      return item;
    })
    .join('\n');
}

function panel(metric: MetricName, engines: string[], latency: NonNullable<BenchResults['latency']>, scales: number[], x0: number, y0: number): string {
  const { label, unit } = METRICS[metric];
  const lines = engines.map((engine) => ({ engine, points: series(latency[engine]!, metric) })).filter((l) => l.points.length > 0);
  const values = lines.flatMap((l) => l.points.map((p) => p.value));
  const [low, high] = [Math.floor(Math.log10(Math.min(...values))), Math.ceil(Math.log10(Math.max(...values)))];
  const plot = { left: x0 + PLOT.left, right: x0 + PANEL.width - PLOT.right, top: y0 + PLOT.top, bottom: y0 + PANEL.height - PLOT.bottom };
  const [minScale, maxScale] = [Math.min(...scales), Math.max(...scales)];
  const x = (scale: number) => plot.left + ((Math.log10(scale) - Math.log10(minScale)) / (Math.log10(maxScale) - Math.log10(minScale) || 1)) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - ((Math.log10(value) - low) / (high - low || 1)) * (plot.bottom - plot.top);
  const out = [`<text x="${plot.left}" y="${y0 + 16}" font-size="14" font-weight="600" fill="#222">${label}</text>`];
  for (let decade = low; decade <= high; decade++) {
    const v = 10 ** decade;
    out.push(
      `<line x1="${plot.left}" y1="${y(v)}" x2="${plot.right}" y2="${y(v)}" stroke="#e4e4e4"/>`,
      `<text x="${plot.left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#555">${tick(v, unit)}</text>`,
    );
  }
  for (const scale of scales) {
    out.push(
      `<line x1="${x(scale)}" y1="${plot.top}" x2="${x(scale)}" y2="${plot.bottom}" stroke="#e4e4e4"/>`,
      `<text x="${x(scale)}" y="${plot.bottom + 16}" text-anchor="middle" fill="#555">${scale}×</text>`,
    );
  }
  out.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#bbb"/>`);
  const own = lines.find((l) => l.engine === SELF)?.points[0];
  if (own) out.push(clipped(proportional(own, maxScale), x, y, plot));
  // The grey ones first, this engine's last, so that it lies on top.
  const layer = (engine: string) => (engine === SELF ? 2 : engine in STYLES ? 1 : 0);
  const drawn = [...lines].sort((a, b) => layer(a.engine) - layer(b.engine));
  for (const { engine, points } of drawn) {
    const s = styleOf(engine);
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.scale).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="${s.width}" stroke-linejoin="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const p of points) out.push(`<circle cx="${x(p.scale).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="${s.width + 0.5}" fill="${s.colour}"/>`);
  }
  out.push(...endLabels(lines, y, plot));
  return `<g>\n${out.join('\n')}\n</g>`;
}

/** A line of exponent 1 from a point to the largest scale. */
function proportional(from: Point, maxScale: number): Point[] {
  return [from, { scale: maxScale, value: (from.value * maxScale) / from.scale }];
}

/** The proportional line, cut where it leaves the plot. */
function clipped(points: Point[], x: (s: number) => number, y: (v: number) => number, plot: { top: number; left: number; right: number; bottom: number }): string {
  const [a, b] = points.map((p) => ({ x: x(p.scale), y: y(p.value) })) as [{ x: number; y: number }, { x: number; y: number }];
  const end = b.y < plot.top ? { x: a.x + ((plot.top - a.y) * (b.x - a.x)) / (b.y - a.y), y: plot.top } : b;
  return [
    `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" stroke="#999" stroke-width="1.2" stroke-dasharray="2 4"/>`,
    `<text x="${(end.x - 4).toFixed(1)}" y="${(end.y + 12).toFixed(1)}" text-anchor="end" font-size="11" fill="#888">∝ corpus</text>`,
  ].join('\n');
}

/** Each line's exponent in the right margin, level with its last point, nudged apart so none overlap. */
function endLabels(lines: { engine: string; points: Point[] }[], y: (v: number) => number, plot: { right: number; top: number; bottom: number }): string[] {
  const labels = lines
    .map(({ engine, points }) => ({ engine, at: y(points[points.length - 1]!.value), exponent: growthExponent(points) }))
    .sort((a, b) => a.at - b.at);
  for (let i = 1; i < labels.length; i++) labels[i]!.at = Math.max(labels[i]!.at, labels[i - 1]!.at + LABEL_GAP);
  const overflow = labels.length ? labels[labels.length - 1]!.at - (plot.bottom + 4) : 0;
  if (overflow > 0) for (const l of labels) l.at -= overflow;
  return labels.map(({ engine, at, exponent }) => {
    const s = styleOf(engine);
    const weight = engine === SELF ? ' font-weight="700"' : '';
    return `<text x="${plot.right + 8}" y="${(at + 4).toFixed(1)}" fill="${s === OTHER ? '#777' : s.colour}"${weight}>${exponent === undefined ? '' : exponent.toFixed(2)} ${escape(engine)}</text>`;
  });
}

function tick(value: number, unit: 'ms' | 'MB'): string {
  if (unit === 'MB') return value >= 1000 ? `${value / 1000} GB` : `${value} MB`;
  if (value >= 1000) return `${value / 1000} s`;
  if (value >= 1) return `${value} ms`;
  return `${Math.round(value * 1000)} µs`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
