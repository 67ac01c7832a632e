import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Corpus } from '../../src/model/corpus.js';
import { SearchEngine } from '../../src/search/engine.js';
import { postgresEngine } from './postgres-engine.js';

/**
 * The engines the bench compares, behind one small interface: build from a corpus, answer a query
 * with paragraph ids (best first), release what they hold. Every engine gets the same paragraphs (the
 * project's own clean ones from corpus.json) and the same query text, so the comparison is about
 * search alone. Another engine joins by adding an entry to ENGINES.
 */
export interface BenchEngine {
  /** An index another process writes (into a database) is written here, before `build`; returns the time it took. */
  write?(): Promise<number>;
  build(corpus: Corpus): void | Promise<void>;
  search(q: string, limit: number): string[] | Promise<string[]>;
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
      dispose: () => {
        db?.close();
        db = undefined;
      },
    };
  },
} satisfies Record<string, (context: EngineContext) => BenchEngine>;

export type EngineName = keyof typeof ENGINES;
export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];

export interface BenchParagraph {
  id: string;
  year: number;
  text: string;
}

export function paragraphsOf(corpus: Corpus): BenchParagraph[] {
  return corpus.documents.flatMap((d) => d.sections.flatMap((s) => s.paragraphs.map((p) => ({ id: p.id, year: d.year, text: p.text }))));
}

/** Engines without phrase search get the words of a quoted phrase as plain words. */
function withoutQuotes(q: string): string {
  return q.replace(/"/g, ' ').trim();
}

/**
 * An FTS5 MATCH expression for a query: each word quoted (so `-`, `:`, `*`, `OR` and friends are
 * text, not syntax) and each quoted phrase kept as one phrase; FTS5 requires them all.
 */
export function fts5Query(q: string): string {
  const parts = [...q.matchAll(/"([^"]*)"?|[^\s"]+/g)].map((m) => (m[1] ?? m[0]).trim()).filter(Boolean);
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join(' ');
}

interface FlexDocument {
  add(doc: { id: number; text: string }): unknown;
  search(q: string, options: { limit: number }): { field: string; result: number[] }[];
}
