/**
 * Every failure ends here: the API answers `{ error }`, pages a Norwegian error page. Messages of
 * HttpErrors are written for users; any other error gets a fixed message by status, and a 5xx is
 * logged with its stack, which never leaves the server. A 5xx answer carries the request's id, the
 * key to its log lines, for the user to quote.
 */
import type { ErrorRequestHandler, Request } from 'express';
import { HttpError } from './http-error.js';

const MESSAGES: Record<number, string> = {
  400: 'Adressen har tegn som ikke kan leses (ugyldig prosentkoding).',
  404: 'Siden finnes ikke.',
  500: 'Noe gikk galt hos oss. Prøv igjen om litt.',
};

export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { log, requestId } = res.locals;
    const status = statusOf(error);
    const message = error instanceof HttpError ? error.message : (MESSAGES[status] ?? 'Forespørselen kunne ikke behandles.');
    if (status >= 500) log.error({ err: error, url: res.locals.loggedUrl }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status);
    const reference = status >= 500 ? requestId : null;
    if (wantsJson(req)) {
      res.json({ error: reference ? `${message} Feilkode: ${reference}` : message });
      return;
    }
    res.render('error', { status, message, reference }, (renderError: Error | null, html: string) => {
      if (renderError) log.error({ err: renderError }, 'error page failed');
      res.type(renderError ? 'text/plain' : 'html').send(renderError ? message : html);
    });
  };
}

/** The API and the health check answer in JSON; everything else is a page. */
export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path === '/api' || req.path === '/healthz';
}

/** Client errors raised by Express itself (a malformed percent-escape, say) keep their 4xx status. */
function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}
