/**
 * Every measurement runs in a process of its own: engines cannot see each other's garbage or JIT
 * state, and a server does not share its event loop with the load generator. The worker answers with
 * one message (a result, or a server's port).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineName } from './engines.js';

export type Task =
  | { kind: 'engine'; engine: EngineName; copies: number; corpusPath: string; queriesPath: string; databaseUrl?: string; luceneClasspath?: string }
  | { kind: 'postgres-write'; databaseUrl: string; copies: number; corpusPath: string }
  | { kind: 'ingest'; corpusDir: string }
  | { kind: 'ingest-into'; corpusDir: string; storeDir: string }
  | { kind: 'pdf-pages' }
  | { kind: 'serve'; corpusPath: string; queries: string[]; logPath: string };

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface Worker<T> {
  /** The worker's message. */
  result: Promise<T>;
  stop(): void;
}

export function startWorker<T>(task: Task): Worker<T> {
  const child = fork(WORKER, [JSON.stringify(task)], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const result = new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code, signal) => reject(new Error(`${task.kind} worker exited (${signal ?? code}) without a result`)));
  });
  return { result, stop: () => void child.kill() };
}

export function runWorker<T>(task: Task): Promise<T> {
  return startWorker<T>(task).result;
}
