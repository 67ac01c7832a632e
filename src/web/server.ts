/**
 * Listening and stopping. On SIGTERM or SIGINT the server answers every request it has been sent —
 * also one still waiting in a busy event loop — refuses new connections, and the process exits 0;
 * connections still open after the grace period are cut.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';

/** How often idle connections are looked at while stopping. */
const SWEEP_MS = 50;

interface Connection {
  /** Requests on it not answered yet. */
  busy: number;
  /** Bytes read when it last fell idle: more since then means a request is arriving. */
  readWhenIdle: number;
  /** Sweeps it has been found idle in a row. */
  idleSweeps: number;
}

interface Tracked {
  /** Connections taken in so far. */
  accepted: number;
  connections: Map<Socket, Connection>;
  /** Responses not yet sent whole. */
  responses: Set<ServerResponse>;
}

const tracked = new WeakMap<Server, Tracked>();

export function listen(app: Express, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => (error ? reject(error) : resolve(server));
    const server = host === undefined ? app.listen(port, done) : app.listen(port, host, done);
    track(server);
  });
}

/** Keep count of each connection's requests, which Node's own idle test reads too early under load. */
function track(server: Server): void {
  const state: Tracked = { accepted: 0, connections: new Map(), responses: new Set() };
  tracked.set(server, state);
  server.on('connection', (socket: Socket) => {
    state.accepted++;
    state.connections.set(socket, { busy: 0, readWhenIdle: 0, idleSweeps: 0 });
    socket.once('close', () => state.connections.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    state.responses.add(res);
    const connection = state.connections.get(req.socket);
    if (connection) connection.busy++;
    res.once('close', () => {
      state.responses.delete(res);
      if (!connection) return;
      connection.busy--;
      connection.readWhenIdle = req.socket.bytesRead;
      connection.idleSweeps = 0;
    });
  });
}

/**
 * Stop serving: take in the connections already queued, then stop listening; answer what has been asked, each
 * answer closing its connection; close a connection only once it has been idle, with nothing more read
 * from it, for two sweeps with the event loop free between them (a request that arrived while the loop
 * was busy is read before the second). After `graceMs`, whatever is left is cut.
 */
export async function closeGracefully(server: Server, graceMs = 10_000): Promise<void> {
  const state = tracked.get(server) ?? { accepted: 0, connections: new Map<Socket, Connection>(), responses: new Set<ServerResponse>() };
  const { connections: open, responses } = state;
  const deadline = Date.now() + graceMs;
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  responses.forEach(closeAfter);
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => closeAfter(res));
  // Connections that queued while the event loop was busy are accepted in the same poll phase that
  // delivered the signal: stop listening only after it.
  // Node takes in one queued connection per turn of the event loop, and closing the listener resets
  // the ones still queued: go on listening until a turn takes in none.
  for (let accepted = state.accepted, quiet = 0; quiet < 2 && Date.now() < deadline; ) {
    await new Promise((resolve) => setImmediate(resolve));
    quiet = state.accepted === accepted ? quiet + 1 : 0;
    accepted = state.accepted;
  }
  const closed = new Promise<void>((resolve, reject) => NetServer.prototype.close.call(server, (error?: Error) => (error ? reject(error) : resolve())));
  const sweep = setInterval(
    () =>
      setImmediate(() => {
        for (const [socket, connection] of open) {
          if (connection.busy > 0 || socket.bytesRead !== connection.readWhenIdle) {
            connection.readWhenIdle = connection.busy > 0 ? connection.readWhenIdle : socket.bytesRead;
            connection.idleSweeps = 0;
          } else if (++connection.idleSweeps >= 2) socket.destroy();
        }
      }),
    SWEEP_MS,
  );
  const force = setTimeout(
    () => {
      for (const socket of open.keys()) socket.destroy();
    },
    Math.max(0, deadline - Date.now()),
  );
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(force);
  }
}

/** `release` frees what the server held (a store's connections) once the last request is answered. */
export function stopOnSignals(server: Server, logger: Logger, release: () => Promise<void> = async () => {}): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping: answering the requests already sent');
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
