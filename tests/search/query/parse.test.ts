import { MAX_QUERY_LENGTH, MAX_QUERY_PARTS, parseQuery } from '../../../src/search/query/parse.js';

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and OR', () => {
    expect(parseQuery('ungdomsgaranti "fast kontaktperson" -KVP sykmeldte OR sykefravær')).toEqual({
      clauses: [
        { anyOf: [{ kind: 'word', text: 'ungdomsgaranti' }] },
        { anyOf: [{ kind: 'phrase', text: 'fast kontaktperson' }] },
        { anyOf: [{ kind: 'word', text: 'sykmeldte' }, { kind: 'word', text: 'sykefravær' }] },
      ],
      excluded: [{ kind: 'word', text: 'KVP' }],
      ignored: [],
    });
  });

  it('keeps a law reference with its spaces as one word', () => {
    expect(parseQuery('§ 14 a sykmeldte').clauses.map((c) => c.anyOf[0]!.text)).toEqual(['§ 14 a', 'sykmeldte']);
    expect(parseQuery('§§ 24 og 25').clauses).toEqual([{ anyOf: [{ kind: 'word', text: '§§ 24 og 25' }] }]);
  });

  it('degrades gracefully on malformed input', () => {
    expect(parseQuery('"fast kontaktperson')).toEqual({ clauses: [{ anyOf: [{ kind: 'phrase', text: 'fast kontaktperson' }] }], excluded: [], ignored: [] });
    expect(parseQuery(' - ')).toEqual({ clauses: [], excluded: [], ignored: [] });
    expect(parseQuery('OR unge OR')).toEqual({ clauses: [{ anyOf: [{ kind: 'word', text: 'unge' }] }], excluded: [], ignored: [] });
    expect(parseQuery('""')).toEqual({ clauses: [], excluded: [], ignored: [] });
    expect(parseQuery('"ett"').clauses).toEqual([{ anyOf: [{ kind: 'word', text: 'ett' }] }]);
  });

  it('reads a slash between words as OR, and leaves one inside a phrase or a number as written', () => {
    const w = (text: string) => ({ kind: 'word', text });
    expect(parseQuery('sykmeldte/arbeidsledige oppfølging').clauses).toEqual([{ anyOf: [w('sykmeldte'), w('arbeidsledige')] }, { anyOf: [w('oppfølging')] }]);
    expect(parseQuery('unge -ansatte/medarbeidere').excluded).toEqual([w('ansatte'), w('medarbeidere')]);
    expect(parseQuery('"og/eller tiltak"').clauses).toEqual([{ anyOf: [{ kind: 'phrase', text: 'og/eller tiltak' }] }]);
    expect(parseQuery('2023/2024').clauses).toEqual([{ anyOf: [w('2023/2024')] }]);
  });

  it('survives hostile input', () => {
    for (const hostile of ['\u0000\u0001', '\ud800', '\u202e\u202dabc', '<script>alert(1)</script>', "' OR 1=1 --", '(a|b)*+?', '__proto__ constructor', '😀'.repeat(100)]) {
      expect(() => parseQuery(hostile)).not.toThrow();
    }
    expect(parseQuery('\u0000unge\u0007').clauses).toEqual([{ anyOf: [{ kind: 'word', text: 'unge' }] }]);
  });

  it('reads only the first MAX_QUERY_LENGTH characters of a huge query', () => {
    const parsed = parseQuery('a'.repeat(10) + ' ' + 'b'.repeat(10_000));
    const total = parsed.clauses.reduce((n, c) => n + c.anyOf[0]!.text.length + 1, 0);
    expect(total).toBeLessThanOrEqual(MAX_QUERY_LENGTH + 1);
  });
});

describe('the bound on one query', () => {
  it('takes each word or phrase once, and at most MAX_QUERY_PARTS of them, saying which it left out', () => {
    expect(parseQuery('arbeid arbeid Arbeid "fast kontakt" "fast kontakt"').clauses).toEqual([{ anyOf: [{ kind: 'word', text: 'arbeid' }] }, { anyOf: [{ kind: 'phrase', text: 'fast kontakt' }] }]);
    const words = Array.from({ length: MAX_QUERY_PARTS + 5 }, (_, i) => `ord${String.fromCharCode(97 + i)}`);
    const parsed = parseQuery(words.join(' '));
    expect(parsed.clauses).toHaveLength(MAX_QUERY_PARTS);
    expect(parsed.ignored).toEqual(words.slice(MAX_QUERY_PARTS));
    expect(parseQuery('unge -dialogmøte').ignored).toEqual([]);
  });
});
