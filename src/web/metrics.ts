/**
 * What the app tells Prometheus (`/internal/metrics`, text format): requests by route pattern — never
 * the address itself, which any client can make up — and status, with their durations; how long the
 * engine takes to search; the index served (version, documents, paragraphs) and whether its store
 * answers; this process's own ingests (durations, failures, pages read by OCR); and Node's own figures,
 * event-loop delay among them.
 */
import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SearchEngine } from '../search/engine.js';
import { isReady, servedVersion } from './health.js';
import type { ServedIndex } from './served-index.js';

declare module 'express-serve-static-core' {
  interface Locals {
    /** Where the router answering this request is mounted (`/api`), for its route's full pattern. */
    mount?: string;
  }
}

/** Node's figures are the process's, however many apps it runs: collected once. */
let processRegistry: Registry | undefined;

export class Metrics {
  private readonly registry = new Registry();
  private readonly exposed: Registry;
  private readonly requests = new Histogram({
    name: 'styringssok_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took to answer (its _count counts them).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly searches = new Histogram({
    name: 'styringssok_search_duration_seconds',
    help: 'Searches in the engine (ranking, facets, snippets), for the API and the search page.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  private readonly ingests = new Histogram({
    name: 'styringssok_ingest_duration_seconds',
    help: "This process's ingests of the corpus folder that ended, by outcome: published a new version, or found the index current.",
    labelNames: ['outcome'] as const,
    buckets: [1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  private readonly ingestFailures = new Counter({ name: 'styringssok_ingest_failures_total', help: "This process's ingests that failed; the index loaded before keeps serving.", registers: [this.registry] });
  private readonly ocrPages = new Counter({ name: 'styringssok_ocr_pages_total', help: "Pages of scans this process's ingests read by OCR (from Tesseract or its cache).", registers: [this.registry] });

  constructor(index: ServedIndex) {
    const registers = [this.registry];
    for (const outcome of ['published', 'unchanged'] as const) this.ingests.zero({ outcome });
    // Gauges of the index, read from it at each scrape; each registers itself.
    new Gauge({
      name: 'styringssok_index_info',
      help: 'The index served: 1 with its version and build time as labels; none while no index is loaded.',
      labelNames: ['version', 'built_at'] as const,
      registers,
      collect() {
        this.reset();
        const corpus = index.current?.catalog.corpus;
        if (corpus) this.set({ version: servedVersion(index) ?? '', built_at: corpus.builtAt }, 1);
      },
    });
    new Gauge({ name: 'styringssok_index_documents', help: 'Documents in the index served.', registers, collect() { this.set(index.current?.catalog.corpus.documents.length ?? 0); } });
    new Gauge({ name: 'styringssok_index_paragraphs', help: 'Paragraphs in the index served.', registers, collect() { this.set(index.current?.catalog.size ?? 0); } });
    new Gauge({ name: 'styringssok_ready', help: '1 when an index is loaded and its store answered when last asked (what /internal/isready says).', registers, collect() { this.set(isReady(index) ? 1 : 0); } });
    if (!processRegistry) {
      processRegistry = new Registry();
      collectDefaultMetrics({ register: processRegistry });
    }
    this.exposed = Registry.merge([processRegistry, this.registry]);
  }

  /** Every metric in Prometheus's text format. Each reading starts the event-loop delay's window anew. */
  serve(): RequestHandler {
    return async (_req, res) => {
      res.type(this.exposed.contentType).send(await this.exposed.metrics());
    };
  }

  /** Times each request and counts it, once answered, under its route pattern and status. */
  timeRequests(): RequestHandler {
    return (req, res, next) => {
      const end = this.requests.startTimer();
      res.once('finish', () => end({ method: req.method, route: routeOf(req, res), status: String(res.statusCode) }));
      next();
    };
  }

  /** Marks requests under a mount path, so that routes inside it count under their full pattern. */
  mount(): RequestHandler {
    return (req, res, next) => {
      res.locals.mount = req.baseUrl;
      next();
    };
  }

  /** The index as served, with each engine's searches timed. */
  timingSearches(index: ServedIndex): ServedIndex {
    const timed = new WeakMap<SearchEngine, SearchEngine>();
    const searches = this.searches;
    const timing = (engine: SearchEngine): SearchEngine => {
      let view = timed.get(engine);
      if (!view) {
        // The engine itself behind a view of it whose one own property is the timed search.
        view = Object.create(engine) as SearchEngine;
        view.search = (request) => {
          const end = searches.startTimer();
          return engine.search(request).finally(end);
        };
        timed.set(engine, view);
      }
      return view;
    };
    return {
      get current() {
        const engine = index.current;
        return engine && timing(engine);
      },
      get state() {
        return index.state;
      },
    };
  }

  /** An ingest by this process that ended, how long it took, and how many pages it read by OCR. */
  ingestEnded(seconds: number, outcome: 'published' | 'unchanged', ocrPages: number): void {
    this.ingests.observe({ outcome }, seconds);
    this.ocrPages.inc(ocrPages);
  }

  ingestFailed(): void {
    this.ingestFailures.inc();
  }
}

/** A route's full pattern (`/api/search`, `/dok/:id`); requests no route answered count under their mount, or as unmatched. */
function routeOf(req: Request, res: Response): string {
  const mount = res.locals.mount ?? '';
  if (req.route) return `${mount}${(req.route as { path: string }).path}`;
  return mount ? `${mount}/*` : 'unmatched';
}
