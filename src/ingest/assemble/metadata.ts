/**
 * What a document is, read from its own text: its type, the year it is about, its title, and the date
 * and case number a letter states. Nothing is taken from file names.
 */
import type { DocumentType } from '../../model/corpus.js';
import { DOCUMENT_TYPE_LABELS } from '../../model/labels.js';

/** What a document is, read from its own text: letters without a header still name their year. */
export interface Metadata {
  type: DocumentType;
  year: number;
  title: string;
  date?: string;
  saksnr?: string;
}

const TITLE = /((?:Mål- og disponeringsbrev|Årsrapport)\s+(?:for\s+)?(\d{4})\b[^\n]{0,60})/iu;

export function extractMetadata(text: string): Metadata {
  const type = documentType(text);
  const title = TITLE.exec(text);
  const year = title ? Number(title[2]) : dominantYear(text);
  const date = /Dato:?[*\s]*(\d{1,2})\.(\d{1,2})\.(\d{4})/u.exec(text);
  const saksnr = /Saksnr\.?:?[*\s]*(\d{2}\/\d+(?:-\d+)?)/u.exec(text);
  const metadata: Metadata = {
    type,
    year,
    title: title ? cleanTitle(title[1]!) : `${DOCUMENT_TYPE_LABELS[type]} ${year}`,
  };
  if (date) metadata.date = `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`;
  if (saksnr) metadata.saksnr = saksnr[1]!;
  return metadata;
}

/** Whichever the text names first: a steering letter mentions the annual report much later, if at all. */
function documentType(text: string): DocumentType {
  const letter = text.search(/disponeringsbrev/iu);
  const report = text.search(/årsrapport\s+\d{4}/iu);
  if (report >= 0 && (letter < 0 || report < letter)) return 'arsrapport';
  return 'mdb';
}

/** The year a letter is about: the one it names most often ("for 2023", "i 2023"). */
function dominantYear(text: string): number {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/\b(20\d{2})\b/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  // Without a year the text cannot be placed among the letters; guessing one would mislabel it.
  if (!ranked[0]) throw new Error('the text names no year');
  return ranked[0][0];
}

function cleanTitle(title: string): string {
  return title
    .replace(/[*#_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,:;]+$/u, '')
    .trim();
}
