/**
 * The engines the bench compares. Those that run inside Node sit behind one small interface — build
 * from a corpus, answer a query with paragraph ids (best first), release what they hold; Lucene runs in
 * a JVM of its own (lucene-peer.ts) and measures itself. Every engine gets the same paragraphs (the
 * project's own clean ones from corpus.json, with their sub-heading and section title) and the same query
 * text, so the comparison is about search alone. Another Node engine joins by adding an entry to ENGINES.
 */
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Corpus } from '../../src/model/corpus.js';
import { SearchEngine } from '../../src/search/engine.js';
import { postgresEngine } from './postgres-engine.js';
import { postgresFtsEngine } from './postgres-fts.js';

export interface BenchEngine {
  /** An index another process writes (into a database) is written here, before `build`; returns the time it took. */
  write?(): Promise<number>;
  build(corpus: Corpus): void | Promise<void>;
  search(q: string, limit: number): string[] | Promise<string[]>;
  /** For an engine behind a connection: the time the last search took inside its server, measured there. */
  lastServerMs?(): number;
  /** Bytes the built index holds outside this process's JS heap (a native or remote database). */
  outsideBytes?(): number | Promise<number>;
  dispose(): void | Promise<void>;
}

/** Where the worker's corpus comes from, and the database for an engine that needs one. */
export interface EngineContext {
  corpusPath: string;
  copies: number;
  databaseUrl?: string;
}

export const ENGINES = {
  /** This engine, through the call `/api/search` makes: ranking, facets and snippets included. */
  styringssok: () => {
    let engine: SearchEngine | undefined;
    return {
      build: (corpus) => void (engine = SearchEngine.build(corpus)),
      search: async (q, limit) => (await engine!.search({ q, limit })).hits.map((h) => h.id),
      dispose: () => void (engine = undefined),
    };
  },

  'styringssok-postgres': postgresEngine,

  'sqlite-fts5': () => {
    let db: Database.Database | undefined;
    let query: Database.Statement<[string, number], { rowid: number }> | undefined;
    let ids: string[] = [];
    return {
      build: (corpus) => {
        const paragraphs = paragraphsOf(corpus);
        ids = paragraphs.map((p) => p.id);
        db = new Database(':memory:');
        db.exec(`CREATE VIRTUAL TABLE paragraph USING fts5(text, tokenize='unicode61 remove_diacritics 2')`);
        const insert = db.prepare('INSERT INTO paragraph (rowid, text) VALUES (?, ?)');
        db.transaction(() => paragraphs.forEach((p, i) => insert.run(i, p.text)))();
        query = db.prepare('SELECT rowid FROM paragraph WHERE paragraph MATCH ? ORDER BY bm25(paragraph) LIMIT ?');
      },
      search: (q, limit) => {
        const match = fts5Query(q);
        return match ? query!.all(match, limit).map((r) => ids[r.rowid]!) : [];
      },
      // An in-memory database holds its pages in SQLite's own allocations, which the JS heap does not see.
      outsideBytes: () => (db!.pragma('page_count', { simple: true }) as number) * (db!.pragma('page_size', { simple: true }) as number),
      dispose: () => {
        db?.close();
        db = undefined;
      },
    };
  },

  'postgres-fts': postgresFtsEngine,

  'flexsearch-default': () => {
    let index: FlexDocument | undefined;
    let ids: string[] = [];
    return {
      build: (corpus) => {
        const paragraphs = paragraphsOf(corpus);
        ids = paragraphs.map((p) => p.id);
        index = new FlexSearch.Document({ document: { id: 'id', index: ['text'] } } as never) as unknown as FlexDocument;
        paragraphs.forEach((p, i) => index!.add({ id: i, text: p.text }));
      },
      search: (q, limit) => index!.search(withoutQuotes(q), { limit }).flatMap((field) => field.result.map((i) => ids[i]!)).slice(0, limit),
      dispose: () => void (index = undefined),
    };
  },

  minisearch: () => {
    let index: MiniSearch<{ id: number; text: string }> | undefined;
    let ids: string[] = [];
    return {
      build: (corpus) => {
        const paragraphs = paragraphsOf(corpus);
        ids = paragraphs.map((p) => p.id);
        index = new MiniSearch({ fields: ['text'] });
        index.addAll(paragraphs.map((p, i) => ({ id: i, text: p.text })));
      },
      search: (q, limit) => index!.search(withoutQuotes(q)).slice(0, limit).map((r) => ids[r.id as number]!),
      dispose: () => void (index = undefined),
    };
  },
} satisfies Record<string, (context: EngineContext) => BenchEngine>;

export const LUCENE = 'lucene';
export type EngineName = keyof typeof ENGINES | typeof LUCENE;
/** In the order they run and are reported: this engine, then the peers that rank, then the others. */
export const ENGINE_NAMES: EngineName[] = ['styringssok', 'styringssok-postgres', LUCENE, 'sqlite-fts5', 'postgres-fts', 'flexsearch-default', 'minisearch'];
/** The peers that rank by relevance, against which this engine's latency is held. */
export const RANKING_PEERS: EngineName[] = [LUCENE, 'sqlite-fts5', 'postgres-fts'];

export interface BenchParagraph {
  id: string;
  year: number;
  text: string;
  heading: string;
  /** The section's number and title, as this engine's title field reads them. */
  title: string;
}

export function paragraphsOf(corpus: Corpus): BenchParagraph[] {
  return corpus.documents.flatMap((d) =>
    d.sections.flatMap((s) => s.paragraphs.map((p) => ({ id: p.id, year: d.year, text: p.text, heading: p.heading ?? '', title: `${s.number} ${s.title}`.trim() }))),
  );
}

/** Engines without phrase search get the words of a quoted phrase as plain words. */
function withoutQuotes(q: string): string {
  return q.replace(/"/g, ' ').trim();
}

/**
 * An FTS5 MATCH expression for a query: each word quoted (so `-`, `:`, `*`, `OR` and friends are
 * text, not syntax) and each quoted phrase kept as one phrase; FTS5 requires them all.
 */
function fts5Query(q: string): string {
  const parts = [...q.matchAll(/"([^"]*)"?|[^\s"]+/g)].map((m) => (m[1] ?? m[0]).trim()).filter(Boolean);
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join(' ');
}

interface FlexDocument {
  add(doc: { id: number; text: string }): unknown;
  search(q: string, options: { limit: number }): { field: string; result: number[] }[];
}
