import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for tests and the bench: Debian's binaries, a fresh data directory in
 * a temp dir, a random loopback port and its socket in that dir, durability off for speed. As root, the
 * server runs as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export interface PostgresServer {
  url: string;
  /** Stop the server for good and remove its data. */
  stop(): Promise<void>;
  /** An outage: the server stops, its data kept. */
  halt(): Promise<void>;
  /** The server back after an outage, on the same port with the same data. */
  resume(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string {
  const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get update && apt-get install -y postgresql');
  return join(PG_ROOT, newest, 'bin');
}

function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-pg-'));
  if ('uid' in user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'], { ...user, stdio: 'ignore' });

  const launch = (port: number) =>
    spawn(
      join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      { ...user, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  const halt = async (server: ChildProcess) => {
    // A Ctrl-C reaches the server too, and it may be gone already.
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
    }
  };
  for (let attempt = 0; ; attempt++) {
    const port = 50000 + Math.floor(Math.random() * 10000);
    let server = launch(port);
    if (await ready(server)) {
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        stop: async () => {
          await halt(server);
          rmSync(dir, { recursive: true, force: true });
        },
        halt: () => halt(server),
        resume: async () => {
          server = launch(port);
          if (!(await ready(server))) throw new Error('PostgreSQL did not come back');
        },
      };
    }
    // Most likely the port was taken; another one will do.
    if (attempt === 5) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('PostgreSQL did not start');
    }
  }
}

/** Resolves true once the server accepts connections, false when it exits first. */
function ready(server: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    let log = '';
    server.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      if (log.includes('ready to accept connections')) resolve(true);
    });
    server.once('exit', () => resolve(false));
  });
}
