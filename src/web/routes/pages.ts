/**
 * The HTML pages. Each reads its parameters, asks the engine, and hands a view model to its template.
 */
import { Router } from 'express';
import { documentSummaries } from '../../search/document-summary.js';
import { notFound } from '../http/http-error.js';
import { pageNumber, paragraphId, searchFilters } from '../http/params.js';
import { lawLinks } from '../law-links.js';
import { paragraphUrl } from '../urls.js';
import { compareView } from '../view-models/compare-page.js';
import { documentView } from '../view-models/document-page.js';
import { documentsView } from '../view-models/documents.js';
import { scanView } from '../view-models/scan-page.js';
import { searchPage } from '../view-models/search-page.js';

export function pageRouter(): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.render('search', { page: await searchPage(res.locals.engine, { ...searchFilters(req.query), page: pageNumber(req.query) }) });
  });

  router.get('/dok', (_req, res) => {
    res.render('documents', { documents: documentsView(documentSummaries(res.locals.engine.catalog), res.locals.engine.catalog) });
  });

  router.get('/dok/:id', (req, res) => {
    const { engine } = res.locals;
    const doc = engine.catalog.document(req.params.id);
    if (!doc) throw notFound('Vi finner ikke dokumentet du ba om.');
    res.render('document', { view: documentView(engine, doc, searchFilters(req.query).q) });
  });

  router.get('/dok/:id/skann', (req, res) => {
    const { catalog, laws } = res.locals.engine;
    const doc = catalog.document(req.params.id);
    const view = doc && scanView(doc, lawLinks(laws));
    if (!view) throw notFound('Dette dokumentet har ingen skannet kilde.');
    res.render('scan', { view });
  });

  // A paragraph by its id (`/avsnitt/mdb-2024/2.1.1-ungdomsgarantien-1`): a link that names it in full.
  router.get('/avsnitt/:docId/:anchor', (req, res) => {
    const { catalog } = res.locals.engine;
    const position = catalog.indexOf(`${req.params.docId}/${req.params.anchor}`);
    if (position === undefined) throw notFound('Vi finner ikke avsnittet du ba om.');
    const entry = catalog.entries[position]!;
    res.redirect(paragraphUrl(entry.docId, entry.anchor));
  });

  router.get('/sammenlign', (req, res) => {
    const { engine } = res.locals;
    const comparison = engine.compare(paragraphId(req.query));
    if (!comparison) throw notFound('Vi finner ikke avsnittet du ville sammenligne.');
    res.render('compare', { view: compareView(engine, comparison) });
  });

  return router;
}
