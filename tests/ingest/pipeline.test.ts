import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus, Document } from '../../src/model/corpus.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import type { IngestReport } from '../../src/ingest/report.js';
import { normalizeFile } from '../../src/ingest/normalize.js';
import { readTextSource } from '../../src/ingest/read/read-source.js';

const CORPUS = 'corpus';

let corpus: Corpus;
let report: IngestReport;

beforeAll(async () => {
  ({ corpus, report } = await ingestCorpus({ corpusDir: CORPUS }));
});

function doc(id: string): Document {
  const found = corpus.documents.find((d) => d.id === id);
  if (!found) throw new Error(`no document ${id}`);
  return found;
}

const paragraphsOf = (d: Document) => d.sections.flatMap((s) => s.paragraphs);

/** A scratch corpus directory holding copies of the given seed files under new names. */
function scratchCorpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-corpus-'));
  copyFileSync(join(CORPUS, 'topics.json'), join(dir, 'topics.json'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const seeds = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));

describe('the real corpus', () => {
  test('becomes four documents with readable ids, the scanned letter merged into the clean one', () => {
    expect(corpus.documents.map((d) => d.id)).toEqual(['mdb-2024', 'mdb-2023', 'mdb-2019', 'arsrapport-2014']);
    const letter = doc('mdb-2024');
    expect(letter.sources.map((s) => [s.kind, s.canonical])).toEqual([
      ['markdown', true],
      ['ocr', false],
    ]);
  });

  test('metadata comes from the content, also for letters without a header', () => {
    expect(doc('mdb-2024')).toMatchObject({ type: 'mdb', year: 2024, date: '2024-02-19', saksnr: '23/36047-8' });
    expect(doc('mdb-2019')).toMatchObject({ type: 'mdb', year: 2019, date: '2019-02-19', saksnr: '18/3277-3' });
    expect(doc('mdb-2023')).toMatchObject({ type: 'mdb', year: 2023 });
    expect(doc('arsrapport-2014')).toMatchObject({ type: 'arsrapport', year: 2014 });
    for (const d of corpus.documents) expect(d.title).toMatch(/^(Mål- og disponeringsbrev|Årsrapport) \d{4}/u);
  });

  test('twin paragraphs list both sources; the scan keeps its own paragraphs, each pointing at its clean match', () => {
    const letter = doc('mdb-2024');
    const [clean, scan] = letter.sources;
    const paragraphs = paragraphsOf(letter);
    const both = paragraphs.filter((p) => p.sources?.includes(clean!.file) && p.sources.includes(scan!.file));
    expect(both.length / paragraphs.length).toBeGreaterThan(0.8);
    const ids = new Set(paragraphs.map((p) => p.id));
    const matched = scan!.paragraphs!.filter((p) => p.matches !== undefined);
    expect(matched.length / scan!.paragraphs!.length).toBeGreaterThan(0.8);
    for (const p of matched) expect(ids.has(p.matches!)).toBe(true);
  });

  test('sections by number, nested by level, and no paragraph the size of a page', () => {
    for (const d of corpus.documents) {
      for (const s of d.sections) {
        if (s.number) expect(s.level).toBe(s.number.split('.').length);
        for (const p of s.paragraphs) expect(p.text.length).toBeLessThan(2000);
      }
    }
    const titles = doc('mdb-2024').sections.map((s) => `${s.number} ${s.title}`);
    expect(titles).toContain('2.3.1 Brukermøtet');
  });

  test('at least 90% of body paragraphs carry a topic', () => {
    expect(report.topicCoverage).toBeGreaterThanOrEqual(0.9);
    expect(corpus.topics.length).toBeGreaterThanOrEqual(12);
  });

  test('paragraph ids are readable, unique and identical across re-ingests, whatever the files are called', async () => {
    const ids = corpus.documents.flatMap((d) => paragraphsOf(d).map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+-\d{4}\/[\p{Ll}\d.-]+$/u);

    const renamed = scratchCorpus(Object.fromEntries(seeds.map((f, k) => [`kilde-${seeds.length - k}.txt`, readFileSync(join(CORPUS, f))])));
    try {
      const again = (await ingestCorpus({ corpusDir: renamed })).corpus;
      expect(again.documents.flatMap((d) => paragraphsOf(d).map((p) => p.id))).toEqual(ids);
    } finally {
      rmSync(renamed, { recursive: true });
    }
  });
});

describe('nothing is lost', () => {
  /** Words as a reader counts them: markup, link targets, HTML entities and list bullets are not words. */
  function words(text: string): string[] {
    return (
      text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\]\([^)]*\)/g, ' ')
        .replace(/&[a-z]+;|&#\d+;/g, ' ')
        .replace(/^[ \t]*[o•▪][ \t]/gmu, ' ')
        .toLowerCase()
        .match(/\p{L}+|\d+/gu) ?? []
    );
  }

  function counts(list: string[]): Map<string, number> {
    const map = new Map<string, number>();
    for (const w of list) map.set(w, (map.get(w) ?? 0) + 1);
    return map;
  }

  function outputText(d: Document): string {
    const parts = [d.title, d.date ?? '', d.saksnr ?? ''];
    for (const s of d.sections) {
      parts.push(s.number, s.title, ...(s.footnotes ?? []).map((f) => f.number));
      for (const p of s.paragraphs) parts.push(p.heading ?? '', p.text, ...(p.footnotes ?? []).map((f) => f.number));
    }
    return parts.join('\n');
  }

  /** Words of `text` that `available` lacks; a word broken by a line-end hyphen counts whole or as its parts. */
  function missingWords(text: string, available: Map<string, number>): string[] {
    const joined = text.replace(/(\p{L}+)-[ \t]*\n\s*(\p{L}+)/gu, (all, head: string, tail: string) => {
      const whole = `${head}${tail}`.toLowerCase();
      return (available.get(whole) ?? 0) > 0 ? `${head}${tail}` : `${head} ${tail}`;
    });
    const missing: string[] = [];
    for (const [word, n] of counts(words(joined))) {
      // A footnote marker glued to a word ("arbeid2") is no longer counted as a number in the text.
      const needed = /^\d+$/.test(word) ? 1 : n;
      if ((available.get(word) ?? 0) < needed) missing.push(`${word} (${available.get(word) ?? 0}/${needed})`);
    }
    return missing;
  }

  const sources = seeds.map((file) => readTextSource(file, readFileSync(join(CORPUS, file))));
  const documentOf = (file: string) => corpus.documents.find((doc) => doc.sources.some((s) => s.file === file))!;
  const droppedWords = (file: string) => report.dropped.filter((x) => x.file === file).flatMap((x) => words(x.text));

  test.each(sources.filter((s) => s.kind !== 'ocr').map((s) => [s.file, s] as const))('every word of %s is in the corpus or in boilerplate the report names', (file, source) => {
    const available = counts([...words(outputText(documentOf(file))), ...droppedWords(file)]);
    expect(missingWords(source.text, available)).toEqual([]);
  });

  test.each(sources.filter((s) => s.kind === 'ocr').map((s) => [s.file, s] as const))('every word of the scan %s, as repaired, is in its own paragraphs and headings', async (file) => {
    const d = documentOf(file);
    const scan = d.sources.find((s) => s.file === file)!;
    expect(scan.paragraphs!.length).toBeGreaterThan(100);
    const available = counts([...scan.paragraphs!.flatMap((p) => words([p.section, p.heading, p.text].join('\n'))), ...droppedWords(file)]);
    const repaired = await normalizeFile(join(CORPUS, file), CORPUS);
    expect(missingWords(repaired, available)).toEqual([]);
  });
});

describe('bad files', () => {
  test('binary, empty and unparseable files are reported by name and skipped; the rest is ingested', async () => {
    const dir = scratchCorpus({
      'brev-2019.txt': readFileSync(join(CORPUS, 'maal-og-disponeringsbrev-2019.txt')),
      'bilde.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]),
      'tom.txt': '',
      'bare-tegn.txt': '--- *** ---\n\n###\n',
    });
    try {
      const { corpus: partial, report: partialReport } = await ingestCorpus({ corpusDir: dir });
      expect(partial.documents.map((d) => d.id)).toEqual(['mdb-2019']);
      for (const name of ['bilde.txt', 'tom.txt', 'bare-tegn.txt']) {
        expect(partialReport.warnings.some((w) => w.startsWith(`${name}:`))).toBe(true);
      }
      expect(partialReport.warnings).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('what a folder holds besides files — a folder, a link to nothing, a link loop — is reported by name, and the rest is ingested', async () => {
    const dir = scratchCorpus({ 'brev-2019.txt': readFileSync(join(CORPUS, 'maal-og-disponeringsbrev-2019.txt')) });
    try {
      mkdirSync(join(dir, 'mappe.txt'));
      symlinkSync(join(dir, 'finnes-ikke.txt'), join(dir, 'død-lenke.txt'));
      symlinkSync(join(dir, 'løkke-b.txt'), join(dir, 'løkke-a.txt'));
      symlinkSync(join(dir, 'løkke-a.txt'), join(dir, 'løkke-b.txt'));
      symlinkSync(join(dir, 'brev-2019.txt'), join(dir, 'lenke-til-brev.txt'));
      const { corpus: partial, report: partialReport } = await ingestCorpus({ corpusDir: dir });
      expect(partial.documents.map((d) => d.id)).toEqual(['mdb-2019']);
      // A link to a letter is that letter, read once as a twin of itself.
      expect(partial.documents[0]!.sources.map((s) => s.file).sort()).toEqual(['brev-2019.txt', 'lenke-til-brev.txt']);
      const warning = (name: string) => partialReport.warnings.find((w) => w.startsWith(`${name}:`));
      expect(warning('mappe.txt')).toMatch(/it is a folder/);
      expect(warning('død-lenke.txt')).toMatch(/link to something that is not there/);
      expect(warning('løkke-a.txt')).toMatch(/loop/);
      expect(warning('løkke-b.txt')).toMatch(/loop/);
      expect(partialReport.warnings).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('a file over the size limit is reported and left out', async () => {
    const dir = scratchCorpus({ 'brev-2019.txt': readFileSync(join(CORPUS, 'maal-og-disponeringsbrev-2019.txt')), 'stor.txt': 'x '.repeat(40_000) });
    try {
      const { corpus: partial, report: partialReport } = await ingestCorpus({ corpusDir: dir, maxFileBytes: 70_000 });
      expect(partial.documents.map((d) => d.id)).toEqual(['mdb-2019']);
      expect(partialReport.warnings).toEqual([expect.stringMatching(/^stor\.txt: skipped, 0\.1 MB is more than the limit/)]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

