/**
 * The law references of a text as links to Lovdata ("NAV-loven § 14 a" to that section there), read
 * by the table of laws the corpus carries, so the pages link exactly the laws search knows; a law the
 * table lacks stays plain text.
 */
import type { Catalog } from '../indexing/catalog.js';
import { LawReferences, type LawReference } from '../text/law-references.js';
import type { TextLink } from './html.js';
import { lawUrl } from './urls.js';

export type LawLinks = (text: string) => TextLink[];

/** One reader per index, made when a page first needs it: its pattern is built from every name. */
const readers = new WeakMap<Catalog, LawReferences>();

export function lawLinks(catalog: Catalog): LawLinks {
  let laws = readers.get(catalog);
  if (!laws) readers.set(catalog, (laws = new LawReferences(catalog.corpus.laws ?? [])));
  return (text) => laws.find(text).map((ref) => ({ start: ref.start, end: ref.end, href: lawUrl(ref), title: `${placeName(ref)} på Lovdata` }));
}

/** The law by its best-known name and the place named in it, as laws print it: "NAV-loven § 14 a". */
function placeName({ law, section, chapter }: LawReference): string {
  if (section) return `${law.name} § ${section.replace(/(\d)([a-z])$/, '$1 $2')}`;
  return chapter ? `${law.name} kapittel ${chapter}` : law.name;
}
