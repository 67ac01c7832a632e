/**
 * Listening and stopping. On SIGTERM or SIGINT the server stops accepting connections, lets requests
 * in flight finish, and the process exits 0; connections still open after the grace period are cut.
 */
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';

export function listen(app: Express, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => (error ? reject(error) : resolve(server));
    const server = host === undefined ? app.listen(port, done) : app.listen(port, host, done);
  });
}

export function closeGracefully(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    // A keep-alive connection turns idle when its last response is sent, and would then hold the
    // server open until it times out: close idle connections as they appear.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.close((error) => {
      clearTimeout(force);
      clearInterval(idle);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

/** `release` frees what the server held (a store's connections) once the last request is answered. */
export function stopOnSignals(server: Server, logger: Logger, release: () => Promise<void> = async () => {}): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping: draining requests in flight');
    closeGracefully(server)
      .then(release)
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
