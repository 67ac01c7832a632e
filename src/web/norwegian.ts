/**
 * How the pages write dates, numbers and source kinds in Norwegian (bokmål).
 */
import type { SourceKind } from '../model/corpus.js';

/** How the pages write dates, numbers and source kinds in Norwegian (bokmål). */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  markdown: 'Ren tekst',
  'pdf-text': 'Tekst fra PDF',
  ocr: 'Skannet (OCR)',
  'web-transcript': 'Nettside (transkript)',
  pdf: 'PDF',
  scan: 'Skannet PDF eller bilde (OCR)',
  word: 'Word-dokument',
  html: 'Nettside',
};

const dateFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('nb-NO');
const listFormats = { og: new Intl.ListFormat('nb-NO', { type: 'conjunction' }), eller: new Intl.ListFormat('nb-NO', { type: 'disjunction' }) };
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

/** `12 treff`, `1 234 avsnitt` (nouns whose plural is their singular). */
export function countOf(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}`;
}

/** `a, b og c`; `a, b eller c`. */
export function listOf(items: readonly string[], word: keyof typeof listFormats): string {
  return listFormats[word].format(items);
}
