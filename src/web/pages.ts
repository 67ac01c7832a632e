import { Router } from 'express';
import { paragraphUrl } from '../search/catalog.js';
import { documentSummaries } from '../search/document-summary.js';
import type { CurrentEngine } from './app.js';
import { compareView } from './compare-page.js';
import { documentView } from './document-page.js';
import { notFound } from './http-error.js';
import { pageNumber, paragraphId, searchFilters } from './params.js';
import { scanView } from './scan-page.js';
import { searchPage } from './search-page.js';

/** The HTML pages. Each reads its parameters, asks the engine, and hands a view to its template. */
export function pageRouter(current: CurrentEngine): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.render('search', { page: await searchPage(current(), { ...searchFilters(req.query), page: pageNumber(req.query) }) });
  });

  router.get('/dok', (_req, res) => {
    res.render('documents', { documents: documentSummaries(current().catalog) });
  });

  router.get('/dok/:id', (req, res) => {
    const engine = current();
    const doc = engine.catalog.document(req.params.id);
    if (!doc) throw notFound('Vi finner ikke dokumentet du ba om.');
    res.render('document', { view: documentView(engine, doc, searchFilters(req.query).q) });
  });

  router.get('/dok/:id/skann', (req, res) => {
    const doc = current().catalog.document(req.params.id);
    const view = doc && scanView(doc);
    if (!view) throw notFound('Dette dokumentet har ingen skannet kilde.');
    res.render('scan', { view });
  });

  // A paragraph by its id (`/avsnitt/mdb-2024/2.1.1-ungdomsgarantien-1`): a link that names it in full.
  router.get('/avsnitt/:docId/:anchor', (req, res) => {
    const { catalog } = current();
    const index = catalog.indexOf(`${req.params.docId}/${req.params.anchor}`);
    if (index === undefined) throw notFound('Vi finner ikke avsnittet du ba om.');
    res.redirect(paragraphUrl(catalog.entries[index]!));
  });

  router.get('/sammenlign', (req, res) => {
    const engine = current();
    const comparison = engine.compare(paragraphId(req.query));
    if (!comparison) throw notFound('Vi finner ikke avsnittet du ville sammenligne.');
    res.render('compare', { view: compareView(engine, comparison) });
  });

  return router;
}
