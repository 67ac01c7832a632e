/**
 * Ingested files → Documents. Sources of one type and year that share nearly all their words are one
 * document (a clean text and its scan): the cleanest shape leads and its text is the document's; the
 * others are kept as sources, each paragraph linked to the one it matches. Ids are `<type>-<year>`.
 */
import { createHash } from 'node:crypto';
import type { Document, Section, Source, SourceKind, SourceParagraph } from '../../model/corpus.js';
import type { IngestedFile } from '../ingested-file.js';
import { blocksText } from '../parse/blocks.js';
import { locateRepairs, summarizeRepairs } from './scan-repairs.js';
import { buildSections } from './sections.js';
import type { TopicTagger } from './topics.js';
import { alignParagraphs, textSimilarity, TWIN_SIMILARITY } from './twins.js';

/** Which form leads among twins: the one whose text needed the least guessing. */
const CLEANLINESS: Record<SourceKind, number> = { markdown: 0, word: 0, html: 1, pdf: 1, 'pdf-text': 2, 'web-transcript': 3, scan: 4, ocr: 4 };

/** The documents of a corpus, newest first. */
export function assembleDocuments(files: IngestedFile[], tagger: TopicTagger): Document[] {
  const ordered = [...files].sort((a, b) => CLEANLINESS[a.kind] - CLEANLINESS[b.kind] || a.file.localeCompare(b.file));
  const groups: IngestedFile[][] = [];
  for (const file of ordered) {
    const twin = groups.find(
      ([lead]) =>
        lead!.metadata.type === file.metadata.type &&
        lead!.metadata.year === file.metadata.year &&
        textSimilarity(blocksText(lead!.parsed.blocks), blocksText(file.parsed.blocks)) >= TWIN_SIMILARITY,
    );
    if (twin) twin.push(file);
    else groups.push([file]);
  }

  const ids = new Set<string>();
  return groups
    .map((group) => {
      const lead = group[0]!;
      const base = `${lead.metadata.type}-${lead.metadata.year}`;
      let id = base;
      for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
      ids.add(id);
      return toDocument(id, group, tagger);
    })
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
}

function toDocument(id: string, [lead, ...twins]: IngestedFile[], tagger: TopicTagger): Document {
  const sections = buildSections(lead!.parsed.blocks, id);
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  for (const p of paragraphs) p.sources = [lead!.file];
  const sources: Source[] = [sourceOf(lead!, true)];
  for (const twin of twins) {
    const twinSections = buildSections(twin.parsed.blocks, id);
    const twinParagraphs = twinSections.flatMap((s) => s.paragraphs);
    const matches = alignParagraphs(
      paragraphs.map((p) => p.text),
      twinParagraphs.map((p) => p.text),
    );
    const located = locateRepairs(twinParagraphs, twin.repairs ?? []);
    located.forEach((sp, k) => {
      const match = paragraphs[matches[k]!];
      if (!match) return;
      sp.matches = match.id;
      if (!match.sources!.includes(twin.file)) match.sources!.push(twin.file);
    });
    const source = sourceOf(twin, false);
    source.paragraphs = placed(twinSections, located);
    sources.push(source);
  }
  for (const section of sections) for (const p of section.paragraphs) p.topics = tagger.tag({ text: p.text, heading: p.heading, sectionTitle: section.title });
  return { id, ...lead!.metadata, sources, sections };
}

/**
 * A twin's paragraphs in order, each marked with the section and sub-heading it opens; a section that
 * holds only subsections is an entry without text, so the twin's every heading is kept.
 */
function placed(sections: Section[], located: SourceParagraph[]): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  let k = 0;
  for (const section of sections) {
    const title = [section.number, section.title].filter(Boolean).join(' ');
    if (section.paragraphs.length === 0 && title) out.push({ text: '', repairs: [], section: title });
    let heading: string | undefined;
    section.paragraphs.forEach((p, i) => {
      const entry = located[k++]!;
      if (i === 0 && title) entry.section = title;
      if (p.heading && p.heading !== heading) entry.heading = p.heading;
      heading = p.heading;
      out.push(entry);
    });
  }
  return out;
}

function sourceOf(file: IngestedFile, canonical: boolean): Source {
  const source: Source = {
    file: file.file,
    kind: file.kind,
    canonical,
    encoding: file.encoding,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  if (file.repairs) source.repairs = summarizeRepairs(file.repairs);
  return source;
}
