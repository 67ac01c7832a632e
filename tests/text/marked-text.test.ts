import fc from 'fast-check';
import { markLayers, markSpans, markWindow, type MarkLayer } from '../../src/text/marked-text.js';

describe('marked text', () => {
  const bold = { escape: (t: string) => t.toUpperCase(), open: '[', close: ']' };

  test('spans wholly inside the range, in order and not overlapping, are marked; the rest is escaped', () => {
    expect(markSpans('abc def ghi', [{ start: 0, end: 3 }, { start: 2, end: 5 }, { start: 8, end: 11 }], bold)).toBe('[ABC] DEF [GHI]');
    expect(markSpans('abc def ghi', [{ start: 0, end: 3 }, { start: 8, end: 11 }], bold, 2, 10)).toBe('C DEF GH');
  });

  test('an inner span across an outer span\'s edge is closed and opened again around it', () => {
    const layers: MarkLayer[] = [
      { spans: [{ start: 4, end: 7, open: '<a1>' }], open: '<a>', close: '</a>' },
      { spans: [{ start: 2, end: 9 }], open: '<m>', close: '</m>' },
    ];
    expect(markLayers('abcdefghij', layers, (t) => t)).toBe('ab<m>cd</m><a1><m>efg</m></a><m>hi</m>j');
  });

  test('a window has an ellipsis on each side where the text goes on', () => {
    expect(markWindow('abc def ghi', { start: 4, end: 7 }, (from, to) => markSpans('abc def ghi', [{ start: 4, end: 7 }], bold, from, to))).toBe('… [DEF] …');
  });

  test('any layers of spans give nested marks around the whole text', () => {
    const span = fc.tuple(fc.nat(30), fc.nat(10)).map(([start, length]) => ({ start, end: start + length }));
    const layer = (name: string) => fc.array(span, { maxLength: 6 }).map((spans) => ({ spans: spans.sort((a, b) => a.start - b.start), open: `<${name}>`, close: `</${name}>` }));
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 30 }), layer('a'), layer('m'), layer('i'), (text, ...layers) => {
        const out = markLayers(text, layers, (t) => t.replace(/[<>]/g, '_'));
        expect(out.replace(/<\/?[ami]>/g, '')).toBe(text.replace(/[<>]/g, '_'));
        const stack: string[] = [];
        for (const [, close, name] of out.matchAll(/<(\/?)([ami])>/g)) {
          if (!close) {
            // Each layer opens inside the layers before it only.
            expect(stack.every((outer) => 'ami'.indexOf(outer) < 'ami'.indexOf(name!))).toBe(true);
            stack.push(name!);
          } else expect(stack.pop()).toBe(name);
        }
        expect(stack).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
