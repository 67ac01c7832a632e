import { continuesNumbering, parseNumberedHeading } from '../../../src/ingest/parse/section-number.js';

describe('parseNumberedHeading', () => {
  it.each([
    ['2.1.1. NAV tilbyr kvalifiseringsløp', '2.1.1', 3],
    ['2.1.2 Arbeidsgiverne får tjenester', '2.1.2', 3],
    ['1.Innledning', '1', 1],
    ['3.1.4.2 NAVs oppfølging av sykmeldte', '3.1.4.2', 4],
    ['2.4, Sammen løser vi samfunnsoppdraget', '2.4', 2],
  ])('reads %s', (line, number, level) => {
    expect(parseNumberedHeading(line)).toMatchObject({ number, level });
  });

  it.each(['13 b første ledd nr. 5', '1Landgruppe 3 består av personer', '19.02.2024', '30. april for målgruppen', '2023. Det innebærer'])(
    'does not read %s as a heading',
    (line) => {
      const heading = parseNumberedHeading(line);
      // "2023." has too many digits for a section number; the others are not numbered titles at all.
      expect(heading).toBeNull();
    },
  );
});

describe('continuesNumbering', () => {
  it('accepts the next sibling, a first child, or a step up', () => {
    expect(continuesNumbering('2.1.1', '2.1.2')).toBe(true);
    expect(continuesNumbering('2.1', '2.1.1')).toBe(true);
    expect(continuesNumbering('2.4.3', '3')).toBe(true);
    expect(continuesNumbering('2.4.3', '3.1')).toBe(true);
    expect(continuesNumbering(null, '1')).toBe(true);
  });

  it('rejects numbering that goes back or jumps far', () => {
    // A footnote "2 Landgruppe 3 består …" printed under section 3.
    expect(continuesNumbering('3', '2')).toBe(false);
    expect(continuesNumbering('2.1.1', '1')).toBe(false);
    expect(continuesNumbering('2.1', '2.1')).toBe(false);
    expect(continuesNumbering('2.1', '7')).toBe(false);
    expect(continuesNumbering(null, '13')).toBe(false);
  });
});
