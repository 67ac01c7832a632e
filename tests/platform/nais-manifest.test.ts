/**
 * The NAIS manifest (.nais/app.yaml) against the app it deploys: the port is the one the image listens
 * on, the probe and metrics paths are answered — without a token, though sign-in is on — and every
 * variable the manifest sets, or has NAIS inject (the database, Entra ID), is one the app reads: taking
 * it away changes its settings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import request from 'supertest';
import { indexDir, withNaisDatabase } from '../../src/environment.js';
import { SearchEngine } from '../../src/search/engine.js';
import { storeSettings } from '../../src/store/open-store.js';
import { createApp } from '../../src/web/app.js';
import { serveSettings } from '../../src/web/http/serve-settings.js';
import { smallCorpus } from '../web/fixtures.js';
import { startTokenIssuer, type TokenIssuer } from '../web/token-issuer.js';

// js-yaml comes with jest (through istanbul's config loader); the manifest is YAML.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    image: string;
    port: number;
    replicas: { min: number; max: number; disableAutoScaling?: boolean };
    liveness: { path: string };
    readiness: { path: string };
    prometheus: { enabled: boolean; path: string };
    resources: { requests: { memory: string } };
    env: { name: string; value: string }[];
    gcp?: { sqlInstances?: { name?: string; databases: { name: string; envVarPrefix?: string }[] }[] };
    azure?: { application?: { enabled: boolean }; sidecar?: { enabled: boolean; autoLogin?: boolean; autoLoginIgnorePaths?: string[] } };
  };
}

const manifest = yaml.load(readFileSync('.nais/app.yaml', 'utf8')) as Manifest;
const { spec } = manifest;

/** What the image's last stage sets with ENV (the values the manifest builds on). */
function imageEnv(): Record<string, string> {
  const lastStage = readFileSync('Dockerfile', 'utf8').split(/^FROM .*$/m).at(-1)!;
  const env: Record<string, string> = {};
  for (const [, block] of lastStage.replace(/\\\n/g, ' ').matchAll(/^ENV (.+)$/gm)) for (const [, name, value] of block!.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!;
  return env;
}

/** The names NAIS gives the database's variables: NAIS_DATABASE_<INSTANCE>_<DATABASE>_…, or the prefix asked for. */
function databaseVariable(suffix: string): string {
  const instance = spec.gcp!.sqlInstances![0]!;
  const database = instance.databases[0]!;
  const prefix = database.envVarPrefix ?? `NAIS_DATABASE_${instance.name ?? manifest.metadata.name}_${database.name}`;
  return `${prefix}_${suffix}`.toUpperCase().replaceAll('-', '_');
}

let issuer: TokenIssuer;
let injected: Record<string, string>;
let env: Record<string, string>;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  injected = {
    [databaseVariable('URL')]: 'postgresql://styringssok:hemmelig@10.0.0.5:5432/styringssok?sslmode=verify-ca',
    [databaseVariable('JDBC_URL')]: 'jdbc:postgresql://10.0.0.5:5432/styringssok',
    AZURE_APP_CLIENT_ID: issuer.settings.audience,
    AZURE_OPENID_CONFIG_ISSUER: issuer.settings.issuer,
    AZURE_OPENID_CONFIG_JWKS_URI: issuer.settings.jwksUri,
  };
  env = { ...imageEnv(), ...injected, ...Object.fromEntries(spec.env.map(({ name, value }) => [name, value])) };
});

afterAll(() => issuer.close());

/** Everything the app makes of an environment: its serve settings and its store, or why it would not start. */
function settings(environment: Record<string, string>) {
  try {
    return { serve: serveSettings(environment), store: storeSettings(indexDir(environment), withNaisDatabase(environment)) };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const without = (name: string) => Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));

describe('the NAIS manifest', () => {
  test('is an Application whose image is filled in at deploy', () => {
    expect(manifest).toMatchObject({ apiVersion: 'nais.io/v1alpha1', kind: 'Application', metadata: { name: 'styringssok' } });
    expect(spec.image).toBe('{{ image }}');
  });

  test('names the port the image serves on', () => {
    const read = settings(env);
    expect(read).not.toHaveProperty('refused');
    expect(spec.port).toBe((read as { serve: { port: number } }).serve.port);
  });

  test('every variable it sets, or has NAIS inject, is one the app reads', () => {
    const all = settings(env);
    for (const name of [...spec.env.map((e) => e.name), ...Object.keys(injected).filter((name) => !name.endsWith('_JDBC_URL'))]) {
      expect({ name, read: settings(without(name)) }).not.toEqual({ name, read: all });
    }
  });

  test('the store is the manifest’s PostgreSQL instance, reached as NAIS says', () => {
    expect(spec.gcp?.sqlInstances).toHaveLength(1);
    expect(settings(env)).toMatchObject({ store: { kind: 'postgres', databaseUrl: `${injected[databaseVariable('URL')]}&uselibpqcompat=true` } });
  });

  test('the replicas are as many as the rate limit is shared by', () => {
    const { serve } = settings(env) as { serve: { replicas: number; rateLimit: number } };
    expect(spec.replicas).toEqual({ min: serve.replicas, max: serve.replicas, disableAutoScaling: true });
    expect(serve.replicas).toBe(2);
    expect(serve.rateLimit).toBeGreaterThan(0);
  });

  test('sign-in is on exactly when the login proxy is, and the proxy leaves the probes alone', () => {
    const { serve } = settings(env) as { serve: { signIn: unknown } };
    expect(spec.azure?.application?.enabled && spec.azure.sidecar?.enabled).toBe(true);
    expect(serve.signIn).toEqual(issuer.settings);
    const ignored = (path: string) => (spec.azure?.sidecar?.autoLoginIgnorePaths ?? []).some((glob) => new RegExp(`^${glob.replaceAll('*', '[^/]*')}$`).test(path));
    for (const path of [spec.liveness.path, spec.readiness.path, spec.prometheus.path]) expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: true });
  });

  test('its probe and metrics paths are served, without a token; the rest asks for one', async () => {
    const { serve } = settings(env) as { serve: ReturnType<typeof serveSettings> };
    const app = createApp({ index: { current: SearchEngine.build(smallCorpus()) }, rateLimit: serve.rateLimit, replicas: serve.replicas, logQueries: serve.logQueries, trustProxy: serve.trustProxy, signIn: serve.signIn });
    await request(app).get(spec.liveness.path).expect(200);
    await request(app).get(spec.readiness.path).expect(200);
    expect(spec.prometheus.enabled).toBe(true);
    const metrics = await request(app).get(spec.prometheus.path).expect(200).expect('Content-Type', /^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toMatch(/^styringssok_index_documents 3$/m);
    await request(app).get('/?q=unge').expect(401);
    await request(app).get('/?q=unge').set('Authorization', `Bearer ${await issuer.token()}`).expect(200);
  });
});
