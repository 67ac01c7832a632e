/**
 * What a document is, read from its own text: its kind, the year it is about, its title, and the date
 * and case number a letter states. Nothing is taken from file names. A document of no known kind is
 * still a document: of the "other" kind, titled by its first heading.
 */
import type { Block } from '../parse/blocks.js';
import { blocksText } from '../parse/blocks.js';
import type { TypeRecognizer } from './document-types.js';

/** What a document is, as its text says. */
export interface Metadata {
  type: string;
  year: number;
  title: string;
  date?: string;
  saksnr?: string;
}

export function extractMetadata(blocks: Block[], kinds: TypeRecognizer): Metadata {
  const text = blocksText(blocks);
  const { type, title } = kinds.recognise(text);
  const year = title?.year ?? dominantYear(text);
  const date = /Dato:?[*\s]*(\d{1,2})\.(\d{1,2})\.(\d{4})/u.exec(text);
  const saksnr = /Saksnr\.?:?[*\s]*(\d{2}\/\d+(?:-\d+)?)/u.exec(text);
  const heading = blocks.find((b) => b.kind === 'heading')?.text;
  const metadata: Metadata = {
    type: type.id,
    year,
    title: title ? cleanTitle(title.text) : type.id === kinds.other.id && heading ? cleanTitle(heading) : `${type.label} ${year}`,
  };
  if (date) metadata.date = `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`;
  if (saksnr) metadata.saksnr = saksnr[1]!;
  return metadata;
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
