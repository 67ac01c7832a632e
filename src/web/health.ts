/**
 * What the app says about itself: `/healthz` for people and monitors (DESIGN.md's contract, extended),
 * and the platform's probes — `/internal/isalive` (the process answers), `/internal/isready` (an index
 * is loaded and its store answered when last asked: send traffic here) — and `/internal/metrics` for
 * Prometheus. The probes say nothing of the store's errors: they are answered to anyone who asks.
 */
import { Router, type RequestHandler } from 'express';
import type { ServedIndex } from './served-index.js';

/** The served index's version: the store's id for it, or else the first characters of its corpus's fingerprint. */
export function servedVersion(index: ServedIndex): string | null {
  return index.state?.version?.id ?? index.current?.catalog.corpus.fingerprint.slice(0, 12) ?? null;
}

/** Ready to serve: an index is loaded, and its store (when there is one to ask) answered when last asked. */
export function isReady(index: ServedIndex): boolean {
  return index.current !== null && (index.state?.store.ok ?? true);
}

export function healthz(index: ServedIndex): RequestHandler {
  return (_req, res) => {
    const catalog = index.current?.catalog;
    const store = index.state?.store;
    const { rss, heapUsed } = process.memoryUsage();
    res.status(catalog ? 200 : 503).json({
      ok: isReady(index),
      documents: catalog?.corpus.documents.length ?? 0,
      paragraphs: catalog?.size ?? 0,
      indexBuiltAt: catalog?.corpus.builtAt ?? null,
      indexVersion: servedVersion(index),
      ...(store ? { store } : {}),
      memory: { rss, heapUsed },
    });
  };
}

/** The probes, and the metrics answered by `metrics`, at the paths the NAIS manifest names. */
export function probes(index: ServedIndex, metrics: RequestHandler): Router {
  const router = Router();
  router.get('/internal/isalive', (_req, res) => {
    res.type('text').send('ok');
  });
  router.get('/internal/isready', (_req, res) => {
    const why = index.current === null ? 'no index is loaded yet' : isReady(index) ? null : 'the store did not answer when last asked';
    res.status(why ? 503 : 200).type('text').send(why ?? 'ready');
  });
  router.get('/internal/metrics', metrics);
  return router;
}
