/**
 * Where built indexes are kept between processes, behind one interface: the files store (a folder,
 * `index/` by default, each process loading the whole index into memory) and the PostgreSQL store
 * (shared by many app servers, each loading the newest version into memory). An ingest publishes a
 * new version whole; readers see the old version or the new one, never a mix. Chosen by `STORE`.
 */
import type { IndexPart } from '../indexing/serialize.js';
import type { Corpus } from '../model/corpus.js';

/** One published version of the index. */
export interface IndexVersion {
  /** Tells versions apart; a new publication has a new id. */
  id: string;
  /** The corpus's fingerprint: equal to a corpus folder's means the index is current. */
  fingerprint: string;
  builtAt: string;
  documents: number;
  paragraphs: number;
}

/** An index as a store keeps it: the corpus it was built from and the parts of the built index. */
export interface StoredIndex {
  corpus: Corpus;
  parts: IndexPart[];
}

/** What a publication changed, by document id. */
export interface PublishReport {
  version: IndexVersion;
  written: string[];
  removed: string[];
  unchanged: string[];
}

export interface IndexStore {
  /** Where the store is, as messages name it. */
  readonly location: string;
  /** The newest published version; null when the store holds none. */
  head(): Promise<IndexVersion | null>;
  /** A published version's index, whole; throws when it is missing or damaged. */
  read(version: IndexVersion): Promise<StoredIndex>;
  /** Publish an index as the newest version. */
  publish(index: StoredIndex): Promise<PublishReport>;
  /** Run `work` while no other process writes to this store: ingests take turns. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
