import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus, Document, Paragraph, RepairSummary, Source, SourceKind, SourceParagraph } from '../model.js';
import type { Block, Dropped, ParsedSource } from './blocks.js';
import { UnreadableSourceError } from './decode.js';
import { LanguageModel } from './language-model.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { extractMetadata, type Metadata } from './metadata.js';
import { repairOcr, type Repair } from './ocr-repair.js';
import { readSource, sourceFiles, TAXONOMY_FILE, type ReadSource } from './read-source.js';
import { parseMarkdown } from './parse-markdown.js';
import { parsePlainText } from './parse-plain-text.js';
import { parseWebTranscript } from './parse-web-transcript.js';
import { buildSections } from './sections.js';
import { loadTaxonomy, TopicTagger } from './topics.js';
import { alignParagraphs, textSimilarity, TWIN_SIMILARITY } from './twins.js';
import { codeFingerprint } from './code-fingerprint.js';

/**
 * The ingest pipeline: every file of a corpus directory → one clean, sectioned Corpus. Steps run in
 * order — read and decode, detect the shape, repair OCR, parse into blocks, read metadata, merge twins,
 * build sections and paragraphs, tag topics — and a file that fails any step is reported by name while
 * the others go on.
 */
export interface IngestOptions {
  corpusDir: string;
  /** The topic taxonomy; defaults to `topics.json` in the corpus directory. */
  taxonomyPath?: string;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  step: string;
  done: number;
  total: number;
  file?: string;
}

export interface IngestReport {
  documents: { id: string; title: string; sources: string[]; sections: number; paragraphs: number }[];
  /** Files that could not be ingested, with why. */
  warnings: string[];
  repairs: ({ file: string } & RepairSummary)[];
  /** Boilerplate left out on purpose. */
  dropped: ({ file: string } & Dropped)[];
  /** Share of body paragraphs (those in numbered sections) with at least one topic. */
  topicCoverage: number;
  ms: number;
}

interface ParsedFile extends ReadSource {
  parsed: ParsedSource;
  metadata: Metadata;
  repairs?: Repair[];
}

export function ingestCorpus(options: IngestOptions): { corpus: Corpus; report: IngestReport } {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const taxonomyPath = options.taxonomyPath ?? join(options.corpusDir, TAXONOMY_FILE);
  const warnings: string[] = [];

  const files = sourceFiles(options.corpusDir);
  const total = files.length * 2 + 2;
  let done = 0;

  const read: ReadSource[] = [];
  const contents: { file: string; bytes: Buffer }[] = [];
  for (const file of files) {
    progress({ step: 'read', done: done++, total, file });
    const bytes = readFileSync(join(options.corpusDir, file));
    contents.push({ file, bytes });
    try {
      read.push(readSource(file, bytes));
    } catch (error) {
      if (!(error instanceof UnreadableSourceError)) throw error;
      warnings.push(`${file}: skipped, ${error.message}`);
    }
  }

  const language = languageOf(read);

  const parsed: ParsedFile[] = [];
  for (const source of read) {
    progress({ step: source.kind === 'ocr' ? 'repair + parse' : 'parse', done: done++, total, file: source.file });
    try {
      parsed.push(parseSource(source, language));
    } catch (error) {
      warnings.push(`${source.file}: skipped, could not be parsed (${(error as Error).message})`);
    }
  }
  done += files.length - read.length;

  progress({ step: 'sections, twins, topics', done: done++, total });
  const taxonomy = loadTaxonomy(taxonomyPath);
  const documents = assembleDocuments(parsed, new TopicTagger(taxonomy));

  const corpus: Corpus = {
    builtAt: new Date().toISOString(),
    fingerprint: fingerprintOf(contents, readFileSync(taxonomyPath)),
    topics: taxonomy.topics.map(({ id, label }) => ({ id, label })),
    documents,
  };
  progress({ step: 'done', done: total, total });

  return { corpus, report: buildReport(corpus, parsed, warnings, performance.now() - started) };
}

/**
 * A fingerprint of the corpus directory as it is now, without ingesting it: equal to the `fingerprint`
 * of the corpus.json built from it, so a stale index is noticed.
 */
export function corpusFingerprint(corpusDir: string, taxonomyPath = join(corpusDir, TAXONOMY_FILE)): string {
  const contents = sourceFiles(corpusDir).map((file) => ({ file, bytes: readFileSync(join(corpusDir, file)) }));
  return fingerprintOf(contents, readFileSync(taxonomyPath));
}

function fingerprintOf(contents: { file: string; bytes: Buffer }[], taxonomy: Buffer): string {
  const hash = createHash('sha256');
  for (const { file, bytes } of contents) hash.update(file).update(createHash('sha256').update(bytes).digest());
  return hash.update(taxonomy).update(codeFingerprint()).digest('hex');
}


/** What OCR repair and line-end hyphenation know of the language: a lexicon and the corpus's clean sources. */
export interface Language {
  lexicon: Lexicon;
  model: LanguageModel;
  isWord: (word: string) => boolean;
}

export function languageOf(sources: ReadSource[]): Language {
  const cleanTexts = sources.filter((s) => s.kind !== 'ocr').map((s) => s.text);
  const lexicon = loadLexicon();
  return { lexicon, model: LanguageModel.fromTexts(cleanTexts), isWord: knownWords(cleanTexts, lexicon) };
}

function parseSource(source: ReadSource, { model, lexicon, isWord }: Language): ParsedFile {
  let text = source.text;
  let repairs: Repair[] | undefined;
  if (source.kind === 'ocr') {
    const repaired = repairOcr(text, model, lexicon);
    text = repaired.text;
    repairs = repaired.repairs;
  }
  const parsed =
    source.kind === 'markdown'
      ? parseMarkdown(text)
      : source.kind === 'web-transcript'
        ? parseWebTranscript(text)
        : parsePlainText(text, { isWord });
  if (!parsed.blocks.some((b) => (b.kind === 'text' || b.kind === 'list') && /\p{L}{2}/u.test(b.kind === 'text' ? b.text : b.items[0]?.text ?? ''))) {
    throw new Error('no paragraphs of text found');
  }
  return { ...source, text, parsed, metadata: extractMetadata(blocksText(parsed.blocks)), repairs };
}

/** A word the corpus or the lexicon knows, as written or in lower case. */
function knownWords(texts: string[], lexicon: Lexicon): (word: string) => boolean {
  const words = new Set<string>();
  for (const text of texts) for (const w of text.match(/[\p{L}\d]+(?:-[\p{L}\d]+)*/gu) ?? []) words.add(w.toLowerCase());
  return (word) => words.has(word.toLowerCase()) || lexicon.has(word);
}

function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.kind === 'heading' || b.kind === 'text' ? b.text : b.kind === 'list' ? b.items.map((i) => i.text).join('\n') : ''))
    .join('\n');
}

/** Sources of one type and year that share nearly all their words are one document: the clean text leads. */
function assembleDocuments(parsed: ParsedFile[], tagger: TopicTagger): Document[] {
  const rank: Record<SourceKind, number> = { markdown: 0, 'pdf-text': 1, 'web-transcript': 2, ocr: 3 };
  const ordered = [...parsed].sort((a, b) => rank[a.kind] - rank[b.kind] || a.file.localeCompare(b.file));
  const groups: ParsedFile[][] = [];
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

function toDocument(id: string, [lead, ...twins]: ParsedFile[], tagger: TopicTagger): Document {
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

function sourceOf(file: ParsedFile, canonical: boolean): Source {
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
function locateRepairs(paragraphs: Paragraph[], repairs: Repair[]): SourceParagraph[] {
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

function buildReport(corpus: Corpus, parsed: ParsedFile[], warnings: string[], ms: number): IngestReport {
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
    repairs: parsed.filter((p) => p.repairs).map((p) => ({ file: p.file, ...summarizeRepairs(p.repairs!) })),
    dropped: parsed.flatMap((p) => p.parsed.dropped.map((d) => ({ file: p.file, ...d }))),
    topicCoverage: body.length ? body.filter((p) => p.topics.length > 0).length / body.length : 1,
    ms,
  };
}
