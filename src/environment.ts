/**
 * Where the commands keep what they write and which database they use, as the environment says: the
 * index folder (`INDEX_DIR`, `index/` by default — on NAIS, where only /tmp is writable, a folder under
 * it) and the PostgreSQL database, which NAIS names in `NAIS_DATABASE_<INSTANCE>_<DATABASE>_URL` for the
 * manifest's `gcp.sqlInstances` and which is otherwise `DATABASE_URL`.
 */

/** Beside the code, as `npm start` has always kept it. */
const DEFAULT_INDEX_DIR = 'index';

/** The index folder, and its OCR cache: `INDEX_DIR`, or `index/`. */
export function indexDir(env: NodeJS.ProcessEnv): string {
  return env.INDEX_DIR || DEFAULT_INDEX_DIR;
}

/** The environment with `DATABASE_URL` set to the database NAIS injected, when it injected one. */
export function withNaisDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const names = Object.keys(env).filter((name) => /^NAIS_DATABASE_\w+_URL$/.test(name) && !name.endsWith('_JDBC_URL') && env[name]);
  if (names.length === 0) return env;
  if (names.length > 1) throw new Error(`NAIS names more than one database (${names.sort().join(', ')}): set DATABASE_URL to the one to use`);
  return { ...env, DATABASE_URL: libpqSslModes(env[names[0]!]!) };
}

/**
 * NAIS's URL says `sslmode=verify-ca`: the server's certificate is checked against the instance's own
 * CA, not against the address connected to, which the certificate does not name. node-postgres reads
 * `verify-ca` as `verify-full` unless told to read SSL modes as libpq does.
 */
function libpqSslModes(url: string): string {
  if (!/[?&]sslmode=/.test(url) || /[?&]uselibpqcompat=/.test(url)) return url;
  return `${url}&uselibpqcompat=true`;
}
