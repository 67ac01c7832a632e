/**
 * What the web app serves from: the engine over the newest loaded index, replaced when a newer one is
 * loaded — none yet while the first is being built or loaded. A request takes it once and works with
 * that engine from start to end.
 */
import type { RequestHandler } from 'express';
import type { SearchEngine } from '../search/engine.js';
import { HttpError } from './http/http-error.js';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The engine this request works with. */
    engine: SearchEngine;
  }
}

export interface ServedIndex {
  readonly current: SearchEngine | null;
  /** What the index and its store report, for health checks; an index fixed in memory has nothing to report. */
  readonly state?: ServedState;
}

export interface ServedState {
  version: { id: string; builtAt: string } | null;
  store: { ok: boolean; since: string; error?: string };
}

/** Each request takes the engine served now; while none is loaded, the answer is 503. */
export function takeEngine(index: ServedIndex): RequestHandler {
  return (_req, res, next) => {
    const engine = index.current;
    if (!engine) {
      res.set('Retry-After', '5');
      next(new HttpError(503, 'Søket er ikke klart ennå: dokumentene lastes inn. Prøv igjen om litt.'));
      return;
    }
    res.locals.engine = engine;
    next();
  };
}
