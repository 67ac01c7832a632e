import { diffHtml, inlineHtml, markedHtml, paragraphHtml, repairedHtml, snippetHtml, type TextLink } from '../../src/web/html.js';

describe('paragraph text as HTML', () => {
  test('plain text is one escaped paragraph', () => {
    expect(paragraphHtml('A < B & «C»')).toBe('<p>A &#60; B &#38; «C»</p>');
  });

  test('a section title is inline HTML with its footnote marker linked', () => {
    const title = inlineHtml('Innvandrere fra land utenfor EØS-området', { footnotes: [{ number: '6', at: 40 }], footnoteAnchor: (n) => `fotnote-${n}` })();
    expect(title).toBe('Innvandrere fra land utenfor EØS-området<sup class="footnote-ref"><a href="#fotnote-6" aria-label="Fotnote 6">6</a></sup>');
  });

  test('"- " lines are a list, after the line that introduces them', () => {
    expect(paragraphHtml('Oppgaver:\n- første\n- andre')).toBe('<p>Oppgaver:</p><ul><li>første</li><li>andre</li></ul>');
  });

  test('a table row is a row of cells, lines inside a cell joined by "; " are lines again', () => {
    expect(paragraphHtml('Andel i arbeid; Andel i utdanning | Skal øke')).toBe('<div class="cells cells--2"><div class="cell">Andel i arbeid<br>Andel i utdanning</div><div class="cell">Skal øke</div></div>');
  });

  test('footnote markers follow their word and link to the footnote when the document has it', () => {
    const footnoteAnchor = (n: string) => (n === '1' ? 'fotnote-1' : undefined);
    const html = paragraphHtml('Landgruppe 3. Mer | Tall.', { footnotes: [{ number: '2', at: 17 }, { number: '1', at: 13 }], footnoteAnchor });
    expect(html).toBe(
      '<div class="cells cells--2"><div class="cell">Landgruppe 3.<sup class="footnote-ref"><a href="#fotnote-1" aria-label="Fotnote 1">1</a></sup> Mer<sup class="footnote-ref">2</sup></div><div class="cell">Tall.</div></div>',
    );
  });

  test('matches are marked, in lists too', () => {
    const html = paragraphHtml('Unge:\n- ungdomsgarantien gjelder', { matches: [{ start: 8, end: 24 }] });
    expect(html).toMatch(/<li><mark>ungdomsgarantien<\/mark> gjelder<\/li>/);
  });
});

describe('scanned text with its repairs', () => {
  test('each repaired span is marked with what the scan said, the rest escaped', () => {
    expect(repairedHtml('Fast <kontakt> i Tromsø', [{ start: 17, end: 23, from: 'Troms"' }])).toBe('Fast &#60;kontakt&#62; i <ins class="repair" title="OCR: Troms&#34;">Tromsø</ins>');
  });

  test('overlapping or out-of-range repairs are left out rather than garbling the text', () => {
    expect(repairedHtml('abc def', [{ start: 0, end: 3, from: 'x' }, { start: 2, end: 5, from: 'y' }, { start: 5, end: 99, from: 'z' }])).toBe('<ins class="repair" title="OCR: x">abc</ins> def');
  });
});

describe('links in the text', () => {
  const text = 'Vedtak etter NAV-loven § 14 a gjelder.';
  const link: TextLink = { start: 13, end: 29, href: 'https://lovdata.no/lov/2006-06-16-20/%C2%A714a', title: 'NAV-loven § 14 a på Lovdata' };
  const open = '<a href="https://lovdata.no/lov/2006-06-16-20/%C2%A714a" rel="external" title="NAV-loven § 14 a på Lovdata">';

  test('a link wraps its whole span', () => {
    expect(paragraphHtml(text, { links: [link] })).toBe(`<p>Vedtak etter ${open}NAV-loven § 14 a</a> gjelder.</p>`);
  });

  test('a mark inside a link nests in it; one across its edge is split there', () => {
    expect(markedHtml(text, [{ start: 13, end: 22 }], [link])).toBe(`Vedtak etter ${open}<mark>NAV-loven</mark> § 14 a</a> gjelder.`);
    expect(markedHtml(text, [{ start: 7, end: 22 }], [link])).toBe(`Vedtak <mark>etter </mark>${open}<mark>NAV-loven</mark> § 14 a</a> gjelder.`);
    expect(markedHtml(text, [{ start: 28, end: 37 }], [link])).toBe(`Vedtak etter ${open}NAV-loven § 14 <mark>a</mark></a><mark> gjelder</mark>.`);
  });

  test('a snippet links only what its window holds whole', () => {
    expect(snippetHtml(text, [], { start: 13, end: 38 }, [link])).toBe(`… ${open}NAV-loven § 14 a</a> gjelder.`);
    expect(snippetHtml(text, [], { start: 20, end: 38 }, [link])).toBe('… en § 14 a gjelder.');
  });

  test('a link across a footnote marker or a cell is left out: a link holds no other link', () => {
    expect(paragraphHtml(text, { links: [link], footnotes: [{ number: '1', at: 22 }] })).toBe('<p>Vedtak etter NAV-loven<sup class="footnote-ref">1</sup> § 14 a gjelder.</p>');
    expect(paragraphHtml('Etter NAV-loven | § 14 a', { links: [{ ...link, start: 6, end: 24 }] })).not.toContain('<a ');
  });

  test('a comparison links the newer text, a removed word inside struck through', () => {
    const parts = [{ type: 'equal', text: 'Etter NAV-loven § ' }, { type: 'removed', text: '15' }, { type: 'added', text: '14 a' }, { type: 'equal', text: ' <b>' }] as const;
    const newer = 'Etter NAV-loven § 14 a <b>';
    expect(diffHtml([...parts], [{ ...link, start: newer.indexOf('NAV'), end: newer.indexOf(' <b>') }])).toBe(`Etter ${open}NAV-loven § <del>15</del><ins>14 a</ins></a> &#60;b&#62;`);
  });

  test('a scan links beside its repairs', () => {
    expect(repairedHtml(text, [{ start: 0, end: 6, from: 'Vedtuk' }], [link])).toBe(`<ins class="repair" title="OCR: Vedtuk">Vedtak</ins> etter ${open}NAV-loven § 14 a</a> gjelder.`);
  });

  test('the text around and the address and title are escaped', () => {
    const hostile = '<img src=x> "§ 1" & <b>';
    const html = markedHtml(hostile, [], [{ start: 12, end: 17, href: 'https://x/"><script>', title: '"><script>' }]);
    expect(html).toBe('&#60;img src=x&#62; <a href="https://x/&#34;&#62;&#60;script&#62;" rel="external" title="&#34;&#62;&#60;script&#62;">&#34;§ 1&#34;</a> &#38; &#60;b&#62;');
  });
});
