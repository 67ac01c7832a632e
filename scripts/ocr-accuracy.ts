/**
 * How well OCR repair restores the scanned 2024 letter, and held-out damage of the other letters:
 * `npx tsx scripts/ocr-accuracy.ts [--errors]` (--errors lists the commonest words still wrong).
 * Bars: ≥ 97 % on the scan, ≥ 99 % on held-out damage, no change to clean text, repair under 2 s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { LanguageModel } from '../src/ingest/ocr/language-model.js';
import { loadLexicon } from '../src/ingest/ocr/lexicon.js';
import { normalizeFile } from '../src/ingest/normalize.js';
import { repairOcr } from '../src/ingest/ocr/repair.js';
import { sourceFiles } from '../src/ingest/read/corpus-folder.js';
import { readSource } from '../src/ingest/read/read-source.js';
import { wordAccuracy, words } from '../src/evaluation/word-accuracy.js';
import { damageOcr } from '../tests/helpers/ocr-damage.js';

const CORPUS = 'corpus';
const SCAN = 'maal-og-disponeringsbrev-2024-skannet.txt';
const SCAN_TWIN = 'maal-og-disponeringsbrev-2024.txt';
const HELD_OUT = ['maal-og-disponeringsbrev-2019.txt', 'maal-og-disponeringsbrev-2023-pdftekst.txt'];
const showErrors = process.argv.includes('--errors');

const sources = sourceFiles(CORPUS).map((file) => readSource(file, readFileSync(join(CORPUS, file))));
const clean = sources.filter((s) => s.kind !== 'ocr');
const textOf = (file: string) => sources.find((s) => s.file === file)!.text;
const lexicon = loadLexicon();
const percent = (x: number) => `${(100 * x).toFixed(2)} %`;

const scan = textOf(SCAN);
const twin = textOf(SCAN_TWIN);
const model = LanguageModel.fromTexts(clean.map((s) => s.text));
const started = performance.now();
repairOcr(scan, model, lexicon);
const took = performance.now() - started;
const normalized = normalizeFile(readFileSync(join(CORPUS, SCAN)), CORPUS);
console.log(`scan ${SCAN}: raw ${percent(wordAccuracy(scan, twin).accuracy)}, repaired ${percent(wordAccuracy(normalized, twin).accuracy)}, repair ${took.toFixed(0)} ms`);
if (showErrors) printErrors(normalized, twin);
// The same scan repaired as if its clean twin were not in the corpus: how a scan of another letter fares.
const withoutTwin = LanguageModel.fromTexts(clean.filter((s) => s.file !== SCAN_TWIN).map((s) => s.text));
console.log(`scan ${SCAN}, model without ${SCAN_TWIN}: repaired ${percent(wordAccuracy(repairOcr(scan, withoutTwin, lexicon).text, twin).accuracy)}`);

for (const source of clean) console.log(`clean ${source.file}: ${repairOcr(source.text, model, lexicon).repairs.length} words changed`);

for (const file of HELD_OUT) {
  const original = textOf(file);
  // Leave the letter out of the model: the repair must not have seen the words it restores.
  const others = LanguageModel.fromTexts(clean.filter((s) => s.file !== file).map((s) => s.text));
  const damaged = damageOcr(original, 2024);
  const repaired = repairOcr(damaged, others, lexicon).text;
  console.log(`held-out damage of ${file}: raw ${percent(wordAccuracy(damaged, original).accuracy)}, repaired ${percent(wordAccuracy(repaired, original).accuracy)}`);
  if (showErrors) printErrors(repaired, original);
}

/** The most frequent word differences left, as "repaired → reference". */
function printErrors(candidate: string, reference: string): void {
  const counts = new Map<string, number>();
  let removed: string[] = [];
  for (const change of diffArrays(words(candidate), words(reference))) {
    if (change.removed) removed = change.value;
    else {
      if (change.added) {
        const key = `${removed.join(' ')} → ${change.value.join(' ')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      removed = [];
    }
  }
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${n}× ${key}`);
}
