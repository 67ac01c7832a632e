import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Law } from '../../src/model/corpus.js';
import { SearchEngine } from '../../src/search/engine.js';
import { createApp } from '../../src/web/app.js';
import { makeCorpus } from '../helpers/corpus.js';
import { realApp, smallApp } from './fixtures.js';

/** Every inline script or style the CSP would block. */
function inlineCode(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=/gi)].map((m) => m[0]);
}

describe('search page', () => {
  const app = smallApp();

  test('front page: search box, topics over time linking to searches, documents', async () => {
    const res = await request(app).get('/').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain('<html lang="nb">');
    expect(res.text).toMatch(/<label for="q"/);
    expect(res.text).toContain('Temaer over tid');
    expect(res.text).toContain('href="/?year=2024&amp;topic=unge"');
    expect(res.text).toContain('href="/dok/mdb-2023"');
    expect(res.text).toMatch(/<header[\s\S]*<nav[\s\S]*<main/);
  });

  test('results: count, facets as checkboxes with counts, hits linking to the paragraph and to compare', async () => {
    const res = await request(app).get('/?q=ungdomsgarantien').expect(200);
    expect(res.text).toMatch(/\d+ treff for «ungdomsgarantien»/);
    expect(res.text).toMatch(/<input class="aksel-checkbox__input" type="checkbox" form="sok" id="f-year-2024" name="year" value="2024">/);
    expect(res.text).toContain('<mark>Ungdomsgarantien</mark>');
    expect(res.text).toContain('href="/dok/mdb-2024?q=ungdomsgarantien#2.1-1"');
    expect(res.text).toContain('href="/sammenlign?id=mdb-2024%2F2.1-1"');
    expect(res.text).toContain('Treff per år');
  });

  test('active filters are checked and removable chips; the URL holds the whole state', async () => {
    const res = await request(app).get('/?q=unge&year=2024&topic=unge').expect(200);
    expect(res.text).toMatch(/id="f-year-2024" name="year" value="2024" checked/);
    expect(res.text).toContain('href="/?q=unge&amp;topic=unge" aria-label="Fjern filteret 2024"');
    expect(res.text).toContain('href="/?q=unge&amp;year=2024" aria-label="Fjern filteret Unge og ungdomsgarantien"');
    expect(res.text).toContain('href="/?q=unge"');
  });

  test('an empty result suggests the corrected spelling and a search without filters', async () => {
    const res = await request(app).get('/?q=ungdomsgarantein&year=2019').expect(200);
    expect(res.text).toContain('Ingen treff for «ungdomsgarantein»');
    expect(res.text).toContain('href="/?q=ungdomsgarantien&amp;year=2019"');
    expect(res.text).toContain('søk uten filtre');
  });

  test('a quoted phrase without hits offers the words without quotes', async () => {
    const res = await request(app).get('/?q=%22kontaktperson+ungdomsgarantien%22').expect(200);
    expect(res.text).toContain('Søk uten anførselstegn');
  });

  test('pages of results link to each other', async () => {
    const res = await request(await realApp()).get('/?q=unge&side=2').expect(200);
    expect(res.text).toContain('aria-current="page" aria-label="Side 2"');
    expect(res.text).toContain('rel="prev"');
    expect(res.text).toContain('Viser 11–20');
  });

  test('the query is escaped wherever it is shown', async () => {
    const res = await request(app).get('/').query({ q: '<script>alert(1)</script>"><img src=x onerror=alert(1)>' }).expect(200);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('a search widened by an abbreviation', () => {
  test('says what else it searched for, and links to the words alone, filters kept', async () => {
    const app = await realApp();
    const res = await request(app).get('/?q=AFT&year=2024').expect(200);
    expect(res.text).toMatch(/<p class="query-notice query-notice--widened" role="status"><span>Søkte også etter: arbeidsforberedende trening \(for AFT\)\.<\/span> <a href="\/\?q=AFT&amp;exact=1&amp;year=2024">Søk bare etter «AFT»<\/a><\/p>/i);
  });

  test('the words alone: no notice, the choice kept in the form, and a way back', async () => {
    const app = await realApp();
    const widened = await request(app).get('/?q=AFT').expect(200);
    const exactUrl = /<a href="([^"]+)">Søk bare etter/.exec(widened.text)![1]!.replaceAll('&amp;', '&');
    expect(new URL(exactUrl, 'http://x').searchParams.get('exact')).toBe('1');
    const exact = await request(app).get(exactUrl).expect(200);
    expect(exact.text).not.toContain('Søkte også etter');
    expect(exact.text).toContain('<input type="hidden" name="exact" value="1">');
    expect(exact.text).toContain('Søkte bare etter ordene slik du skrev dem. <a href="/?q=AFT">Søk også etter forkortelser og synonymer</a>');
    expect(widened.text).not.toContain('name="exact"');
  });
});

describe('law references on the pages', () => {
  const laws = (JSON.parse(readFileSync('corpus/laws.json', 'utf8')) as { laws: Law[] }).laws;
  const text = 'Unge skal få vedtak etter NAV-loven § 14 a, ikke etter barnehageloven § 2. <script>alert(1)</script> & "NAV"';
  const corpus = {
    ...makeCorpus([
      { year: 2024, sections: [{ number: '2.1', title: 'Unge i arbeid', paragraphs: [{ text }] }] },
      { year: 2023, sections: [{ number: '2.1', title: 'Unge i arbeid', paragraphs: [{ text: text.replace('skal', 'bør') }] }] },
    ]),
    laws,
  };
  corpus.documents[0]!.sources.push({ file: 'mdb-2024-skannet.txt', kind: 'ocr', canonical: false, encoding: 'utf-8', sha256: '1', paragraphs: [{ matches: 'mdb-2024/2.1-1', text, repairs: [] }] });
  const app = createApp({ index: { current: SearchEngine.build(corpus) } });
  const link = '<a href="https://lovdata.no/lov/2006-06-16-20/%C2%A714a" rel="external" title="NAV-loven § 14 a på Lovdata">';

  test.each(['/dok/mdb-2024', '/sammenlign?id=mdb-2024/2.1-1', '/dok/mdb-2024/skann'])('%s links the reference whole, leaves an unknown law plain and escapes the rest', async (path) => {
    const res = await request(app).get(path).expect(200);
    expect(res.text).toContain(`${link}NAV-loven § 14 a</a>`);
    expect(res.text).toContain('ikke etter barnehageloven § 2. &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;NAV&#34;');
    expect(res.text).not.toContain('<script>alert(1)');
  });

  test('the comparison links the reference in both years, the one that changed words too', async () => {
    const res = await request(app).get('/sammenlign?id=mdb-2024/2.1-1').expect(200);
    expect(res.text).toContain('<del>bør</del><ins>skal</ins>');
    expect(res.text.split(`${link}NAV-loven § 14 a</a>`)).toHaveLength(3);
  });

  test('the query\'s marks nest inside the link, in the document and in a hit\'s snippet', async () => {
    const doc = await request(app).get('/dok/mdb-2024?q=NAV-loven').expect(200);
    expect(doc.text).toContain(`${link}<mark>NAV-loven</mark> § 14 a</a>`);
    const search = await request(app).get('/?q=NAV-loven').expect(200);
    expect(search.text).toContain(`<p class="hit__snippet">Unge skal få vedtak etter ${link}<mark>NAV-loven</mark> § 14 a</a>`);
  });

  test('the API\'s snippet keeps its contract: marks, no links', async () => {
    const hit = (await request(app).get('/api/search?q=NAV-loven').expect(200)).body.hits[0];
    expect(hit.snippet).toContain('<mark>NAV-loven</mark> § 14 a');
    expect(hit.snippet).not.toContain('<a ');
  });
});

describe('document page', () => {
  const app = smallApp();

  test('title, date, saksnr, sources, contents and numbered sections with paragraph anchors', async () => {
    const res = await request(app).get('/dok/mdb-2024').expect(200);
    expect(res.text).toContain('<h1 id="doc-title" class="doc__title">Mål- og disponeringsbrev 2024</h1>');
    expect(res.text).toContain('19. februar 2024');
    expect(res.text).toContain('23/36047-8');
    expect(res.text).toContain('href="/dok/mdb-2024/skann"');
    expect(res.text).toContain('<a href="#kap-2.1"><span class="toc__number">2.1</span> Unge i arbeid</a>');
    expect(res.text).toContain('id="2.1-1"');
    expect(res.text).toContain('<ul><li>Fordeling av driftsmidler</li><li>Krav til rapportering</li></ul>');
    expect(res.text).toMatch(/<div class="cells cells--2"><div class="cell">Andel unge med overgang til arbeid<br>Andel sykmeldte<\/div><div class="cell">Skal øke<\/div><\/div>/);
  });

  test('each paragraph offers a link, copy buttons with its citation, and compare', async () => {
    const res = await request(app).get('/dok/mdb-2024').expect(200);
    expect(res.text).toContain('<a class="paragraph__permalink" href="#2.1-2"');
    expect(res.text).toContain('data-copy="link" data-anchor="2.1-2"');
    expect(res.text).toContain('data-citation="«Unge brukere skal ha fast kontaktperson i NAV-kontoret.» (Mål- og disponeringsbrev 2024, pkt. 2.1 Unge i arbeid, «Ungdomsgarantien»)"');
    expect(res.text).toContain('href="/sammenlign?id=mdb-2024%2F2.1-2"');
  });

  test('footnote markers link to the footnotes, which link back', async () => {
    const res = await request(app).get('/dok/mdb-2024').expect(200);
    expect(res.text).toContain('Ungdomsgarantien<sup class="footnote-ref"><a href="#fotnote-1" aria-label="Fotnote 1">1</a></sup> skal');
    expect(res.text).toMatch(/id="fotnote-1"[\s\S]*?<a href="#2.1-1">Tilbake til teksten<\/a>/);
  });

  test('?q= marks the query words in the text', async () => {
    const res = await request(app).get('/dok/mdb-2024?q=kontaktperson').expect(200);
    expect(res.text).toContain('fast <mark>kontaktperson</mark> i NAV-kontoret');
    expect(res.text).toContain('er markert i 1 avsnitt');
    expect(res.text).toContain('class="paragraph paragraph--matched" id="2.1-2"');
  });

  test('the scan view marks every OCR repair with what the scan said', async () => {
    const res = await request(app).get('/dok/mdb-2024/skann').expect(200);
    expect(res.text).toContain('arbeidsrettet <ins class="repair" title="OCR: oppfolging">oppfølging</ins> innen');
    expect(res.text).toContain('href="/dok/mdb-2024#2.1-1"');
    expect(res.text).toMatch(/<h3 class="scan__section">2\.1 Unge i arbeid<\/h3>\s*<h4 class="scan__heading">Ungdomsgarantien<\/h4>/);
    await request(app).get('/dok/mdb-2023/skann').expect(404);
  });

  test('a paragraph id opens the paragraph', async () => {
    await request(app).get('/avsnitt/mdb-2024/2.1-2').expect(302).expect('Location', '/dok/mdb-2024#2.1-2');
    await request(app).get('/avsnitt/mdb-2024/finnes-ikke').expect(404);
  });
});

describe('compare page', () => {
  test('the ungdomsgarantien block of 2019, 2023 and 2024 side by side, with word changes marked', async () => {
    const app = await realApp();
    const hit = (await request(app).get('/api/search?q=ungdomsgarantien&year=2024&limit=1')).body.hits[0];
    const res = await request(app).get('/sammenlign').query({ id: hit.id }).expect(200);
    const years = [...res.text.matchAll(/class="compare-column__year">(\d{4})/g)].map((m) => m[1]);
    expect(years).toEqual(['2019', '2023', '2024']);
    expect(res.text).toMatch(/<ins>[^<]+<\/ins>/);
    expect(res.text).toMatch(/<del>[^<]+<\/del>/);
    expect(res.text).toContain('Utgangspunkt');
  });

  test('a year without a matching block says so', async () => {
    const res = await request(smallApp()).get('/sammenlign?id=mdb-2023/2.2-1').expect(200);
    expect(res.text).toContain('Fant ingen tekst som tilsvarer denne i');
  });

  test('an unknown paragraph is a 404 page, a missing id a 400 page', async () => {
    const app = smallApp();
    expect((await request(app).get('/sammenlign?id=mdb-2024/finnes-ikke').expect(404)).text).toContain('Fant ikke siden');
    expect((await request(app).get('/sammenlign').expect(400)).text).toContain('Oppgi id-en til et avsnitt');
  });
});

describe('every page', () => {
  const app = smallApp();
  const paths = ['/', '/?q=unge&year=2024', '/dok', '/dok/mdb-2024?q=unge', '/dok/mdb-2024/skann', '/sammenlign?id=mdb-2024/2.1-1', '/finnes-ikke'];

  test.each(paths)('%s has no inline script or style, and a strict CSP', async (path) => {
    const res = await request(app).get(path);
    expect(inlineCode(res.text)).toEqual([]);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  test('unknown documents and paths get a Norwegian 404 page', async () => {
    const doc = await request(app).get('/dok/mdb-1999').expect(404).expect('Content-Type', /html/);
    expect(doc.text).toContain('Vi finner ikke dokumentet du ba om.');
    const page = await request(app).get('/no/such/page').expect(404);
    expect(page.text).toContain('Fant ikke siden');
    expect(page.text).toContain('href="/"');
  });

  test('pages are compressed for clients that accept it', async () => {
    const page = await request(app).get('/dok/mdb-2024').set('Accept-Encoding', 'gzip').expect(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.text).toContain('Mål- og disponeringsbrev 2024');
    const plain = await request(app).get('/dok/mdb-2024').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  test('static files and the design system are served', async () => {
    await request(app).get('/static/css/app.css').expect(200).expect('Content-Type', /css/);
    await request(app).get('/static/js/app.js').expect(200).expect('Content-Type', /javascript/);
    await request(app).get('/static/ds/components.min.css').expect(200).expect('Content-Type', /css/);
    await request(app).get('/static/%2e%2e/package.json').expect(404);
    await request(app).get('/static/ds/%2e%2e/package.json').expect(404);
  });
});
