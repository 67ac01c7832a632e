import { Router } from 'express';
import { documentSummaries } from '../search/document-summary.js';
import type { CurrentEngine } from './app.js';
import { notFound } from './http-error.js';
import { apiSearchRequest, paragraphId } from './params.js';

/** The JSON API as DESIGN.md describes it. */
export function apiRouter(current: CurrentEngine): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    res.json(await current().searchAsync(apiSearchRequest(req.query)));
  });

  router.get('/documents', (_req, res) => {
    res.json(documentSummaries(current().catalog));
  });

  router.get('/documents/:id', (req, res) => {
    const doc = current().catalog.document(req.params.id);
    if (!doc) throw notFound(`Dokumentet «${req.params.id}» finnes ikke.`);
    res.json(doc);
  });

  router.get('/compare', (req, res) => {
    const id = paragraphId(req.query);
    const comparison = current().compare(id);
    if (!comparison) throw notFound(`Avsnittet «${id}» finnes ikke.`);
    res.json(comparison);
  });

  router.use((_req, _res, next) => next(notFound('Ukjent adresse i API-et.')));
  return router;
}
