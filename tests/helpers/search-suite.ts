/**
 * The search behaviour every store must show, as one suite each store runs over the same small corpus,
 * read as the JSON API answers it (snippets and links included).
 */
import type { SearchRequest, SearchResponse } from '../../src/search/engine.js';
import { apiSearchResponse } from '../../src/web/view-models/api.js';
import { makeCorpus } from './corpus.js';

export const suiteCorpus = makeCorpus([
  {
    year: 2024,
    sections: [
      {
        number: '2.1.1',
        title: 'NAV tilbyr kvalifiseringsløp',
        paragraphs: [
          { heading: 'Ungdomsgarantien', text: 'Unge skal få rask kontakt med NAV, og ungdomsgarantien skal sikre et tilbud innen åtte uker.', topics: ['unge'] },
          { heading: 'Ungdomsgarantien', text: 'Unge brukere skal ha fast kontaktperson i NAV-kontorene.', topics: ['unge'] },
          { heading: 'Sykefraværsoppfølging', text: 'Sykmeldte uten arbeidsgiver skal få et vedtak etter NAV-loven § 14 a.', topics: ['sykefravaer-ia'] },
          { text: 'Kontaktperson for fast arbeid, og en person i NAV som er fast på kontoret.', topics: [] },
          { text: 'Prosjekt nasjonal oppfølgingsenhet (NOE) følger opp arbeidssøkere. Det gjelder noe annet også.', topics: [] },
        ],
      },
    ],
  },
  {
    year: 2023,
    sections: [
      {
        number: '2.1.1',
        title: 'NAV tilbyr kvalifiseringsløp',
        paragraphs: [
          { heading: 'Oppfølging av unge', text: 'Den unge skal få en fast kontaktperson i den nye ungdomsgarantien.', topics: ['unge'] },
          { heading: 'Sykefraværsoppfølging', text: 'Sykmeldte skal følges opp, og dialogmøte 2 ligger fast.', topics: ['sykefravaer-ia'], sources: ['a.txt', 'b-skannet.txt'] },
        ],
      },
    ],
  },
  {
    year: 2019,
    sections: [{ number: '2.2.1', title: 'Flere unge i arbeid', paragraphs: [{ text: 'Ungdomsinnsatsen for unge under 30 år videreføres, med <b>tett</b> oppfølging & dialog.', topics: ['unge'] }] }],
  },
]);

export type Search = (request: SearchRequest) => Promise<SearchResponse>;

/** `search` is asked for once the store is open (after the caller's beforeAll). */
export function searchSuite(store: string, search: () => Search): void {
  const run = async (request: SearchRequest) => apiSearchResponse(await search()(request), request.q ?? '');
  const ids = async (q: string, extra: object = {}) => (await run({ q, ...extra })).hits.map((h) => h.id);

  describe(`${store}: ranking`, () => {
    it('ranks a phrase above the same words scattered', async () => {
      const hits = await ids('fast kontaktperson');
      expect(hits.indexOf('mdb-2024/2.1.1-2')).toBeLessThan(hits.indexOf('mdb-2024/2.1.1-4'));
      // Quoted, the phrase is required.
      expect(await ids('"fast kontaktperson"')).toEqual(expect.arrayContaining(['mdb-2024/2.1.1-2', 'mdb-2023/2.1.1-1']));
      expect(await ids('"fast kontaktperson"')).not.toContain('mdb-2024/2.1.1-4');
    });

    it('ranks an exact match above a fuzzy one', async () => {
      const response = await run({ q: 'ungdomsgarantein' });
      expect(response.suggestion).toBe('ungdomsgarantien');
      expect(response.hits.map((h) => h.id)).toContain('mdb-2024/2.1.1-1');
      const exact = (await run({ q: 'ungdomsgarantien' })).hits[0]!;
      const fuzzy = response.hits.find((h) => h.id === exact.id)!;
      expect(exact.score).toBeGreaterThan(fuzzy.score);
    });

    it('finds compounds from their parts without drowning exact matches', async () => {
      expect(await ids('garanti')).toContain('mdb-2024/2.1.1-1');
    });

    it('finds law references however they are typed', async () => {
      expect(await ids('§14a')).toEqual(['mdb-2024/2.1.1-3']);
      expect(await ids('§ 14 a')).toEqual(['mdb-2024/2.1.1-3']);
    });

    it('matches abbreviations exactly', async () => {
      expect(await ids('NOE')).toEqual(['mdb-2024/2.1.1-5']);
    });

    it('excludes words prefixed with a minus', async () => {
      expect(await ids('sykmeldte')).toHaveLength(2);
      expect(await ids('sykmeldte -dialogmøte')).toEqual(['mdb-2024/2.1.1-3']);
    });

    it('prefers newer letters among equal matches', async () => {
      expect((await ids('"fast kontaktperson"'))[0]).toBe('mdb-2024/2.1.1-2');
    });

    it('returns nothing, without error, for a query of only stop words or punctuation', async () => {
      expect(await run({ q: 'og i på' })).toMatchObject({ total: 0, hits: [] });
      expect(await run({ q: '- " OR' })).toMatchObject({ total: 0, hits: [] });
    });
  });

  describe(`${store}: facets and filters`, () => {
    it('counts each facet ignoring its own filter', async () => {
      const response = await run({ q: 'unge', years: [2023] });
      expect(response.hits.every((h) => h.year === 2023)).toBe(true);
      const years = Object.fromEntries(response.facets.year.map((f) => [f.value, f.count]));
      expect(years[2023]).toBe(1);
      expect(years[2024]).toBeGreaterThanOrEqual(2);
      expect(years[2019]).toBe(1);
    });

    it('filters by topic and type, and labels facet values', async () => {
      const response = await run({ q: 'sykmeldte', topics: ['sykefravaer-ia'], types: ['mdb'] });
      expect(response.total).toBe(2);
      expect(response.facets.topic).toEqual([{ value: 'sykefravaer-ia', label: 'Sykefravær og IA', count: 2 }]);
      expect(response.facets.type).toEqual([{ value: 'mdb', label: 'Mål- og disponeringsbrev', count: 2 }]);
    });

    it('browses by filter alone when there is no query', async () => {
      const response = await run({ years: [2023] });
      expect(response.total).toBe(2);
      expect(response.hits.map((h) => h.id)).toEqual(['mdb-2023/2.1.1-1', 'mdb-2023/2.1.1-2']);
    });
  });

  describe(`${store}: hits`, () => {
    it('shows one hit per paragraph, listing every source it appears in', async () => {
      const hit = (await run({ q: 'dialogmøte' })).hits[0]!;
      expect(hit).toMatchObject({ id: 'mdb-2023/2.1.1-2', sources: ['a.txt', 'b-skannet.txt'], heading: 'Sykefraværsoppfølging', section: '2.1.1' });
      expect(hit.url).toBe('/dok/mdb-2023?q=dialogm%C3%B8te#2.1.1-2');
    });

    it('marks every matched word in an HTML-safe snippet, stemmed and folded matches included', async () => {
      const hit = (await run({ q: 'oppfolging dialog' })).hits.find((h) => h.year === 2019)!;
      expect(hit.snippet).toBe('Ungdomsinnsatsen for unge under 30 år videreføres, med &#60;b&#62;tett&#60;/b&#62; <mark>oppfølging</mark> &#38; <mark>dialog</mark>.');
    });

    it('pages through results', async () => {
      const all = await ids('unge', { limit: 100 });
      expect(await ids('unge', { limit: 2, offset: 1 })).toEqual(all.slice(1, 3));
    });
  });
}
