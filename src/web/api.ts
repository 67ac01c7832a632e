import { Router } from 'express';
import { documentSummaries } from '../search/document-summary.js';
import type { SearchEngine } from '../search/engine.js';
import { notFound } from './http-error.js';
import { apiSearchRequest, paragraphId } from './params.js';

/** The JSON API as DESIGN.md describes it. */
export function apiRouter(engine: SearchEngine): Router {
  const router = Router();

  router.get('/search', (req, res) => {
    res.json(engine.search(apiSearchRequest(req.query)));
  });

  router.get('/documents', (_req, res) => {
    res.json(documentSummaries(engine.catalog));
  });

  router.get('/documents/:id', (req, res) => {
    const doc = engine.catalog.document(req.params.id);
    if (!doc) throw notFound(`Dokumentet «${req.params.id}» finnes ikke.`);
    res.json(doc);
  });

  router.get('/compare', (req, res) => {
    const id = paragraphId(req.query);
    const comparison = engine.compare(id);
    if (!comparison) throw notFound(`Avsnittet «${id}» finnes ikke.`);
    res.json(comparison);
  });

  router.use((_req, _res, next) => next(notFound('Ukjent adresse i API-et.')));
  return router;
}
