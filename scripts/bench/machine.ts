/**
 * The machine a run measured on, for reading its figures: CPU model and cores, the load average as the
 * run began and ended (the machines here are shared), and the versions of the runtimes that took part.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { closeDatabases, connect } from '../../src/store/postgres/database.js';

export interface Machine {
  cpu: string;
  cores: number;
  loadAverage: { start: number[]; end?: number[] };
  node: string;
  java?: string;
  lucene?: string;
  postgres?: string;
}

export async function describeMachine(databaseUrl: string | undefined): Promise<Machine> {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    loadAverage: { start: loadavg() },
    node: process.version,
    java: javaVersion(),
    postgres: databaseUrl ? await postgresVersion(databaseUrl) : undefined,
  };
}

/** `java -version`'s first line (it writes to stderr), e.g. `openjdk version "17.0.15" 2025-04-15`. */
function javaVersion(): string | undefined {
  const { error, stderr } = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return error ? undefined : stderr.split('\n')[0]?.trim();
}

async function postgresVersion(databaseUrl: string): Promise<string> {
  try {
    return (await connect(databaseUrl).one<{ server_version: string }>('SHOW server_version')).server_version;
  } finally {
    await closeDatabases();
  }
}

export function formatMachine(machine: Machine): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const runtimes = [`Node ${machine.node}`, machine.lucene ?? machine.java, machine.postgres && `PostgreSQL ${machine.postgres}`].filter(Boolean).join(', ');
  return `${machine.cpu}, ${machine.cores} cores; load average ${load(machine.loadAverage.start)} at the start${machine.loadAverage.end ? `, ${load(machine.loadAverage.end)} at the end` : ''}; ${runtimes}`;
}
