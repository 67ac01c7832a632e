import { analyze, terms } from '../../src/indexing/analyzer.js';

describe('analyzer', () => {
  it('lower-cases and folds æ/ø/å so every spelling meets', () => {
    expect(terms('oppfølging')).toEqual(terms('oppfolging'));
    expect(terms('oppfølging')).toEqual(terms('oppfoelging'));
    expect(terms('Særlig')).toEqual(terms('saerlig'));
    expect(terms('På')).toEqual([]); // a stop word, capitalised or not
  });

  it('stems Norwegian inflections to one term', () => {
    expect(terms('ungdomsgarantien')).toEqual(terms('ungdomsgaranti'));
    expect(terms('sykmeldte')).toEqual(terms('sykmeldt'));
    expect(terms('aktivitetsplanen')).toEqual(terms('aktivitetsplan'));
  });

  it('keeps apart short words that differ only by a derivational ending', () => {
    // Snowball alone makes "ledige", "leder" and "ledelse" one term, so a search for the unemployed found managers.
    expect(new Set(terms('ledige leder ledelse')).size).toBe(3);
    expect(terms('ledige ledighet')).toEqual(terms('ledig ledig'));
    expect(terms('ledelsen')).toEqual(terms('ledelse'));
    expect(terms('tidlig')).not.toEqual(terms('tid'));
    // A kept ending is a fixed point: the term analyses as itself.
    for (const term of terms('ledige farlig muligheter ledelsen')) expect(terms(term)).toEqual([term]);
  });

  it('keeps abbreviations exact, never as stop words and never stemmed into noise', () => {
    expect(terms('AAP IPS KVP IA OT')).toEqual(['aap', 'ips', 'kvp', 'ia', 'ot']);
    // NOE (nasjonal oppfølgingsenhet) must not vanish as the stop word "noe".
    expect(terms('prosjekt NOE og noe annet')).toEqual(['prosjekt', 'NOE', 'ann']);
    expect(terms('NAVs')).toEqual(['nav']);
  });

  it('reads a heading set in capitals as ordinary words', () => {
    expect(terms('2 INTRODUKSJON TIL VIRKSOMHETEN OG HOVEDTALL')).toEqual(terms('2 Introduksjon til virksomheten og hovedtall'));
  });

  it('reads law references in every spelling as one term', () => {
    expect(terms('§ 14 a')).toEqual(['§14a']);
    expect(terms('§14 a')).toEqual(['§14a']);
    expect(terms('NAV-loven § 14 a-vedtak')).toEqual(['nav', 'lov', '§14a', 'vedtak']);
    expect(terms('forvaltningsloven §§ 24 og 25')).toEqual(['forvaltning', '§24', '§25']);
  });

  it('keeps numbers and section numbers whole', () => {
    expect(terms('Se 2.1.1 og 6,1 % i 2024.')).toEqual(['se', '2.1.1', '6,1', '2024']);
  });

  it('splits hyphenated compounds into their parts', () => {
    expect(terms('NAV-kontoret')).toEqual(['nav', 'kontor']);
    expect(terms('IA-avtalen')).toEqual(['ia', 'avtal']);
  });

  it('treats footnote markers as separators, not terms', () => {
    expect(terms('landgruppe 3¹')).toEqual(terms('landgruppe 3'));
  });

  it('gives offsets into the original text and keeps stop words in their place', () => {
    const tokens = analyze('Unge på NAV-kontoret');
    expect(tokens.map((t) => [t.term, t.start, t.end, t.stop])).toEqual([
      ['ung', 0, 4, false],
      ['pa', 5, 7, true],
      ['nav', 8, 11, false],
      ['kontor', 12, 20, false],
    ]);
  });

  it('is idempotent: analysing its own terms gives the same terms', () => {
    const text = 'Oppfølging av sykmeldte, jf. NAV-loven § 14 a og forvaltningsloven §§ 24 og 25; NOE og AAP i 2.1.1 (6,1 %).';
    expect(terms(terms(text).join(' '))).toEqual(terms(text));
  });
});
