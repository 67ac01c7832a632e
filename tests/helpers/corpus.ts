import type { Corpus, Document, DocumentType } from '../../src/model/corpus.js';

/** A paragraph as tests write it: text, and optionally heading and topics. */
export interface TestParagraph {
  text: string;
  heading?: string;
  topics?: string[];
  sources?: string[];
}

export interface TestSection {
  number: string;
  title: string;
  paragraphs: TestParagraph[];
}

/** A small corpus in the contract shape, with readable ids like the real one. */
export function makeCorpus(docs: { year: number; type?: DocumentType; sections: TestSection[] }[]): Corpus {
  const documents: Document[] = docs.map(({ year, type = 'mdb', sections }) => {
    const id = `${type}-${year}`;
    return {
      id,
      type,
      year,
      title: `${type === 'mdb' ? 'Mål- og disponeringsbrev' : 'Årsrapport'} ${year}`,
      sources: [{ file: `${id}.txt`, kind: 'markdown', canonical: true, encoding: 'utf-8', sha256: '0' }],
      sections: sections.map((s) => ({
        number: s.number,
        title: s.title,
        level: s.number ? s.number.split('.').length : 0,
        anchor: `kap-${s.number || '0'}`,
        paragraphs: s.paragraphs.map((p, k) => ({
          id: `${id}/${s.number || '0'}-${k + 1}`,
          anchor: `${s.number || '0'}-${k + 1}`,
          text: p.text,
          topics: p.topics ?? [],
          ...(p.heading ? { heading: p.heading } : {}),
          ...(p.sources ? { sources: p.sources } : {}),
        })),
      })),
    };
  });
  return {
    builtAt: '2026-01-01T00:00:00.000Z',
    fingerprint: 'test',
    types: [
      { id: 'mdb', label: 'Mål- og disponeringsbrev' },
      { id: 'arsrapport', label: 'Årsrapport' },
    ],
    topics: [
      { id: 'unge', label: 'Unge og ungdomsgarantien' },
      { id: 'sykefravaer-ia', label: 'Sykefravær og IA' },
    ],
    documents,
  };
}
