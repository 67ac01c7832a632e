/**
 * The Lucene peer, run as a program of its own: lucene/LuceneBench.java, compiled with javac once per
 * bench against Debian's Lucene jars (liblucene8-java), then run in a JVM per corpus size. It gets the
 * paragraphs every other engine gets, as tab-separated lines, and answers with its own measurements
 * (timed inside the JVM) and each query's top paragraphs, which are scored here like everyone's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../../src/model/corpus.js';
import { paragraphsOf } from './engines.js';
import { DEFAULT_ROUNDS, LIMIT, type LatencyResult, type Rounds } from './latency.js';

const JARS_DIR = '/usr/share/java';
const JARS = ['lucene-core', 'lucene-analyzers-common', 'lucene-queryparser'];
const SOURCE = fileURLToPath(new URL('./lucene/LuceneBench.java', import.meta.url));

export type LuceneSetup = { classpath: string } | { skipped: string };

/** LuceneBench compiled into `outDir`, and the classpath that runs it; or why Lucene cannot run here. */
export function compileLucene(outDir: string): LuceneSetup {
  const files = existsSync(JARS_DIR) ? readdirSync(JARS_DIR) : [];
  const jars = [];
  for (const name of JARS) {
    const jar = files.find((f) => new RegExp(`^${name}-8[\\d.]*\\.jar$`).test(f));
    if (!jar) return { skipped: `no ${name} 8 jar in ${JARS_DIR} (apt-get install liblucene8-java)` };
    jars.push(join(JARS_DIR, jar));
  }
  try {
    execFileSync('javac', ['-d', outDir, '-cp', jars.join(':'), SOURCE], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { skipped: 'no javac (apt-get install default-jdk-headless)' };
    throw error;
  }
  return { classpath: [outDir, ...jars].join(':') };
}

export interface LuceneRun {
  latency: LatencyResult;
  rankings: string[][];
  version: string;
}

export function measureLucene(corpus: Corpus, queries: string[], classpath: string, rounds: Rounds = DEFAULT_ROUNDS): LuceneRun {
  const dir = mkdtempSync(join(tmpdir(), 'styringssok-lucene-'));
  try {
    const paragraphs = paragraphsOf(corpus);
    const line = (fields: string[]) => `${fields.map((f) => f.replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`;
    writeFileSync(join(dir, 'paragraphs.tsv'), paragraphs.map((p) => line([p.text, p.heading, p.title])).join(''));
    writeFileSync(join(dir, 'queries.txt'), queries.map((q) => line([q])).join(''));
    const args = [join(dir, 'paragraphs.tsv'), join(dir, 'queries.txt'), rounds.warmup, rounds.warmupMs, rounds.min, rounds.minMs, rounds.max, LIMIT].map(String);
    const out = execFileSync('java', ['-cp', classpath, 'LuceneBench', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const run = JSON.parse(out) as Omit<LatencyResult, 'indexMB'> & { lucene: string; java: string; paragraphs: number; rankings: number[][] };
    if (run.paragraphs !== paragraphs.length) throw new Error(`LuceneBench read ${run.paragraphs} paragraphs of ${paragraphs.length}`);
    const { p50Ms, p99Ms, buildMs, heapMB, rssMB, samples } = run;
    return {
      // The index lives in the JVM's heap (a ByteBuffersDirectory).
      latency: { p50Ms, p99Ms, buildMs, indexMB: heapMB, heapMB, rssMB, samples },
      rankings: run.rankings.map((ords) => ords.map((ord) => paragraphs[ord]!.id)),
      version: `Lucene ${run.lucene} on Java ${run.java}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
