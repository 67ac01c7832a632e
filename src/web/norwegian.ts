import type { SourceKind } from '../model.js';

/** How the pages write dates, numbers and source kinds in Norwegian (bokmål). */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  markdown: 'Ren tekst',
  'pdf-text': 'Tekst fra PDF',
  ocr: 'Skannet (OCR)',
  'web-transcript': 'Nettside (transkript)',
};

const dateFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('nb-NO');
const percentFormat = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });

/** `2024-02-19` → `19. februar 2024`. */
export function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

/** `1 treff`, `12 treff`; `1 avsnitt`, `3 avsnitt` — with the singular only where Norwegian has one. */
export function countOf(n: number, singular: string, plural = singular): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}
