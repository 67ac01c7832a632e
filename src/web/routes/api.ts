/**
 * The JSON API as DESIGN.md describes it: each route reads its parameters, asks the engine, and answers
 * with what the API view model makes of the engine's data.
 */
import { Router } from 'express';
import { documentSummaries } from '../../search/document-summary.js';
import { notFound } from '../http/http-error.js';
import { apiSearchRequest, paragraphId } from '../http/params.js';
import { apiComparison, apiSearchResponse } from '../view-models/api.js';

export function apiRouter(): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    const request = apiSearchRequest(req.query);
    res.json(apiSearchResponse(await res.locals.engine.search(request), request.q ?? ''));
  });

  router.get('/documents', (_req, res) => {
    res.json(documentSummaries(res.locals.engine.catalog));
  });

  router.get('/documents/:id', (req, res) => {
    const doc = res.locals.engine.catalog.document(req.params.id);
    if (!doc) throw notFound(`Dokumentet «${req.params.id}» finnes ikke.`);
    res.json(doc);
  });

  router.get('/compare', (req, res) => {
    const id = paragraphId(req.query);
    const comparison = res.locals.engine.compare(id);
    if (!comparison) throw notFound(`Avsnittet «${id}» finnes ikke.`);
    res.json(apiComparison(comparison));
  });

  router.use((_req, _res, next) => next(notFound('Ukjent adresse i API-et.')));
  return router;
}
