/**
 * Kinds of document are data: a letter is of the kind its title names, a headerless one of the kind
 * its text names most; a document of no known kind is still ingested, as "Annet dokument" titled by
 * its first heading; a kind added to the data file is recognised without a change of code.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kindsOf } from '../../../src/ingest/assemble/document-types.js';
import { extractMetadata } from '../../../src/ingest/assemble/metadata.js';
import { ingestCorpus } from '../../../src/ingest/pipeline.js';

const kinds = kindsOf('corpus');
const metadataOf = (text: string) => extractMetadata([{ kind: 'heading', text: text.split('\n')[0]! }, { kind: 'text', text: text.split('\n').slice(1).join('\n') }], kinds);

describe('the kind of a document', () => {
  test('is the kind its title names, not one it mentions', () => {
    expect(metadataOf('Tildelingsbrev 2025 til Arbeids- og velferdsetaten\nDepartementet viser til mål- og disponeringsbrevet for 2024 og årsrapport 2024.')).toMatchObject({
      type: 'tildelingsbrev',
      year: 2025,
      title: 'Tildelingsbrev 2025 til Arbeids- og velferdsetaten',
    });
    expect(metadataOf('Rundskriv 2022 om oppfølging\nDette rundskrivet gjelder fra 2022.')).toMatchObject({ type: 'rundskriv', year: 2022 });
  });

  test('of no known kind: "annet", titled by its first heading, dated by its text', () => {
    expect(metadataOf('Veileder for samarbeid med kommunene\nI 2021 skal kontorene samarbeide tett. Fra 2021 gjelder nye regler.')).toEqual({ type: 'annet', year: 2021, title: 'Veileder for samarbeid med kommunene' });
  });

  test('comes from the data file: a kind added there is recognised, and every kind is labelled in the corpus', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'styringssok-kinds-'));
    try {
      const data = JSON.parse(readFileSync('corpus/document-types.json', 'utf8')) as { types: { id: string; label: string; phrases: string[] }[] };
      data.types.push({ id: 'strategi', label: 'Strategi', phrases: ['strategi'] });
      writeFileSync(join(dir, 'document-types.json'), JSON.stringify(data));
      copyFileSync('corpus/topics.json', join(dir, 'topics.json'));
      writeFileSync(join(dir, 'a.txt'), 'Strategi 2026 for inkludering\n\nNAV skal i 2026 bidra til at flere unge kommer i arbeid og utdanning.\n');
      writeFileSync(join(dir, 'b.txt'), 'Notat om brukermøter\n\nI 2025 skal brukermøtene bli bedre, og NAV skal i 2025 prøve ut nye løsninger.\n');
      const { corpus, report } = await ingestCorpus({ corpusDir: dir });
      expect(report.warnings).toEqual([]);
      expect(corpus.documents.map((d) => [d.id, d.type, d.title])).toEqual([
        ['strategi-2026', 'strategi', 'Strategi 2026 for inkludering'],
        ['annet-2025', 'annet', 'Notat om brukermøter'],
      ]);
      expect(corpus.types).toEqual(expect.arrayContaining([{ id: 'strategi', label: 'Strategi' }, { id: 'annet', label: 'Annet dokument' }]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
