import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { MAX_BODY_BYTES, MAX_URL_LENGTH } from '../../src/web/http/request-limits.js';
import { closeGracefully, listen } from '../../src/web/server.js';
import { smallApp } from './fixtures.js';

/**
 * Requests nobody should send. Each must get a 2xx, 3xx or 4xx — the API's as `{ error }`, a page's
 * as the Norwegian error page — never a 500, a stack trace, or the input echoed as live markup.
 */
let server: Server;
beforeAll(async () => {
  server = await listen(smallApp(), 0, '127.0.0.1');
});
afterAll(() => closeGracefully(server));

/** Every route, with a valid path; each is sent every parameter, whether it reads it or not. */
const ROUTES = ['/', '/dok', '/dok/mdb-2024', '/dok/mdb-2024/skann', '/sammenlign', '/avsnitt/mdb-2024/2.1-1', '/api/search', '/api/documents', '/api/documents/mdb-2024', '/api/compare', '/healthz'];
const PARAMS = ['q', 'year', 'topic', 'type', 'exact', 'limit', 'offset', 'side', 'id'];

const encode = encodeURIComponent;
/** Hostile values as a query string for one parameter; the percent-encoding is part of the attack. */
const VALUES: [string, (name: string) => string][] = [
  ['empty', (n) => `${n}=`],
  ['name without value', (n) => n],
  ['5,000 characters', (n) => `${n}=${'a'.repeat(5000)}`],
  ['control characters', (n) => `${n}=%00%01%07%1B%7F%C2%85`],
  ['NUL inside a word', (n) => `${n}=unge%00garanti`],
  ['lone surrogate as UTF-8', (n) => `${n}=%ED%A0%80`],
  ['lone surrogate as %u', (n) => `${n}=%uD800`],
  ['right-to-left override', (n) => `${n}=${encode('\u202Eegnu\u202C unge')}`],
  ['emoji', (n) => `${n}=${encode('🔍 👩‍👩‍👧 unge')}`],
  ['HTML', (n) => `${n}=${encode('<b>unge</b>')}`],
  ['script', (n) => `${n}=${encode('<script>alert(1)</script>')}`],
  ['attribute break-out', (n) => `${n}=${encode('"><img src=x onerror=alert(1)>')}`],
  ['SQL', (n) => `${n}=${encode("' OR 1=1; DROP TABLE paragraphs; --")}`],
  ['regex metacharacters', (n) => `${n}=${encode('.*+?^${}()|[]\\')}`],
  ['query syntax only', (n) => `${n}=${encode('""" --- OR OR §§ (')}`],
  ['__proto__', (n) => `${n}=__proto__`],
  ['constructor', (n) => `${n}=constructor`],
  ['__proto__ as the name', () => '__proto__=x&__proto__[q]=y&constructor[prototype]=z'],
  ['repeated', (n) => `${n}=2024&${n}=unge&${n}=`],
  ['array syntax', (n) => `${n}[]=2024`],
  ['object syntax', (n) => `${n}[__proto__]=x`],
  ['negative', (n) => `${n}=-1`],
  ['huge', (n) => `${n}=99999999999999999999999`],
  ['exponent', (n) => `${n}=1e309`],
  ['fraction', (n) => `${n}=1.5`],
  ['lone %', (n) => `${n}=%`],
  ['%zz', (n) => `${n}=%zz`],
  ['truncated UTF-8', (n) => `${n}=%E0%A4%A`],
  ['path traversal', (n) => `${n}=..%2F..%2Fpackage.json`],
  ['double-encoded traversal', (n) => `${n}=%252e%252e%252fpackage.json`],
];

/** Input that must never come back as it was sent inside a page. */
const LIVE_INPUT = ['<script>alert', '<img src=x', '<b>unge', '\u202E', '\u0000'];

function problems(path: string, res: request.Response, statuses?: number[]): string[] {
  const found: string[] = [];
  const json = path.startsWith('/api/') || path.startsWith('/healthz');
  if (statuses ? !statuses.includes(res.status) : res.status >= 500 || res.status < 200) found.push(`status ${res.status}`);
  if (res.text?.includes('"devDependencies"')) found.push('serves package.json');
  if (/\.(ts|js):\d+/.test(res.text ?? '')) found.push('a stack trace');
  if (json && res.status >= 400 && !(typeof res.body?.error === 'string' && res.body.error && Object.keys(res.body).length === 1)) found.push(`not { error }: ${res.text.slice(0, 80)}`);
  if (!json && res.status >= 400 && !res.text.includes('class="error-page"')) found.push('not the error page');
  if (/html/.test(res.headers['content-type'] ?? '')) for (const input of LIVE_INPUT) if (res.text.includes(input)) found.push(`echoes ${JSON.stringify(input)}`);
  if (path.startsWith('/api/search') && res.status === 200 && !(typeof res.body.total === 'number' && Array.isArray(res.body.hits))) found.push('not a search response');
  return found.map((p) => `${path.slice(0, 100)}: ${p}`);
}

async function check(paths: string[], statuses?: number[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < paths.length; i += 16) {
    const batch = paths.slice(i, i + 16);
    const responses = await Promise.all(batch.map((path) => request(server).get(path)));
    responses.forEach((res, k) => found.push(...problems(batch[k]!, res, statuses)));
  }
  return found;
}

describe('every route × every parameter × every hostile value', () => {
  test(`${ROUTES.length} routes × ${PARAMS.length} parameters × ${VALUES.length} values = ${ROUTES.length * PARAMS.length * VALUES.length} requests`, () => {
    expect(ROUTES.length * PARAMS.length * VALUES.length).toBe(2970);
  });

  test.each(ROUTES)('%s', async (route) => {
    const paths = PARAMS.flatMap((name) => VALUES.map(([, query]) => `${route}?${query(name)}`));
    expect(await check(paths)).toEqual([]);
  });

  test('a 5,000-character query is refused with a clear message', async () => {
    const res = await request(server).get('/api/search').query({ q: 'ungdom '.repeat(715) }).expect(400);
    expect(res.body.error).toMatch(/for langt.*1000 tegn/);
    const page = await request(server).get('/').query({ q: 'ungdom '.repeat(715) }).expect(400);
    expect(page.text).toContain('Søket er for langt');
  });

  test('markup in the query is shown as text', async () => {
    const res = await request(server).get('/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E').expect(200);
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('bidirectional overrides are dropped from the query', async () => {
    const res = await request(server).get(`/?q=${encode('\u202Eegnu\u202C')}`).expect(200);
    expect(res.text).toContain('«egnu»');
  });

  test('random query strings never make a 500', async () => {
    const key = fc.constantFrom(...PARAMS, '__proto__', 'q[]', 'year[x]');
    const pair = fc.tuple(key, fc.string({ unit: 'binary', maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.array(pair, { maxLength: 6 }), async (route, pairs) => {
        const query = pairs.map(([k, v]) => `${encode(k)}=${encode(v.replace(/[\uD800-\uDFFF]/g, ''))}`).join('&');
        expect(problems(`${route}?${query}`, await request(server).get(`${route}?${query}`))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('unknown ids, anchors and paths', () => {
  /** Each place in a path that names something, with the rest valid. */
  const PLACES = [
    (s: string) => `/dok/${s}`,
    (s: string) => `/dok/${s}/skann`,
    (s: string) => `/dok/mdb-2024/${s}`,
    (s: string) => `/avsnitt/${s}/2.1-1`,
    (s: string) => `/avsnitt/mdb-2024/${s}`,
    (s: string) => `/api/documents/${s}`,
    (s: string) => `/api/${s}`,
    (s: string) => `/static/${s}`,
    (s: string) => `/static/ds/${s}`,
    (s: string) => `/${s}`,
  ];
  const SEGMENTS = [
    'finnes-ikke',
    'mdb-1999',
    '..',
    '..%2F..%2Fpackage.json',
    '%2e%2e%2f%2e%2e%2fpackage.json',
    '%2E%2E/%2E%2E/package.json',
    '%252e%252e%252fpackage.json',
    '..%5c..%5cpackage.json',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '%00',
    '%ED%A0%80',
    '%uD800',
    '%E0%A4%A',
    '%',
    '%zz',
    encode('\u202Etxt'),
    encode('<script>alert(1)</script>'),
    encode('🔍'),
    'a'.repeat(5000),
  ];

  test(`${PLACES.length} places × ${SEGMENTS.length} names = ${PLACES.length * SEGMENTS.length} requests: each a 4xx that reveals nothing`, async () => {
    expect(await check(PLACES.flatMap((place) => SEGMENTS.map(place)), [400, 403, 404])).toEqual([]);
  });

  test('an unknown document is a 404 page, in the API a JSON 404', async () => {
    expect((await request(server).get('/dok/mdb-1999').expect(404)).text).toContain('Vi finner ikke dokumentet du ba om.');
    expect((await request(server).get('/api/documents/mdb-1999').expect(404)).body).toEqual({ error: 'Dokumentet «mdb-1999» finnes ikke.' });
  });

  test('a path that cannot be decoded is a 400 that says so', async () => {
    expect((await request(server).get('/dok/%E0%A4%A').expect(400)).text).toContain('ugyldig prosentkoding');
  });
});

describe('request size', () => {
  test(`a URL longer than ${MAX_URL_LENGTH} characters is a 414, with a message`, async () => {
    const q = 'a'.repeat(MAX_URL_LENGTH);
    expect((await request(server).get(`/api/search?q=${q}`).expect(414)).body.error).toMatch(/Adressen er for lang/);
    expect((await request(server).get(`/?q=${q}`).expect(414)).text).toContain('Adressen er for lang');
  });

  test('beyond Node’s header limit, Node itself refuses', async () => {
    await request(server).get(`/api/search?q=${'a'.repeat(20_000)}`).expect(431);
  });

  test('a small body is ignored, a larger one is a 413, and so is a body of unknown length', async () => {
    await request(server).get('/api/search?q=unge').set('Content-Type', 'application/json').send('{"q":"x"}').expect(200);
    const large = await request(server).get('/api/search?q=unge').set('Content-Type', 'text/plain').send('x'.repeat(MAX_BODY_BYTES + 1)).expect(413);
    expect(large.body.error).toMatch(/for stor/);
    expect(large.headers.connection).toBe('close');
    expect((await request(server).post('/').send('x'.repeat(100_000)).expect(413)).text).toContain('for stor');
    const { port } = server.address() as AddressInfo;
    const chunked = await fetch(`http://127.0.0.1:${port}/api/search?q=unge`, { method: 'POST', body: new Blob(['x']).stream(), duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  test('no route reads a body: a POST is a 404', async () => {
    await request(server).post('/api/search').send({ q: 'unge' }).expect(404);
  });
});
