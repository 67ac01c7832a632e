/**
 * The law references of a text as links to Lovdata ("NAV-loven § 14 a" to that section there), read
 * by the index's own reader of the laws the corpus names, so the pages link exactly the laws search
 * knows; a law the table lacks stays plain text.
 */
import type { Law } from '../model/corpus.js';
import type { LawReference, LawReferences } from '../text/law-references.js';
import type { TextLink } from './html.js';
import { lawUrl } from './urls.js';

export type LawLinks = (text: string) => TextLink[];

export function lawLinks(laws: LawReferences<Law>): LawLinks {
  return (text) => laws.find(text).map((ref) => ({ start: ref.start, end: ref.end, href: lawUrl(ref), title: `${placeName(ref)} på Lovdata` }));
}

/** The law by its best-known name and the place named in it, as laws print it: "NAV-loven § 14 a". */
function placeName({ law, section, chapter }: LawReference): string {
  if (section) return `${law.name} § ${section.replace(/(\d)([a-z])$/, '$1 $2')}`;
  return chapter ? `${law.name} kapittel ${chapter}` : law.name;
}
