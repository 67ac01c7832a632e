import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { words } from '../../../src/evaluation/word-accuracy.js';
import type { Corpus } from '../../../src/model/corpus.js';
import { ingestCorpus } from '../../../src/ingest/pipeline.js';
import { formatReport, type IngestReport } from '../../../src/ingest/report.js';

const CORPUS = 'corpus';
const SCAN = 'maal-og-disponeringsbrev-2024-skannet.txt';

/** The numbered section titles of the 2024 letter, word by word (the scan prints a dash the clean letter does not). */
const titlesOf = (corpus: Corpus) =>
  new Map(corpus.documents.find((d) => d.year === 2024)!.sections.filter((s) => s.number).map((s) => [s.number, words(s.title).join(' ')]));

let lone: { corpus: Corpus; report: IngestReport };
let whole: Corpus;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-lone-scan-'));
  try {
    copyFileSync(join(CORPUS, SCAN), join(dir, SCAN));
    copyFileSync(join(CORPUS, 'topics.json'), join(dir, 'topics.json'));
    lone = await ingestCorpus({ corpusDir: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  whole = (await ingestCorpus({ corpusDir: CORPUS })).corpus;
});

describe('a scan ingested with no other file', () => {
  test('gets every numbered section title right', () => {
    const reference = titlesOf(whole);
    const titles = titlesOf(lone.corpus);
    expect(titles.size).toBeGreaterThanOrEqual(15);
    for (const [number, title] of titles) expect({ number, title }).toEqual({ number, title: reference.get(number) });
  });

  test('the report lists the confusion table learned from it', () => {
    const [repairs] = lone.report.repairs;
    const rate = (meant: string, written: string) => repairs!.confusions.find((c) => c.meant === meant && c.written === written)?.probability ?? 0;
    expect(rate('ø', 'g')).toBeGreaterThan(0.6);
    expect(rate('å', 'a')).toBeGreaterThan(0.8);
    expect(rate('ø', 'o')).toBeLessThan(0.1);
    expect(formatReport(lone.report, 'out')).toMatch(/learned confusions \(letter meant → written\): å→a \d+ % \(\d+×\), ø→g/u);
  });
});
