import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { ingestCorpus } from '../../src/ingest/pipeline.js';

const CORPUS = 'corpus';
const seeds = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(CORPUS, f)));

/** The ways a file arrives broken: cut short, bytes flipped, re-encoded, double-encoded, emptied. */
const corruption = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), positions: fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('latin1' as const) }),
  fc.record({ kind: fc.constant('double-utf8' as const) }),
  fc.record({ kind: fc.constant('empty' as const) }),
);

type Corruption = typeof corruption extends fc.Arbitrary<infer T> ? T : never;

function corrupt(bytes: Buffer, how: Corruption): Buffer {
  switch (how.kind) {
    case 'truncate':
      return bytes.subarray(0, Math.floor(bytes.length * how.at));
    case 'flip': {
      const copy = Buffer.from(bytes);
      for (const p of how.positions) copy[p % copy.length] = how.byte;
      return copy;
    }
    case 'latin1':
      return iconv.encode(bytes.toString('utf8'), 'win1252');
    case 'double-utf8':
      return Buffer.from(iconv.decode(bytes, 'latin1'), 'utf8');
    case 'empty':
      return Buffer.alloc(0);
  }
}

test('ingest of randomly corrupted seeds never throws and accounts for every file', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(seeds.length - 1), corruption), { minLength: 1, maxLength: 3 }), async (files) => {
      const dir = mkdtempSync(join(tmpdir(), 'styringssok-corrupt-'));
      try {
        copyFileSync(join(CORPUS, 'topics.json'), join(dir, 'topics.json'));
        const names = files.map(([seed, how], k) => {
          const name = `fil-${k}-${how.kind}.txt`;
          writeFileSync(join(dir, name), corrupt(seeds[seed]!, how));
          return name;
        });
        const { corpus, report } = await ingestCorpus({ corpusDir: dir });
        const ingested = new Set(corpus.documents.flatMap((d) => d.sources.map((s) => s.file)));
        for (const name of names) {
          const warned = report.warnings.some((w) => w.startsWith(`${name}:`));
          expect(ingested.has(name) !== warned).toBe(true);
        }
        for (const d of corpus.documents) for (const s of d.sections) for (const p of s.paragraphs) expect(p.text.trim()).not.toBe('');
      } finally {
        rmSync(dir, { recursive: true });
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);
