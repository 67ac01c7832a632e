/**
 * An error whose status and message may be shown to the user. Any other error is answered with a bare
 * 500 and logged, so internals never reach a response.
 */
/** An error meant for the user: its status, and a message in Norwegian. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(message = 'Siden finnes ikke.'): HttpError {
  return new HttpError(404, message);
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}
