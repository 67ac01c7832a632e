/**
 * How well OCR repair restores text, bar by bar: `npx tsx scripts/ocr-accuracy.ts [--errors] [--only NAME]`
 * (--errors lists the commonest words still wrong; --only runs the rows whose name contains NAME).
 * - the scanned 2024 letter, with and without its clean twin in the model (bars 98.5 % and 98.3 %);
 * - clean letters pass unchanged (0 words);
 * - synthetic damage of the 2019 and 2023 letters, the seed scan's engine and Tesseract's English model,
 *   each letter left out of the model (bar 99.3 % for English);
 * - Norwegian from outside NAV (tests/fixtures/ocr) damaged the same way (bar 99 %);
 * - real English-model Tesseract OCR of the 2019 and 2024 letters (each left out of the model) and of the
 *   Norwegian from outside NAV (tests/fixtures/ocr);
 * - a lone scan ingested with no other file: its numbered section titles against the clean letter's;
 * - the repair time of the scan (best of three, the lexicon and prior loaded).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { LanguageModel } from '../src/ingest/ocr/language-model.js';
import { loadLexicon } from '../src/ingest/ocr/lexicon.js';
import { loadNorwegianPrior } from '../src/ingest/ocr/norwegian-prior.js';
import { normalizeFile } from '../src/ingest/normalize.js';
import { ingestCorpus } from '../src/ingest/pipeline.js';
import { repairOcr } from '../src/ingest/ocr/repair.js';
import { sourceFiles } from '../src/ingest/read/corpus-folder.js';
import { readTextSource } from '../src/ingest/read/read-source.js';
import { wordAccuracy, words } from '../src/evaluation/word-accuracy.js';
import { damageOcr, ENGLISH_TESSERACT, SEED_SCAN } from '../tests/helpers/ocr-damage.js';

const CORPUS = 'corpus';
const FIXTURES = 'tests/fixtures/ocr';
const SCAN = 'maal-og-disponeringsbrev-2024-skannet.txt';
const SCAN_TWIN = 'maal-og-disponeringsbrev-2024.txt';
const HELD_OUT = ['maal-og-disponeringsbrev-2019.txt', 'maal-og-disponeringsbrev-2023-pdftekst.txt'];
const OUTSIDE_NAV = 'ud-norwegian-bokmaal-test.txt';
const OUTSIDE_NAV_OCR = 'ud-norwegian-bokmaal-test-tesseract-eng.txt';
const REAL_OCR: [ocr: string, clean: string][] = [
  ['maal-og-disponeringsbrev-2019-tesseract-eng.txt', 'maal-og-disponeringsbrev-2019.txt'],
  ['maal-og-disponeringsbrev-2024-tesseract-eng.txt', 'maal-og-disponeringsbrev-2024.txt'],
];
const PROFILES = { 'seed scan': SEED_SCAN, 'English Tesseract': ENGLISH_TESSERACT };
const showErrors = process.argv.includes('--errors');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]! : '';

const sources = sourceFiles(CORPUS).map((file) => readTextSource(file, readFileSync(join(CORPUS, file))));
const clean = sources.filter((s) => s.kind !== 'ocr');
const textOf = (file: string) => sources.find((s) => s.file === file)!.text;
const fixture = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const lexicon = loadLexicon();
const prior = loadNorwegianPrior();
const percent = (x: number) => `${(100 * x).toFixed(2)} %`;
const modelWithout = (file?: string) => LanguageModel.fromTexts(clean.filter((s) => s.file !== file).map((s) => s.text));
const model = modelWithout();

/** A row of the report, run when `--only` names it. */
async function row(name: string, measure: () => string | Promise<string>): Promise<void> {
  if (only && !name.includes(only)) return;
  console.log(`${name}: ${await measure()}`);
}

function repaired(name: string, damaged: string, reference: string, withModel: LanguageModel): string {
  const { text, confusions } = repairOcr(damaged, withModel, lexicon, prior);
  if (showErrors) {
    console.log(`  learned: ${confusions.slice(0, 16).map((c) => `${c.meant}→${c.written || '∅'} ${(100 * c.probability).toFixed(1)}%`).join(', ')}`);
    printErrors(text, reference);
  }
  return `raw ${percent(wordAccuracy(damaged, reference).accuracy)}, repaired ${percent(wordAccuracy(text, reference).accuracy)}`;
}

const scan = textOf(SCAN);
const twin = textOf(SCAN_TWIN);
await row(`scan ${SCAN}`, async () => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    repairOcr(scan, model, lexicon, prior);
    times.push(performance.now() - started);
  }
  const normalized = await normalizeFile(join(CORPUS, SCAN), CORPUS);
  if (showErrors) printErrors(normalized, twin);
  return `raw ${percent(wordAccuracy(scan, twin).accuracy)}, repaired ${percent(wordAccuracy(normalized, twin).accuracy)} (${percent(wordAccuracy(normalized, printedWords(twin)).accuracy)} against the letter without its markup), repair ${Math.min(...times).toFixed(0)} ms`;
});
// The same scan repaired as if its clean twin were not in the corpus: how a scan of another letter fares.
await row(`scan ${SCAN}, model without ${SCAN_TWIN}`, () => {
  const text = repairOcr(scan, modelWithout(SCAN_TWIN), lexicon, prior).text;
  if (showErrors) printErrors(text, twin);
  return `repaired ${percent(wordAccuracy(text, twin).accuracy)} (${percent(wordAccuracy(text, printedWords(twin)).accuracy)} against the letter without its markup)`;
});

for (const source of clean) await row(`clean ${source.file}`, () => `${repairOcr(source.text, model, lexicon, prior).repairs.length} words changed`);

for (const [profile, damage] of Object.entries(PROFILES)) {
  for (const file of HELD_OUT) {
    // Leave the letter out of the model: the repair must not have seen the words it restores.
    await row(`${profile} damage of ${file}`, () => repaired(file, damageOcr(textOf(file), 2024, damage), textOf(file), modelWithout(file)));
  }
  await row(`${profile} damage of ${OUTSIDE_NAV}`, () => repaired(OUTSIDE_NAV, damageOcr(fixture(OUTSIDE_NAV), 2024, damage), fixture(OUTSIDE_NAV), model));
}

// A printed letter shows no markup: what its OCR is scored against is the letter's words as printed.
for (const [ocr, original] of REAL_OCR) await row(`real OCR ${ocr}`, () => repaired(ocr, fixture(ocr), printedWords(textOf(original)), modelWithout(original)));
await row(`real OCR ${OUTSIDE_NAV_OCR}`, () => repaired(OUTSIDE_NAV_OCR, fixture(OUTSIDE_NAV_OCR), fixture(OUTSIDE_NAV), model));

await row('lone scan, numbered section titles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-lone-scan-'));
  try {
    copyFileSync(join(CORPUS, SCAN), join(dir, SCAN));
    copyFileSync(join(CORPUS, 'topics.json'), join(dir, 'topics.json'));
    const lone = (await ingestCorpus({ corpusDir: dir })).corpus.documents[0]!.sections.filter((s) => s.number);
    const reference = (await ingestCorpus({ corpusDir: CORPUS })).corpus.documents.find((d) => d.year === 2024)!;
    // Word by word, as word accuracy reads them: the scan prints a dash the clean letter does not.
    const titles = new Map(reference.sections.map((s) => [s.number, s.title]));
    const wrong = lone.filter((s) => words(titles.get(s.number) ?? '').join(' ') !== words(s.title).join(' '));
    for (const s of wrong) console.log(`  ${s.number} "${s.title}" ≠ "${titles.get(s.number)}"`);
    return `${lone.length - wrong.length} of ${lone.length} right`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The clean letter's inline HTML is never printed, so no scan has it: the letter as printed. */
function printedWords(text: string): string {
  return text.replace(/<[^<>\n]*>/gu, ' ');
}

/** The most frequent word differences left, as "repaired → reference". */
function printErrors(candidate: string, reference: string): void {
  const counts = new Map<string, number>();
  let removed: string[] = [];
  for (const change of diffArrays(words(candidate), words(reference))) {
    if (change.removed) removed = change.value;
    else {
      if (change.added && removed.length <= 3 && change.value.length <= 3) {
        const key = `${removed.join(' ')} → ${change.value.join(' ')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      removed = [];
    }
  }
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${n}× ${key}`);
}
