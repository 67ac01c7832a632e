/**
 * The shape of a source, from its content alone. A web transcript announces itself; hard-wrapped text
 * (PDF extraction, OCR) has no long lines; everything else is read as Markdown. Whether wrapped text
 * is OCR output is a separate question (looksLikeOcrDamage), asked by the caller.
 */
import type { SourceKind } from '../../model/corpus.js';
import { TRANSCRIPT_MARKER } from '../parse/web-transcript.js';

export function detectShape(text: string, isOcrDamaged: (text: string) => boolean): SourceKind {
  if (TRANSCRIPT_MARKER.test(text)) return 'web-transcript';
  if (!isHardWrapped(text)) return 'markdown';
  return isOcrDamaged(text) ? 'ocr' : 'pdf-text';
}

/** Nearly every line stops at a wrap width: the 95th percentile of line lengths stays short. */
function isHardWrapped(text: string): boolean {
  const lengths = text
    .split('\n')
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length < 5) return false;
  return lengths[Math.floor(lengths.length * 0.95)]! <= 160;
}
