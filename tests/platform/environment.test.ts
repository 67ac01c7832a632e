/**
 * Where the commands write and which database they use: `INDEX_DIR`, and the database NAIS injects
 * for `gcp.sqlInstances` (falling back to `DATABASE_URL`), with its SSL mode meant as libpq means it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'pg-connection-string';
import { indexDir, withNaisDatabase } from '../../src/environment.js';

const NAIS_URL = 'postgresql://styringssok:hemmelig@10.0.0.5:5432/styringssok?sslcert=/var/run/secrets/nais.io/sqlcertificate/cert.pem&sslkey=/var/run/secrets/nais.io/sqlcertificate/key.pem&sslrootcert=/var/run/secrets/nais.io/sqlcertificate/root-cert.pem&sslmode=verify-ca';

describe('the environment of the commands', () => {
  test('the index folder is INDEX_DIR, or index/', () => {
    expect(indexDir({})).toBe('index');
    expect(indexDir({ INDEX_DIR: '' })).toBe('index');
    expect(indexDir({ INDEX_DIR: '/tmp/styringssok/index' })).toBe('/tmp/styringssok/index');
  });

  test("NAIS's database URL is the database, ahead of DATABASE_URL; its JDBC twin and its parts are not read", () => {
    const env = withNaisDatabase({
      DATABASE_URL: 'postgres://lokal@localhost/styringssok',
      NAIS_DATABASE_STYRINGSSOK_STYRINGSSOK_URL: NAIS_URL,
      NAIS_DATABASE_STYRINGSSOK_STYRINGSSOK_JDBC_URL: 'jdbc:postgresql://10.0.0.5:5432/styringssok',
      NAIS_DATABASE_STYRINGSSOK_STYRINGSSOK_HOST: '10.0.0.5',
    });
    expect(env.DATABASE_URL).toBe(`${NAIS_URL}&uselibpqcompat=true`);
  });

  test('node-postgres then checks the certificate against the instance CA, not against the address it does not name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'styringssok-certs-'));
    try {
      for (const file of ['cert.pem', 'key.pem', 'root-cert.pem']) writeFileSync(join(dir, file), `-- ${file} --`);
      const url = NAIS_URL.replaceAll('/var/run/secrets/nais.io/sqlcertificate', dir);
      const asIs = parse(url).ssl as { checkServerIdentity?: unknown };
      expect(asIs.checkServerIdentity).toBeUndefined();
      const ssl = parse(withNaisDatabase({ NAIS_DATABASE_X_Y_URL: url }).DATABASE_URL!).ssl as { ca: string; cert: string; rejectUnauthorized?: boolean; checkServerIdentity?: () => undefined };
      expect(ssl).toMatchObject({ ca: '-- root-cert.pem --', cert: '-- cert.pem --' });
      expect(ssl.rejectUnauthorized).not.toBe(false);
      expect(ssl.checkServerIdentity?.()).toBeUndefined();
      expect(typeof ssl.checkServerIdentity).toBe('function');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without NAIS, DATABASE_URL is left as it is', () => {
    expect(withNaisDatabase({ DATABASE_URL: 'postgres://lokal@localhost/styringssok?sslmode=require' }).DATABASE_URL).toBe('postgres://lokal@localhost/styringssok?sslmode=require');
  });

  test('a URL that names no SSL mode, or says how to read it, is taken as it is', () => {
    expect(withNaisDatabase({ NAIS_DATABASE_A_B_URL: 'postgresql://a@10.0.0.5/b' }).DATABASE_URL).toBe('postgresql://a@10.0.0.5/b');
    expect(withNaisDatabase({ NAIS_DATABASE_A_B_URL: 'postgresql://a@h/b?sslmode=verify-full&uselibpqcompat=false' }).DATABASE_URL).toBe('postgresql://a@h/b?sslmode=verify-full&uselibpqcompat=false');
  });

  test('two databases from NAIS are one too many to guess between', () => {
    expect(() => withNaisDatabase({ NAIS_DATABASE_A_ONE_URL: 'postgresql://a@h/one', NAIS_DATABASE_A_TWO_URL: 'postgresql://a@h/two' })).toThrow(
      'NAIS names more than one database (NAIS_DATABASE_A_ONE_URL, NAIS_DATABASE_A_TWO_URL): set DATABASE_URL to the one to use',
    );
  });
});
