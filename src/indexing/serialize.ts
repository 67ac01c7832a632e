/**
 * A built index as named parts of bytes, and back: the FlexSearch index as FlexSearch exports it, the
 * forward index in its binary form, the vocabulary as JSON. Every store keeps exactly these parts beside
 * the corpus, so the files store and the PostgreSQL store serve the same index.
 */
import type { Corpus } from '../model/corpus.js';
import { indexLanguage, type SearchIndex } from './build.js';
import { Catalog } from './catalog.js';
import { ForwardIndex } from './forward-index.js';
import { createParagraphIndex } from './paragraph-index.js';
import { Vocabulary, type VocabularyData } from './vocabulary.js';

export interface IndexPart {
  /** A relative path: `flexsearch/<key>.json`, `forward.bin`, `vocabulary.json`. */
  name: string;
  data: Buffer;
}

const FLEXSEARCH = 'flexsearch/';
const FORWARD = 'forward.bin';
const VOCABULARY = 'vocabulary.json';

export async function exportIndex({ paragraphs, forward, vocabulary }: SearchIndex): Promise<IndexPart[]> {
  const parts: IndexPart[] = [];
  await paragraphs.export((key, data) => void parts.push({ name: `${FLEXSEARCH}${key}.json`, data: Buffer.from(data) }));
  parts.push({ name: FORWARD, data: forward.serialize() }, { name: VOCABULARY, data: Buffer.from(JSON.stringify(vocabulary.data)) });
  return parts;
}

/** The index of `corpus` from its parts; throws when a part is missing or does not fit the corpus. */
export function importIndex(corpus: Corpus, parts: IndexPart[]): SearchIndex {
  const byName = new Map(parts.map((p) => [p.name, p.data]));
  const part = (name: string) => {
    const data = byName.get(name);
    if (!data) throw new Error(`the index has no ${name}`);
    return data;
  };
  const paragraphs = createParagraphIndex();
  for (const { name, data } of [...parts].filter((p) => p.name.startsWith(FLEXSEARCH)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    paragraphs.import(name.slice(FLEXSEARCH.length).replace(/\.json$/, ''), data.toString('utf8'));
  }
  const catalog = new Catalog(corpus);
  const forward = ForwardIndex.deserialize(part(FORWARD));
  if (forward.size !== catalog.size) throw new Error(`the index holds ${forward.size} paragraphs, the corpus ${catalog.size}`);
  const vocabulary = new Vocabulary(JSON.parse(part(VOCABULARY).toString('utf8')) as VocabularyData);
  return { catalog, paragraphs, forward, vocabulary, ...indexLanguage(corpus, vocabulary) };
}
