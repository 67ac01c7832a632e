/**
 * One search server of the two-server test, in a process of its own: it loads the PostgreSQL store's
 * index at the URL it is given — or, with `memory`, builds the in-memory engine from the corpus that
 * store holds — answers the requests read from stdin (a JSON array) and writes the responses to stdout.
 */
import { openArchive } from '../../../src/archive.js';
import { SearchEngine, type SearchRequest } from '../../../src/search/engine.js';
import { closeDatabases } from '../../../src/store/postgres/database.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';

const [url, mode] = process.argv.slice(2);
const live = await openArchive(new PostgresStore(url!), undefined, { pollMs: 0 });
const engine = mode === 'memory' ? SearchEngine.build(live.current.catalog.corpus) : live.current;
let input = '';
for await (const chunk of process.stdin) input += chunk;
const responses = [];
for (const request of JSON.parse(input) as SearchRequest[]) responses.push(await engine.search(request));
process.stdout.write(JSON.stringify(responses));
await live.close();
await closeDatabases();
