import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { closeGracefully, listen } from '../../src/web/server.js';

describe('stopping the server', () => {
  test('a request in flight is answered; new connections are refused', async () => {
    const app = express();
    app.get('/slow', (_req, res) => {
      setTimeout(() => res.send('done'), 300);
    });
    const server = await listen(app, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const inFlight = fetch(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const closed = closeGracefully(server);
    while (server.listening) await new Promise((r) => setTimeout(r, 5));
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
    const res = await inFlight;
    expect(await res.text()).toBe('done');
    await closed;
  });

  test('`serve` listens at once, answers 503 while it builds a missing index, then serves it, and exits 0 on SIGTERM', async () => {
    const indexDir = mkdtempSync(join(tmpdir(), 'styringssok-serve-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--index', indexDir], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stdout = '';
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const match = /serving on (http:\/\/localhost:\d+\/)/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
      });
      const early = await fetch(`${address}api/search?q=unge`);
      expect(early.status).toBe(503);
      expect(((await early.json()) as { error: string }).error).toMatch(/ikke klart/);
      let health: { ok: boolean; paragraphs: number } = { ok: false, paragraphs: 0 };
      for (let tries = 0; !health.ok && tries < 600; tries++) {
        await new Promise((r) => setTimeout(r, 100));
        health = (await (await fetch(`${address}healthz`)).json()) as typeof health;
      }
      expect(health).toMatchObject({ ok: true, paragraphs: expect.any(Number) });
      expect(health.paragraphs).toBeGreaterThan(500);
      expect(stdout).toContain('Building the index: there is no index yet.');
      expect((await fetch(`${address}api/search?q=unge`)).status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stdout).toContain('stopped');
    } finally {
      child.kill('SIGKILL');
      rmSync(indexDir, { recursive: true, force: true });
    }
  });
});

describe('stopping under load', () => {
  test('every request sent before SIGTERM is answered whole, even while the server is busy; then new connections are refused', async () => {
    const indexDir = mkdtempSync(join(tmpdir(), 'styringssok-serve-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--index', indexDir], { env: { ...process.env, PORT: '0', RATE_LIMIT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const match = /serving on http:\/\/localhost:(\d+)\//.exec(stdout);
          if (match) resolve(Number(match[1]));
        });
        child.once('exit', () => reject(new Error('serve exited early')));
      });
      while ((await fetch(`http://127.0.0.1:${port}/healthz`)).status !== 200) await new Promise((r) => setTimeout(r, 100));
      // Each on a connection of its own: whole pages that keep the event loop busy for a while.
      const paths = Array.from({ length: 24 }, (_, i) => (i % 2 ? '/dok/mdb-2024?q=unge' : `/?q=${encodeURIComponent('ungdom oppfølging arbeid')}&side=${1 + (i % 3)}`));
      const answers = paths.map((path) => get(port, path));
      await new Promise((r) => setTimeout(r, 30));
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const results = await Promise.all(answers);
      expect(results.map((r) => r.status)).toEqual(paths.map(() => 200));
      expect(results.every((r) => r.body.includes('</html>'))).toBe(true);
      await expect(get(port, '/healthz')).rejects.toThrow();
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(indexDir, { recursive: true, force: true });
    }
  });
});

/** A GET on a connection of its own. */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
