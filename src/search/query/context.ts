/**
 * What a query is compiled against: the index's vocabulary, how it reads text, and the words it takes
 * to mean the same.
 */
import type { IndexLanguage } from '../../indexing/build.js';
import type { Vocabulary } from '../../indexing/vocabulary.js';

export interface QueryContext extends IndexLanguage {
  vocabulary: Vocabulary;
  /** Number of paragraphs indexed, for IDF. */
  paragraphs: number;
}
