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

  test('`serve` builds a missing index, logs its address, and exits 0 on SIGTERM', async () => {
    const indexDir = mkdtempSync(join(tmpdir(), 'styringssok-serve-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--index', indexDir], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      expect(stderr).toContain('Building the index: there is no index yet.');
      const health = (await (await fetch(`${address}healthz`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stdout).toContain('stopped');
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  });
});
