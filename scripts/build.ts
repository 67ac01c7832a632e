/**
 * `npm run build [-- OUT_DIR]`: the code as the image runs it — src/ compiled to JavaScript in dist/
 * (tsconfig.build.json), laid out as src/ is, with the data files kept beside the code (the OCR word
 * lists) copied where the JavaScript goes, so the code finds them where it expects them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out], { stdio: 'inherit' });
cpSync('src', out, { recursive: true, filter: (from) => statSync(from).isDirectory() || !from.endsWith('.ts') });
