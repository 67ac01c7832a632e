/**
 * Text with some of its spans marked, for whatever shows it: the web marks with `<mark>` and escapes
 * HTML, a terminal marks in bold. Marks of several kinds nest (a link around the words a query
 * matched); a snippet is a window of the text, with an ellipsis where it was cut.
 */

/** A stretch of a text, by character offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A span that brings its own markup, where spans of one kind differ (a link's address, an insertion). */
export interface MarkedSpan extends Span {
  open?: string;
  close?: string;
}

export interface Marking {
  /** Text between and inside the marks, as the output needs it (escaped, for HTML). */
  escape: (text: string) => string;
  /** What opens a mark; a span may bring its own. */
  open: string;
  close: string;
}

/** Spans of one kind, marked alike unless a span brings its own markup. */
export interface MarkLayer {
  spans: readonly MarkedSpan[];
  open: string;
  close: string;
}

/** `text` from `from` to `to`, each span wholly inside it (in order, not overlapping the one before) marked. */
export function markSpans(text: string, spans: readonly MarkedSpan[], { escape, open, close }: Marking, from = 0, to = text.length): string {
  return markLayers(text, [{ spans, open, close }], escape, from, to);
}

/**
 * `text` from `from` to `to` with the spans of each layer marked as markSpans marks them, the first
 * layer outermost. Where an outer span starts or ends inside an inner one, the inner one is closed
 * and opened again around it, so the marks always nest.
 */
export function markLayers(text: string, layers: readonly MarkLayer[], escape: (text: string) => string, from = 0, to = text.length): string {
  const kept = layers.map((layer) => wholeSpans(layer.spans, from, to));
  const cuts = [...new Set([from, to, ...kept.flatMap((spans) => spans.flatMap((s) => [s.start, s.end]))])].sort((a, b) => a - b);
  const passed = kept.map(() => 0);
  const open: (MarkedSpan | null)[] = kept.map(() => null);
  let out = '';
  const closeFrom = (layer: number) => {
    for (let k = open.length - 1; k >= layer; k--) {
      if (open[k]) out += open[k]!.close ?? layers[k]!.close;
      open[k] = null;
    }
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    const at = cuts[i]!;
    const covering = kept.map((spans, k) => {
      while (passed[k]! < spans.length && spans[passed[k]!]!.end <= at) passed[k]!++;
      const span = spans[passed[k]!];
      return span && span.start <= at ? span : null;
    });
    const changed = covering.findIndex((span, k) => span !== open[k]);
    if (changed !== -1) {
      closeFrom(changed);
      for (let k = changed; k < covering.length; k++) {
        const span = covering[k];
        if (span) out += span.open ?? layers[k]!.open;
        open[k] = span ?? null;
      }
    }
    out += escape(text.slice(at, cuts[i + 1]));
  }
  closeFrom(0);
  return out;
}

/** The window of the text, marked by `mark`, and an ellipsis on each side where the text goes on. */
export function markWindow(text: string, window: Span, mark: (from: number, to: number) => string): string {
  return `${window.start > 0 ? '… ' : ''}${mark(window.start, window.end)}${window.end < text.length ? ' …' : ''}`;
}

/** The spans wholly inside `from`–`to` that are not empty and do not overlap the one kept before. */
function wholeSpans<S extends Span>(spans: readonly S[], from: number, to: number): S[] {
  const kept: S[] = [];
  let at = from;
  for (const span of spans) {
    if (span.start < at || span.end > to || span.end <= span.start) continue;
    kept.push(span);
    at = span.end;
  }
  return kept;
}
