import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { SearchEngine } from '../../src/search/engine.js';
import { createApp } from '../../src/web/app.js';
import { makeCorpus } from '../helpers/corpus.js';

/** The app over the real corpus, built once per test file. */
let real: Promise<ReturnType<typeof createApp>> | undefined;
export function realApp(): Promise<ReturnType<typeof createApp>> {
  real ??= ingestCorpus({ corpusDir: 'corpus' }).then(({ corpus }) => createApp({ index: { current: SearchEngine.build(corpus) } }));
  return real;
}

/** A small corpus of three letters whose every word the tests know. */
export function smallCorpus() {
  const corpus = makeCorpus([
    {
      year: 2024,
      sections: [
        { number: '', title: '', paragraphs: [{ text: 'Vedlegg:\n- Fordeling av driftsmidler\n- Krav til rapportering' }] },
        {
          number: '2.1',
          title: 'Unge i arbeid',
          paragraphs: [
            { heading: 'Ungdomsgarantien', text: 'Ungdomsgarantien skal sikre unge under 30 år arbeidsrettet oppfølging innen åtte uker.', topics: ['unge'] },
            { heading: 'Ungdomsgarantien', text: 'Unge brukere skal ha fast kontaktperson i NAV-kontoret.', topics: ['unge'] },
          ],
        },
        { number: '3', title: 'Styringsparametere', paragraphs: [{ text: 'Andel unge med overgang til arbeid; Andel sykmeldte | Skal øke' }] },
      ],
    },
    {
      year: 2023,
      sections: [
        {
          number: '2.1',
          title: 'Unge i arbeid',
          paragraphs: [{ heading: 'Ny ungdomsgaranti', text: 'Den nye ungdomsgarantien gir unge under 30 år arbeidsrettet oppfølging innen åtte uker.', topics: ['unge'] }],
        },
        { number: '2.2', title: 'Sykefravær', paragraphs: [{ text: 'Sykmeldte skal følges opp med dialogmøte.', topics: ['sykefravaer-ia'] }] },
      ],
    },
    {
      year: 2019,
      sections: [{ number: '2.2.1', title: 'Flere unge i arbeid', paragraphs: [{ text: 'Ungdomsinnsatsen skal sikre unge under 30 år raskere oppfølging fra NAV-kontoret.', topics: ['unge'] }] }],
    },
  ]);
  const letter2024 = corpus.documents[0]!;
  // A footnote, referred to from the first paragraph on the guarantee.
  letter2024.sections[1]!.paragraphs[0]!.footnotes = [{ number: '1', at: 'Ungdomsgarantien'.length }];
  letter2024.sections.push({ number: '', title: 'Fotnoter', level: 0, anchor: 'fotnoter', role: 'footnotes', paragraphs: [{ id: 'mdb-2024/fotnote-1', anchor: 'fotnote-1', text: 'Gjelder fra 1. juli 2023.', topics: [] }] });
  // A scanned twin whose OCR repair changed one word.
  letter2024.sources.push({
    file: 'mdb-2024-skannet.txt',
    kind: 'ocr',
    canonical: false,
    encoding: 'utf-8',
    sha256: '1',
    repairs: { total: 1, top: [{ from: 'oppfolging', to: 'oppfølging', count: 1 }] },
    paragraphs: [{ matches: 'mdb-2024/2.1-1', section: '2.1 Unge i arbeid', heading: 'Ungdomsgarantien', text: 'Ungdomsgarantien skal sikre unge under 30 år arbeidsrettet oppfølging innen åtte uker.', repairs: [{ start: 59, end: 69, from: 'oppfolging' }] }],
  });
  letter2024.date = '2024-02-19';
  letter2024.saksnr = '23/36047-8';
  return corpus;
}

export function smallApp(): ReturnType<typeof createApp> {
  return createApp({ index: { current: SearchEngine.build(smallCorpus()) } });
}
