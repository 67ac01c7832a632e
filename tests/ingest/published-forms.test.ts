/**
 * A letter as NAV publishes it — a Word file (numbered in its text, or by Word's own heading
 * numbering), a saved web page, a born-digital PDF, a scan — dropped into the corpus folder becomes the
 * same sectioned document: its section numbers and titles, sub-headings, metadata, footnotes, list
 * items, table rows and its words; all of them together are one document with a source each. The
 * fixtures are made from letter-2019.md by scripts/fixtures/make-word-and-web-letters.ts and
 * make-published-letters.ts.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wordAccuracy } from '../../src/evaluation/word-accuracy.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { sniffKind } from '../../src/ingest/read/sniff.js';
import type { Document } from '../../src/model/corpus.js';

const FIXTURES = 'tests/fixtures/published';
const FORMS = [
  ['a Word file', 'letter-2019.docx', 'word'],
  ['a Word file numbered by its heading styles', 'letter-2019-numbered.docx', 'word'],
  ['a saved web page', 'letter-2019-web.html', 'html'],
  ['a born-digital PDF', 'letter-2019.pdf', 'pdf'],
  ['a scanned PDF', 'letter-2019-scan.pdf', 'pdf'],
] as const;
/** What each form is read as. */
const KIND: Record<string, string> = { 'letter-2019-scan.pdf': 'scan' };

async function ingestOne(file: string, as = file): Promise<Awaited<ReturnType<typeof ingestCorpus>>> {
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-forms-'));
  try {
    copyFileSync('corpus/topics.json', join(dir, 'topics.json'));
    copyFileSync(join(FIXTURES, file), join(dir, as));
    return await ingestCorpus({ corpusDir: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document's words in reading order: memo head, sections, sub-headings, paragraphs, footnotes. */
function documentText(d: Document): string {
  return d.sections.flatMap((s) => [s.number, s.title, ...s.paragraphs.flatMap((p, i) => [p.heading && p.heading !== s.paragraphs[i - 1]?.heading ? p.heading : '', p.text])]).join('\n');
}

describe.each(FORMS)('%s', (_, file, kind) => {
  let document: Document;

  beforeAll(async () => {
    // Named so that nothing can be taken from the name.
    const { corpus, report } = await ingestOne(file, 'dokument.bin');
    expect(report.warnings).toEqual([]);
    expect(corpus.documents).toHaveLength(1);
    document = corpus.documents[0]!;
  });

  test('is recognised by its bytes', () => {
    expect(sniffKind(readFileSync(join(FIXTURES, file)))).toBe(kind);
    expect(document.sources[0]).toMatchObject({ file: 'dokument.bin', kind: KIND[file] ?? kind, canonical: true });
  });

  test('has its metadata from its text', () => {
    expect(document).toMatchObject({ id: 'mdb-2019', type: 'mdb', year: 2019, date: '2019-02-19', saksnr: '18/3277-3', title: 'Mål- og disponeringsbrev 2019 til NAV fylke' });
  });

  test('has its numbered sections, titles and unnumbered sub-headings', () => {
    const sections = document.sections.filter((s) => s.number).map((s) => `${s.number} ${s.title}`);
    expect(sections).toEqual([
      '1 Hovedprioriteringer for Arbeid- og tjenestelinjen 2019',
      '2 Mål og strategier for fylkene 2019',
      '2.1 Gjennomføre regjeringens inkluderingsdugnad',
      '2.2 Økt inkludering av utsatte grupper på arbeidsmarkedet',
      '2.2.1 Flere unge i arbeid og utdanning',
      '2.2.2 Forsterket oppfølging av langtidsledige som nærmer seg slutten av dagpengeperioden',
      '3 Planlegging, resultatoppfølging og styringsparametere',
      '3.1 Styringsparametere for 2019',
    ]);
    const headings = new Set(document.sections.flatMap((s) => s.paragraphs.map((p) => p.heading)));
    expect(headings).toContain('Økt inkludering av utsatte grupper på arbeidsmarkedet');
    expect(headings).toContain('Innsats som kombinerer helse- og arbeidsrettet oppfølging');
  });

  test('has its footnotes, each linked from the word it annotates', () => {
    const notes = document.sections.find((s) => s.role === 'footnotes')!.paragraphs;
    expect(notes.map((p) => p.text)).toEqual([
      'I praksis vil dette si flyktninger og familieinnvandring fra Asia og Afrika.',
      'Det tilsettes en prosjektleder i hver av de tre fylkene.',
      'For personer med situasjonsbestemt innsatsbehov vil fastsatt refusjonssats være 40 % og for personer med spesielt tilpasset innsatsbehov vil refusjonssats være 60 %.',
      'Innen 8 uker fra registrering.',
    ]);
    const cites = document.sections.flatMap((s) => s.paragraphs).filter((p) => p.footnotes?.some((f) => f.number === '4'));
    expect(cites).toHaveLength(1);
    const at = cites[0]!.footnotes!.find((f) => f.number === '4')!.at;
    expect(cites[0]!.text.slice(0, at)).toMatch(/fra NAV-kontoret$/);
  });

  test('has its list items and its table rows', () => {
    const texts = document.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(texts.some((t) => t.includes('\n- Følge opp avtaler mellom virksomheter og NAV.'))).toBe(true);
    expect(texts.some((t) => /  - lønnstilskudd/.test(t))).toBe(true);
    expect(texts).toContain(
      [
        'Styringsparametere | Resultatkrav',
        'Andel arbeidssøkere med overgang til arbeid; Andel personer med nedsatt arbeidsevne med overgang til arbeid | Skal øke sammenlignet med samme periode i fjor',
        'Antall formidlinger totalt og fordelt på innsatsbehov | Skal øke sammenlignet med samme periode i fjor',
        'Andel med gradert sykmelding ved passering 12 uker | Skal minst være på samme nivå som samme periode i fjor',
        'Andel brukere med arbeidsrettet aktivitet | Skal øke i løpet av året',
      ].join('\n'),
    );
  });

  test('keeps at least 99 % of the letter’s words', () => {
    const reference = readFileSync(join(FIXTURES, 'letter-2019-plain.txt'), 'utf8').replace(/\[\d+\]/g, ' ').replace(/^\s*-\s/gm, ' ');
    const text = documentText(document).replace(/^\s*-\s/gm, ' ').replace(/ \| /g, ' ');
    expect(wordAccuracy(text, reference).accuracy).toBeGreaterThanOrEqual(0.99);
  });
});

test('a saved web page leaves the site around the letter out, and names what it left', async () => {
  const { report, corpus } = await ingestOne('letter-2019-web.html');
  const left = report.dropped.map((d) => d.what);
  expect(left).toEqual(expect.arrayContaining([expect.stringMatching(/^site navigation/), expect.stringMatching(/^site header/), expect.stringMatching(/^site footer/), expect.stringMatching(/cookie/)]));
  const all = corpus.documents[0]!.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
  expect(all).not.toMatch(/Godta alle|Privatperson|Org\.nr\.|Relaterte dokumenter/);
});

test('the same letter in every form is one document, the Word file its text, every form a source of each paragraph', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-forms-'));
  try {
    copyFileSync('corpus/topics.json', join(dir, 'topics.json'));
    for (const [, file] of FORMS) copyFileSync(join(FIXTURES, file), join(dir, file));
    const { corpus, report } = await ingestCorpus({ corpusDir: dir });
    expect(report.warnings).toEqual([]);
    expect(corpus.documents).toHaveLength(1);
    const [letter] = corpus.documents;
    expect(letter!.sources.filter((s) => s.canonical).map((s) => s.kind)).toEqual(['word']);
    expect(letter!.sources.map((s) => s.kind).sort()).toEqual(['html', 'pdf', 'scan', 'word', 'word']);
    const paragraphs = letter!.sections.filter((s) => s.number).flatMap((s) => s.paragraphs);
    const inAll = paragraphs.filter((p) => p.sources?.length === FORMS.length);
    expect(inAll.length / paragraphs.length).toBeGreaterThan(0.9);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('files that are not what they seem', () => {
  test('a zip that is not Word, a damaged Word file, an empty file, a truncated and an encrypted PDF are reported by name; the rest is ingested', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'styringssok-bad-'));
    try {
      copyFileSync('corpus/topics.json', join(dir, 'topics.json'));
      copyFileSync(join(FIXTURES, 'letter-2019.docx'), join(dir, 'brev.docx'));
      const docx = readFileSync(join(FIXTURES, 'letter-2019.docx'));
      writeFileSync(join(dir, 'ødelagt.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
      writeFileSync(join(dir, 'arkiv.zip'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]));
      writeFileSync(join(dir, 'tom.docx'), '');
      const pdf = readFileSync(join(FIXTURES, 'letter-2019.pdf'));
      writeFileSync(join(dir, 'avkortet.pdf'), pdf.subarray(0, Math.floor(pdf.length / 3)));
      copyFileSync(join(FIXTURES, 'letter-2019-encrypted.pdf'), join(dir, 'låst.pdf'));
      const { corpus, report } = await ingestCorpus({ corpusDir: dir });
      expect(corpus.documents.map((d) => d.id)).toEqual(['mdb-2019']);
      const warning = (name: string) => report.warnings.find((w) => w.startsWith(`${name}:`));
      expect(warning('arkiv.zip')).toMatch(/zip archive, not a Word document/);
      expect(warning('ødelagt.docx')).toMatch(/Word file cannot be read/);
      expect(warning('tom.docx')).toMatch(/empty/);
      expect(warning('avkortet.pdf')).toMatch(/truncated/);
      expect(warning('låst.pdf')).toMatch(/encrypted/);
      expect(report.warnings).toHaveLength(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
