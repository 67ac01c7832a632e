/**
 * What an ingest did, for the people who run it: the documents made, the repairs in each scan, the
 * boilerplate left out, topic coverage, the abbreviations learned, and every file that could not be
 * ingested, with why.
 */
import type { Abbreviation, Corpus, RepairSummary } from '../model/corpus.js';
import { summarizeRepairs } from './assemble/scan-repairs.js';
import type { IngestedFile } from './ingested-file.js';
import type { LearnedConfusion } from './ocr/learn-confusions.js';
import type { Dropped } from './parse/blocks.js';

export interface IngestReport {
  documents: { id: string; title: string; sources: string[]; sections: number; paragraphs: number }[];
  /** Files that could not be ingested, with why. */
  warnings: string[];
  /** Each scan's repairs, and the confusion table learned from it. */
  repairs: ({ file: string; confusions: LearnedConfusion[] } & RepairSummary)[];
  /** Boilerplate left out on purpose. */
  dropped: ({ file: string } & Dropped)[];
  /** Share of body paragraphs (those in numbered sections) with at least one topic. */
  topicCoverage: number;
  /** Abbreviations the text defines, and those the data file adds. */
  abbreviations: Abbreviation[];
  ms: number;
}

export function buildReport(corpus: Corpus, files: IngestedFile[], warnings: string[], ms: number): IngestReport {
  const body = corpus.documents.flatMap((d) => d.sections.filter((s) => s.number !== '').flatMap((s) => s.paragraphs));
  return {
    documents: corpus.documents.map((d) => ({
      id: d.id,
      title: d.title,
      sources: d.sources.map((s) => s.file),
      sections: d.sections.length,
      paragraphs: d.sections.reduce((n, s) => n + s.paragraphs.length, 0),
    })),
    warnings,
    repairs: files.filter((f) => f.repairs).map((f) => ({ file: f.file, ...summarizeRepairs(f.repairs!), confusions: f.confusions ?? [] })),
    dropped: files.flatMap((f) => f.parsed.dropped.map((d) => ({ file: f.file, ...d }))),
    topicCoverage: body.length ? body.filter((p) => p.topics.length > 0).length / body.length : 1,
    abbreviations: corpus.abbreviations ?? [],
    ms,
  };
}

/** The report as the terminal shows it, naming where the corpus went. */
export function formatReport(report: IngestReport, destination: string): string {
  const lines = [`Ingested ${report.documents.length} documents in ${(report.ms / 1000).toFixed(1)} s → ${destination}`];
  for (const d of report.documents) lines.push(`  ${d.id.padEnd(16)} ${String(d.sections).padStart(3)} sections ${String(d.paragraphs).padStart(4)} paragraphs  ${d.title}  [${d.sources.join(', ')}]`);
  for (const r of report.repairs) {
    lines.push(`OCR repairs in ${r.file}: ${r.total} words`);
    lines.push(`  ${r.top.slice(0, 12).map((t) => `${t.from}→${t.to} ×${t.count}`).join(', ')}`);
    lines.push(`  learned confusions (letter meant → written): ${r.confusions.slice(0, 16).map(formatConfusion).join(', ')}`);
  }
  if (report.dropped.length) lines.push('Left out as boilerplate:');
  for (const d of report.dropped) lines.push(`  ${d.file}: ${d.what} (${d.words} words)`);
  lines.push(`Topics: ${(report.topicCoverage * 100).toFixed(1)}% of body paragraphs have at least one`);
  const learned = report.abbreviations.filter((a) => a.source === 'learned');
  lines.push(`Abbreviations learned from the text (${learned.length}; corpus/abbreviations.json adds ${report.abbreviations.length - learned.length} and can veto):`);
  for (const a of learned) lines.push(`  ${a.short.padEnd(8)} ${a.long}${a.definitions! > 1 ? ` (defined ${a.definitions}×)` : ''}`);
  if (report.warnings.length) lines.push(`Warnings (${report.warnings.length}):`, ...report.warnings.map((w) => `  ${w}`));
  return lines.join('\n') + '\n';
}

/** "ø→g 61 % (412×)"; a lost letter is written as ∅. */
function formatConfusion(c: LearnedConfusion): string {
  return `${c.meant}→${c.written || '∅'} ${(100 * c.probability).toFixed(0)} % (${Math.round(c.count)}×)`;
}
