import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadJudgedQueries } from '../../../src/evaluation/relevance.js';
import type { SearchRequest, SearchResponse } from '../../../src/search/engine.js';
import { startPostgres, type PostgresServer } from '../../helpers/postgres.js';

/**
 * Several servers on one database, each a process of its own: after `STORE=postgres npm run ingest`,
 * two servers answer every judged query identically, and as the in-memory engine does.
 */
const QUERY_SETS = ['../shared/eval/dev-queries.json', 'scripts/eval-queries.json'].filter((path) => existsSync(path));

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(async () => {
  await server?.stop();
});

/** Run a TypeScript entry point in a process of its own; resolves with its stdout. */
function run(args: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}: ${err}`))));
    child.stdin.end(stdin);
  });
}

async function answers(requests: SearchRequest[], mode: 'postgres' | 'memory'): Promise<SearchResponse[]> {
  return JSON.parse(await run(['tests/store/postgres/search-server.ts', server.url, mode], {}, JSON.stringify(requests))) as SearchResponse[];
}

describe('two servers on one PostgreSQL', () => {
  it('answer every judged query identically, and as the in-memory engine does', async () => {
    await run(['src/cli.ts', 'ingest', '--quiet'], { STORE: 'postgres', DATABASE_URL: server.url });
    const queries = QUERY_SETS.flatMap((path) => loadJudgedQueries(path).map((q) => q.q));
    expect(queries.length).toBeGreaterThan(0);
    const requests: SearchRequest[] = [...queries.map((q) => ({ q, limit: 20 })), { years: [2023] }, { topics: ['unge'], types: ['mdb'] }, { q: 'sykmeldte -dialogmøte', years: [2024, 2023] }];
    const [first, second, memory] = await Promise.all([answers(requests, 'postgres'), answers(requests, 'postgres'), answers(requests, 'memory')]);
    expect(first).toHaveLength(requests.length);
    expect(second).toEqual(first);
    expect(first).toEqual(memory);
  });
});
