import { spawn } from 'node:child_process';
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
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
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
