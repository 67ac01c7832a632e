/**
 * Ingested files → Documents. Sources of one type and year that share nearly all their words are one
 * document (a clean text and its scan): the cleanest shape leads and its text is the document's; the
 * others are kept as sources, each paragraph linked to the one it matches. Ids are `<type>-<year>`.
 */
import { createHash } from 'node:crypto';
import type { Document, Source, SourceKind } from '../../model/corpus.js';
import type { IngestedFile } from '../ingested-file.js';
import { blocksText } from '../parse/blocks.js';
import { locateRepairs, summarizeRepairs } from './scan-repairs.js';
import { buildSections } from './sections.js';
import type { TopicTagger } from './topics.js';
import { alignParagraphs, textSimilarity, TWIN_SIMILARITY } from './twins.js';

/** Which shape leads among twins: the one whose text needed the least guessing. */
const CLEANLINESS: Record<SourceKind, number> = { markdown: 0, 'pdf-text': 1, 'web-transcript': 2, ocr: 3 };

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
    const twinParagraphs = buildSections(twin.parsed.blocks, id).flatMap((s) => s.paragraphs);
    const matches = alignParagraphs(
      paragraphs.map((p) => p.text),
      twinParagraphs.map((p) => p.text),
    );
    const source = sourceOf(twin, false);
    source.paragraphs = locateRepairs(twinParagraphs, twin.repairs ?? []).map((sp, k) => {
      const match = paragraphs[matches[k]!];
      if (match) {
        sp.matches = match.id;
        if (!match.sources!.includes(twin.file)) match.sources!.push(twin.file);
      }
      return sp;
    });
    sources.push(source);
  }
  for (const section of sections) for (const p of section.paragraphs) p.topics = tagger.tag({ text: p.text, heading: p.heading, sectionTitle: section.title });
  return { id, ...lead!.metadata, sources, sections };
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
