import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { SearchEngine } from '../../src/search/engine.js';
import { createApp } from '../../src/web/app.js';
import { closeGracefully, listen } from '../../src/web/server.js';

/**
 * An advisor's journey through the real corpus in Debian's chromium: search, narrow to one year, open
 * a hit on its paragraph, compare it across the years. Screenshots go to tests/artifacts/.
 */
const ARTIFACTS = 'tests/artifacts';

let server: Server;
let browser: Browser;
let base: string;
/** Console errors and CSP violations seen on any page. */
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const engine = SearchEngine.build((await ingestCorpus({ corpusDir: 'corpus' })).corpus);
  server = await listen(createApp({ index: { current: engine } }), 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) await closeGracefully(server);
});

async function newPage(width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'nb-NO' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return page;
}

/** The id of the focused element (the test compiles without the DOM's types, so the page gets a string). */
function activeId(page: Page): Promise<unknown> {
  return page.evaluate('document.activeElement?.id');
}

test('search, tick 2023, open a hit on its paragraph, compare it with 2019 and 2024', async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  expect(await page.locator('#trends-heading').textContent()).toBe('Temaer over tid');
  await page.screenshot({ path: `${ARTIFACTS}/01-forside.png` });

  // "/" puts the cursor in the search box.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  expect(await activeId(page)).toBe('q');
  await page.keyboard.type('ungdomsgarantien');
  await Promise.all([page.waitForURL(/q=ungdomsgarantien/), page.keyboard.press('Enter')]);
  expect(await page.locator('#results-heading').textContent()).toMatch(/\d+ treff for «ungdomsgarantien»/);
  await page.screenshot({ path: `${ARTIFACTS}/02-treff.png` });

  // Ticking a year applies it at once, and the choice is in the URL.
  await Promise.all([page.waitForURL(/year=2023/), page.locator('label[for="f-year-2023"]').click()]);
  expect(await page.locator('#f-year-2023').isChecked()).toBe(true);
  const years = await page.locator('.hit .hit__meta .aksel-tag').allTextContents();
  expect(years.length).toBeGreaterThan(0);
  expect(new Set(years.map((y) => y.trim()))).toEqual(new Set(['2023']));
  expect(await activeId(page)).toBe('f-year-2023');
  await page.screenshot({ path: `${ARTIFACTS}/03-filtrert-2023.png`, fullPage: true });

  // The first hit opens its paragraph, marked as the target, with the query's words highlighted.
  const first = page.locator('.hit__title a').first();
  const href = (await first.getAttribute('href'))!;
  const anchor = decodeURIComponent(href.split('#')[1]!);
  await Promise.all([page.waitForURL(/\/dok\/mdb-2023/), first.click()]);
  const target = page.locator('.paragraph:target');
  expect(await target.getAttribute('id')).toBe(anchor);
  expect(await target.locator('mark').count()).toBeGreaterThan(0);
  expect(await target.isVisible()).toBe(true);
  const box = (await target.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(900);
  await page.screenshot({ path: `${ARTIFACTS}/04-avsnitt.png` });

  // "Kopier lenke" puts the paragraph's own address on the clipboard.
  await target.hover();
  const copyLink = target.locator('button[data-copy="link"]');
  await copyLink.click();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${base}/dok/mdb-2023#${anchor}`);
  // The button (Aksel's CopyButton) says what it copied, and is active until it goes back to its label.
  expect((await copyLink.textContent())?.trim()).toBe('Lenken er kopiert');
  expect(await copyLink.getAttribute('data-active')).toBe('true');
  await target.locator('button[data-copy="citation"]').click();
  expect(await page.evaluate('navigator.clipboard.readText()')).toMatch(new RegExp(`^«.+» \\(Mål- og disponeringsbrev 2023.*\\) ${base}/dok/mdb-2023#`));

  // On the document page too, "/" goes to the search box.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  expect(await activeId(page)).toBe('header-q');

  // Compare: 2019, 2023 and 2024 side by side.
  await Promise.all([page.waitForURL(/\/sammenlign\?id=/), target.locator('a', { hasText: 'Sammenlign med andre år' }).click()]);
  const columns = await page.locator('.compare-column__year').allTextContents();
  expect(columns.map((c) => c.trim().slice(0, 4))).toEqual(['2019', '2023', '2024']);
  const tops = await page.locator('.compare-column').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  expect(await page.locator('.compare-column ins').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${ARTIFACTS}/05-sammenligning.png` });

  expect(problems).toEqual([]);
});

test('on a phone the search, the document and the comparison fit the screen', async () => {
  const page = await newPage(390, 844);
  for (const [name, path] of [
    ['06-mobil-treff', '/?q=ungdomsgarantien'],
    ['07-mobil-avsnitt', '/dok/mdb-2024?q=ungdomsgarantien#2.1.1-ungdomsgarantien-1'],
    ['08-mobil-sammenligning', '/sammenlign?id=mdb-2024/2.1.1-ungdomsgarantien-1'],
  ] as const) {
    await page.goto(`${base}${path}`);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  }
  expect(problems).toEqual([]);
});

test('facets work from the keyboard and without scripts', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=sykmeldte`);
  await page.locator('#f-year-2024').focus();
  await Promise.all([page.waitForURL(/year=2024/), page.keyboard.press('Space')]);
  expect(await page.locator('#f-year-2024').isChecked()).toBe(true);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${base}/?q=sykmeldte`);
  await plain.locator('label[for="f-year-2019"]').click();
  await Promise.all([plain.waitForURL(/year=2019/), plain.locator('[data-facets-submit]').click()]);
  expect(await plain.locator('#f-year-2019').isChecked()).toBe(true);
  await noScript.close();
});

test('an abbreviation\'s long form is searched too, until the words alone are asked for; a year ticked then keeps that', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=AFT`);
  const notice = page.locator('.query-notice--widened');
  expect(await notice.textContent()).toMatch(/Søkte også etter: arbeidsforberedende trening \(for AFT\)/i);
  await page.screenshot({ path: `${ARTIFACTS}/09-forkortelse.png` });
  await Promise.all([page.waitForURL(/exact=1/), notice.locator('a').click()]);
  expect(await notice.count()).toBe(0);
  expect(await page.locator('.exact-notice').isVisible()).toBe(true);
  await Promise.all([page.waitForURL(/year=2023/), page.locator('label[for="f-year-2023"]').click()]);
  expect(page.url()).toMatch(/exact=1/);
  expect(problems).toEqual([]);
});

test('a link to a paragraph the document does not have says so', async () => {
  const page = await newPage();
  await page.goto(`${base}/dok/mdb-2024#2.1.1-finnes-ikke-9`);
  expect(await page.locator('[data-anchor-notice]').isVisible()).toBe(true);
  await page.goto(`${base}/dok/mdb-2024#2.1.1-ungdomsgarantien-1`);
  expect(await page.locator('[data-anchor-notice]').isVisible()).toBe(false);
});
