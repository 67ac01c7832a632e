/**
 * The house stays straight: data flows one way — corpus → ingest → corpus.json → indexing → store →
 * search → web — so no folder of `src` imports from a stage after its own, nothing imports the
 * composition root, and no module imports itself round a cycle. Checked by dependency-cruiser over
 * the real import graph (type-only imports included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type IForbiddenRuleType, type ICruiseResult } from 'dependency-cruiser';

/** What each folder of `src` may import besides itself (and node or npm modules). */
const MAY_IMPORT: Record<string, string[]> = {
  model: [],
  text: [],
  evaluation: ['text'],
  ingest: ['model', 'text'],
  indexing: ['model', 'text'],
  store: ['model', 'indexing'],
  search: ['model', 'text', 'indexing'],
  web: ['model', 'text', 'indexing', 'search'],
};

const FOLDERS = Object.keys(MAY_IMPORT);

const rules: IForbiddenRuleType[] = [
  { name: 'no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
  ...FOLDERS.map(
    (folder): IForbiddenRuleType => ({
      name: `${folder}-imports-only-${MAY_IMPORT[folder]!.join('-') || 'itself'}`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: '^src/', pathNot: [folder, ...MAY_IMPORT[folder]!].map((allowed) => `^src/${allowed}/`) },
    }),
  ),
  { name: 'only-the-composition-root-knows-every-stage', severity: 'error', from: { path: '^src/[^/]+/' }, to: { path: '^src/[^/]+\\.ts$' } },
];

let result: ICruiseResult;

beforeAll(async () => {
  const { output } = await cruise(['src'], {
    validate: true,
    ruleSet: { forbidden: rules },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6'],
  });
  result = output as ICruiseResult;
});

const violations = () => result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);

describe('the import graph of src', () => {
  test('reads every module', () => {
    expect(result.modules.filter((m) => m.source.startsWith('src/')).length).toBeGreaterThan(80);
  });

  test('has no cycles and no import against the flow of data', () => {
    expect(violations()).toEqual([]);
  });

  test('would see an import against the flow', async () => {
    const { output } = await cruise(['src/web/app.ts'], { validate: true, ruleSet: { forbidden: [{ name: 'web-without-search', severity: 'error', from: { path: '^src/web/' }, to: { path: '^src/search/' } }] }, tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' }, doNotFollow: { path: 'node_modules' } });
    expect((output as ICruiseResult).summary.violations.length).toBeGreaterThan(0);
  });
});

describe('the files of src', () => {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

  /**
   * An editor shows the doc comment just above a declaration as that declaration's: a file's opening
   * comment must be followed by the imports or by the first declaration's own comment, not by the
   * declaration itself.
   */
  test('each opens with a comment about the file that stands apart from its first declaration', () => {
    const apart = (text: string) => {
      const opening = /^\/\*\*[\s\S]*?\*\/\n+/.exec(text);
      return opening !== null && /^(import |\/\*\*|\/\/|declare module )/.test(text.slice(opening[0].length));
    };
    expect(files.length).toBeGreaterThan(80);
    expect(files.filter((file) => !apart(readFileSync(join('src', file), 'utf8')))).toEqual([]);
    expect(apart('/** A file. */\nexport const x = 1;\n')).toBe(false);
  });
});
