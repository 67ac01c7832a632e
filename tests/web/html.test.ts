import { inlineHtml, paragraphHtml, repairedHtml } from '../../src/web/html.js';

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
