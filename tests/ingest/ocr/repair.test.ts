import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageModel } from '../../../src/ingest/ocr/language-model.js';
import { loadLexicon } from '../../../src/ingest/ocr/lexicon.js';
import { normalizeFile } from '../../../src/ingest/normalize.js';
import { looksLikeOcrDamage, repairOcr, type Repair } from '../../../src/ingest/ocr/repair.js';
import { sourceFiles } from '../../../src/ingest/read/corpus-folder.js';
import { readTextSource } from '../../../src/ingest/read/read-source.js';
import { wordAccuracy } from '../../../src/evaluation/word-accuracy.js';
import { damageOcr } from '../../helpers/ocr-damage.js';

const lexicon = loadLexicon();

/** A few clean sentences: all the corpus a context decision has to go on. */
const small = LanguageModel.fromTexts([
  'Unge brukere skal få tildelt en fast veileder. Hvert kontor får tildelt midler til oppfølging.',
  'Det er viktig for å lykkes med arbeidet. Målet er å gi god støtte på alle områder.',
  'Brukerne får hjelp til å komme i arbeid og til å beholde det.',
  'Arbeidet skal gjøres i løpet av året. Vi må følge opp brukerne når de søker arbeid.',
  'Min far er lege, og han bor i Øst-Europa. EØS-området er stort.',
]);
const repaired = (text: string, model = small) => repairOcr(text, model, lexicon).text;

/** The scanned text back from the repaired one: every repair undone at its offsets. */
function undo(text: string, repairs: Repair[]): string {
  let out = text;
  for (const r of [...repairs].reverse()) out = out.slice(0, r.start) + r.from + out.slice(r.end);
  return out;
}

describe('repairOcr: each misreading undone', () => {
  test.each([
    ['ø read as g', 'Vi skal sgrge for god oppfglging.', 'Vi skal sørge for god oppfølging.'],
    ['ø read as e, a and p', 'Arbeidsspkere får god oppfelging og oppfalging.', 'Arbeidssøkere får god oppfølging og oppfølging.'],
    ['ø read as @ in a word', 'Dette ma gj@res snart.', 'Dette må gjøres snart.'],
    ['Ø read as @', 'Personer fra @st-Europa og E@S-omradet. @konomien er god.', 'Personer fra Øst-Europa og EØS-området. Økonomien er god.'],
    ['å read as a', 'Det er viktig a gi stgtte pa alle omrader.', 'Det er viktig å gi støtte på alle områder.'],
    ['å read as 3, 8 and &', 'Bistand til 3 komme i arbeid, til 8 beholde arbeid og for & lykkes.', 'Bistand til å komme i arbeid, til å beholde arbeid og for å lykkes.'],
    ['å read as d', 'Disse mdlgruppene skal prioriteres.', 'Disse målgruppene skal prioriteres.'],
    ['æ read as ae and ee', 'Det vil veere sveert viktig for sykefravaersoppfglging.', 'Det vil være svært viktig for sykefraværsoppfølging.'],
    ['æ read as ze and eae', 'Dette vil innebzere tilrettelagt oppleaering.', 'Dette vil innebære tilrettelagt opplæring.'],
    ['l read as I', 'Arbeidet skal gjøres i Igpet av aret.', 'Arbeidet skal gjøres i løpet av året.'],
    ['I read as |', '| 2024 skal vi gj re mer.', 'I 2024 skal vi gjøre mer.'],
    ['a word split where ø was lost', 'Vi skal gj re mer og videreutvikle E S-samarbeidet.', 'Vi skal gjøre mer og videreutvikle EØS-samarbeidet.'],
    ['å lost at the end of a word', 'Slik at s mange som mulig kommer i arbeid.', 'Slik at så mange som mulig kommer i arbeid.'],
  ])('%s', (_rule, scanned, clean) => {
    expect(repaired(scanned)).toBe(clean);
  });

  test('a compound written once may be two words that lost their space; written so again and again it stays', () => {
    const once = 'Selvom det er viktig, får brukerne hjelp.';
    expect(repaired(once)).toBe('Selv om det er viktig, får brukerne hjelp.');
    expect(repaired(`${once} ${once} ${once}`)).toBe(`${once} ${once} ${once}`);
  });

  test('a name may be a compound, where the scan shows its misreadings in other words', () => {
    expect(repaired('Forsøket med Lgsningsteam skal fortsette, og vi skal sgrge for god oppfglging.')).toBe(
      'Forsøket med Løsningsteam skal fortsette, og vi skal sørge for god oppfølging.',
    );
    expect(repaired('Forsøket med Lgsningsteam skal fortsette.')).toBe('Forsøket med Lgsningsteam skal fortsette.');
  });

  test('a word broken by a line-end hyphen is spelled whole, the hyphen left in place', () => {
    const { text, repairs } = repairOcr('Arbeidet med oppfgl-\ngingen fortsetter.', small, lexicon);
    expect(text).toBe('Arbeidet med oppføl-\ngingen fortsetter.');
    expect(repairs).toEqual([{ start: 13, end: 19, from: 'oppfgl', to: 'oppføl' }]);
  });
});

describe('repairOcr: words valid both ways are decided by their neighbours', () => {
  test.each([
    ['skal fa tildelt', 'skal få tildelt'],
    ['Kontoret far tildelt midler.', 'Kontoret får tildelt midler.'],
    ['Det er viktig for a lykkes.', 'Det er viktig for å lykkes.'],
    ['Vi ma folge opp brukerne nar de soker arbeid.', 'Vi må følge opp brukerne når de søker arbeid.'],
  ])('%s', (scanned, clean) => {
    expect(repaired(scanned)).toBe(clean);
  });

  test('a word the corpus uses as written stays', () => {
    expect(repaired('Min far er lege.')).toBe('Min far er lege.');
  });

  test('the same scanned word goes either way when the corpus says so', () => {
    const model = LanguageModel.fromTexts(['Planen er en mal for arbeidet. Vi bruker samme mal hvert år.', 'Målet er nådd.']);
    expect(repaired('Vi bruker samme mal.', model)).toBe('Vi bruker samme mal.');
    expect(repaired('Malet er nadd.', model)).toBe('Målet er nådd.');
  });

  test('a rare listed word may be a common one that lost a letter, where its neighbours clearly say so', () => {
    const model = LanguageModel.fromTexts([
      'Flere unge skal være i arbeid eller utdanning. Brukere i arbeid eller utdanning får hjelp.',
      'Brukere med helseproblemer og/eller fravær får hjelp.',
    ]);
    expect(repaired('Flere skal i arbeid eler utdanning.', model)).toBe('Flere skal i arbeid eller utdanning.');
    expect(repaired('Brukere med funksjonsnedsettelse og/eler fravær får hjelp.', model)).toBe(
      'Brukere med funksjonsnedsettelse og/eller fravær får hjelp.',
    );
    expect(repaired('Han er eler.', model)).toBe('Han er eler.');
  });

  test('a rare listed word gets no letter at its end, nor a spelling only the corpus has', () => {
    const model = LanguageModel.fromTexts([
      'Styringsparametere for 2024 er fastsatt. Vi følger styringsparametere nøye.',
      'Innenfor rammene av programmet får brukerne hjelp. Innenfor rammene av budsjettet.',
    ]);
    expect(repaired('Innenfor rammen av programmet får brukerne hjelp.', model)).toBe('Innenfor rammen av programmet får brukerne hjelp.');
    expect(repaired('Styringsparametre for 2024 er fastsatt.', model)).toBe('Styringsparametre for 2024 er fastsatt.');
  });
});

describe('repairOcr: what it keeps', () => {
  test('capitalisation follows the scanned word', () => {
    expect(repaired('Sgknad om OPPFGLGING pa NAV-kontoret.')).toBe('Søknad om OPPFØLGING på NAV-kontoret.');
  });

  test('a number stays a number, even where the corpus has none', () => {
    expect(repaired('Kapittel 3 omhandler oppfglging, se punkt 8.')).toBe('Kapittel 3 omhandler oppfølging, se punkt 8.');
  });

  test('numbers, links, addresses, markup and abbreviations the corpus knows stay', () => {
    const text = 'Se kapittel 3 og 2.2.8, www.nav.no/a-og-o, post@nav.no og <sup>8</sup>. NAV, AAP og IPS bl.a. i 2024.';
    const model = LanguageModel.fromTexts(['NAV gir AAP og IPS til brukere i 2023.']);
    expect(repairOcr(text, model, lexicon).repairs).toEqual([]);
  });

  test('every repair marks its word in the repaired text and undoing them all gives the scan back', () => {
    const scanned = 'Unge skal fa  tildelt oppfglging, og E S-landene | 2024 bidrar til  hindre frafall pa sikt.';
    const { text, repairs } = repairOcr(scanned, small, lexicon);
    expect(repairs.length).toBeGreaterThan(3);
    for (const r of repairs) expect(text.slice(r.start, r.end)).toBe(r.to);
    expect(undo(text, repairs)).toBe(scanned);
  });
});

describe('repairOcr on the corpus', () => {
  const corpus = 'corpus';
  const sources = sourceFiles(corpus).map((file) => readTextSource(file, readFileSync(join(corpus, file))));
  const clean = sources.filter((s) => s.kind !== 'ocr');
  const text = (file: string) => sources.find((s) => s.file === file)!.text;
  const model = LanguageModel.fromTexts(clean.map((s) => s.text));

  test.each(clean.map((s) => [s.file]))('clean letter %s passes unchanged', (file) => {
    expect(looksLikeOcrDamage(text(file))).toBe(false);
    expect(repairOcr(text(file), model, lexicon).repairs).toEqual([]);
  });

  test('the scanned 2024 letter comes out at least 97 % word-accurate against the clean letter', async () => {
    const scan = 'maal-og-disponeringsbrev-2024-skannet.txt';
    expect(looksLikeOcrDamage(text(scan))).toBe(true);
    const normalized = await normalizeFile(join(corpus, scan), corpus);
    const reference = text('maal-og-disponeringsbrev-2024.txt');
    expect(wordAccuracy(text(scan), reference).accuracy).toBeLessThan(0.9);
    expect(wordAccuracy(normalized, reference).accuracy).toBeGreaterThanOrEqual(0.97);
  });

  test.each([['maal-og-disponeringsbrev-2019.txt'], ['maal-og-disponeringsbrev-2023-pdftekst.txt']])(
    'held-out damage of %s is repaired to at least 99 % without the letter in the model',
    (file) => {
      const others = LanguageModel.fromTexts(clean.filter((s) => s.file !== file).map((s) => s.text));
      const damaged = damageOcr(text(file), 7);
      expect(wordAccuracy(damaged, text(file)).accuracy).toBeLessThan(0.9);
      expect(wordAccuracy(repairOcr(damaged, others, lexicon).text, text(file)).accuracy).toBeGreaterThanOrEqual(0.99);
    },
  );
});
