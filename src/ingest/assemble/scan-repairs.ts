/**
 * A scan's OCR repairs, summed up for the report and placed in the paragraphs that hold them, so the
 * scan can be shown with every repaired word marked.
 */
import type { Paragraph, RepairSummary, SourceParagraph } from '../../model/corpus.js';
import type { Repair } from '../ocr/repair.js';

/** The number of words changed and the commonest changes. */
export function summarizeRepairs(repairs: Repair[]): RepairSummary {
  const counts = new Map<string, { from: string; to: string; count: number }>();
  for (const r of repairs) {
    const key = `${r.from}\u0000${r.to}`;
    const entry = counts.get(key) ?? { from: r.from, to: r.to, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return { total: repairs.length, top: [...counts.values()].sort((a, b) => b.count - a.count).slice(0, 25) };
}

/**
 * Place each repair in the paragraph that holds it. Repairs and paragraphs are both in document order,
 * so one forward scan finds every repaired word where parsing put it.
 */
export function locateRepairs(paragraphs: Paragraph[], repairs: Repair[]): SourceParagraph[] {
  const out: SourceParagraph[] = paragraphs.map((p) => ({ text: p.text, repairs: [] }));
  let k = 0;
  let offset = 0;
  for (const repair of repairs) {
    for (let look = k; look < Math.min(out.length, k + 3); look++) {
      const at = out[look]!.text.indexOf(repair.to, look === k ? offset : 0);
      if (at >= 0) {
        out[look]!.repairs.push({ start: at, end: at + repair.to.length, from: repair.from });
        k = look;
        offset = at + repair.to.length;
        break;
      }
    }
  }
  return out;
}
