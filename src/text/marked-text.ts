/**
 * Text with some of its spans marked, for whatever shows it: the web marks with `<mark>` and escapes
 * HTML, a terminal marks in bold. A snippet is a window of the text, with an ellipsis where it was cut.
 */

/** A stretch of a text, by character offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface Marking {
  /** Text between and inside the marks, as the output needs it (escaped, for HTML). */
  escape: (text: string) => string;
  /** What opens a mark; a span may bring its own. */
  open: string;
  close: string;
}

/** `text` from `from` to `to`, each span wholly inside it (in order, not overlapping the one before) marked. */
export function markSpans(text: string, spans: readonly (Span & { open?: string })[], { escape, open, close }: Marking, from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const span of spans) {
    if (span.start < at || span.end > to) continue;
    out += `${escape(text.slice(at, span.start))}${span.open ?? open}${escape(text.slice(span.start, span.end))}${close}`;
    at = span.end;
  }
  return out + escape(text.slice(at, to));
}

/** The window of the text with its spans marked, and an ellipsis on each side where the text goes on. */
export function markWindow(text: string, spans: readonly Span[], window: Span, marking: Marking): string {
  return `${window.start > 0 ? '… ' : ''}${markSpans(text, spans, marking, window.start, window.end)}${window.end < text.length ? ' …' : ''}`;
}
