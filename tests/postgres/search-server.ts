import { SearchEngine, type SearchRequest } from '../../src/search/engine.js';
import { closeDatabases } from '../../src/search/postgres-database.js';
import { openPostgresEngine } from '../../src/search/postgres-store.js';

/**
 * One search server of the two-server test, in a process of its own: it opens the PostgreSQL store at
 * the URL it is given — or, with `memory`, builds the in-memory engine from the corpus that store holds
 * — answers the requests read from stdin (a JSON array) and writes the responses to stdout.
 */
const [url, mode] = process.argv.slice(2);
const store = await openPostgresEngine(url!);
const engine = mode === 'memory' ? SearchEngine.build(store.engine.catalog.corpus) : store.engine;
let input = '';
for await (const chunk of process.stdin) input += chunk;
const responses = [];
for (const request of JSON.parse(input) as SearchRequest[]) responses.push(mode === 'memory' ? engine.search(request) : await engine.searchAsync(request));
process.stdout.write(JSON.stringify(responses));
await store.close();
await closeDatabases();
