/**
 * Where a paragraph or block stands in its letter, as the pages name it: its sub-heading (or section
 * title) as the title, and the section number — with the section title when the sub-heading took the
 * title's place — as the location.
 */
/** The title a paragraph is shown under, and the section it stands in. */
export interface Place {
  title: string;
  location: string;
}

export function place(section: string, sectionTitle: string, heading: string | null | undefined): Place {
  if (heading) return { title: heading, location: sectionName({ number: section, title: sectionTitle }) };
  return { title: sectionTitle || 'Innledende tekst', location: section ? `pkt. ${section}` : '' };
}

/** `pkt. 2.1.1 NAV tilbyr kvalifiseringsløp …`; the title alone for an unnumbered section. */
export function sectionName(section: { number: string; title: string }): string {
  return section.number ? `pkt. ${section.number} ${section.title}`.trim() : section.title;
}
