/**
 * The Dockerfile, read as the build would read it (Docker itself does not run here): every stage on
 * the one Debian-slim Node 20 base pinned by digest; the image with Tesseract's Norwegian data and
 * poppler, the runtime dependencies only, the compiled code run by node (no tsx), uid 1069, and the
 * index under /tmp; a build context that holds nothing of this machine's.
 */
import { readFileSync } from 'node:fs';

const dockerfile = readFileSync('Dockerfile', 'utf8').replace(/\\\n/g, ' ');
const instructions = dockerfile.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
const stages = dockerfile.split(/^(?=FROM )/m).slice(1);
const image = stages.at(-1)!;

describe('the Dockerfile', () => {
  test('builds every stage on node:20-bookworm-slim pinned by its digest', () => {
    const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
    expect(base).toMatch(/^node:20-bookworm-slim@sha256:[0-9a-f]{64}$/);
    expect(instructions.filter((line) => line.startsWith('FROM ')).map((line) => line.split(' ')[1])).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}', '${NODE_IMAGE}']);
  });

  test('installs Tesseract with Norwegian and poppler from Debian, without recommends', () => {
    expect(image).toMatch(/apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-nor poppler-utils/);
  });

  test('ships the runtime dependencies and the compiled code, never the dev dependencies or tsx', () => {
    expect(stages.find((stage) => / AS dependencies$/m.test(stage))).toMatch(/npm ci --omit=dev/);
    expect(image).toMatch(/^COPY --from=dependencies \/app\/node_modules \.\/node_modules$/m);
    expect(image).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(image).not.toMatch(/npm (ci|install)|COPY src|tsx/);
    expect(/^CMD (.+)$/m.exec(image)?.[1]).toBe('["node", "--enable-source-maps", "dist/cli.js", "serve"]');
  });

  test('runs as uid 1069 and keeps the index under /tmp, the one place NAIS lets it write', () => {
    expect(/^USER (\S+)$/m.exec(image)?.[1]).toBe('1069:1069');
    expect(image).toMatch(/useradd --uid 1069 --gid 1069/);
    expect(/INDEX_DIR=(\S+)/.exec(image)?.[1]).toMatch(/^\/tmp\//);
  });

  test('builds from a context that lets in only what the image needs', () => {
    const ignore = readFileSync('.dockerignore', 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(ignore[0]).toBe('*');
    expect(ignore.slice(1).sort()).toEqual(['!corpus', '!package-lock.json', '!package.json', '!public', '!scripts/build.ts', '!src', '!tsconfig.build.json', '!tsconfig.json', '!views']);
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(' ')).filter((f) => !f.startsWith('--'));
    for (const file of copied) expect(ignore).toContain(`!${file}`);
  });
});
