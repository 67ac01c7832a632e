/**
 * Anchors and ids: a paragraph's id is `<docId>/<anchor>`, its anchor the fragment that opens it on
 * its document's page. Ingest makes them and the web reads them back, by these rules only.
 */

/** The id of a document's paragraph with this anchor. */
export function paragraphId(docId: string, anchor: string): string {
  return `${docId}/${anchor}`;
}

/** The anchor part of a paragraph id of the given document. */
export function anchorOf(id: string, docId: string): string {
  return id.slice(docId.length + 1);
}

/** A section's anchor: `kap-2.1.1`, `kap-0` for the preamble. */
export function sectionAnchor(number: string): string {
  return `kap-${number || '0'}`;
}

/** A document's footnotes are paragraphs anchored `fotnote-<number>`. */
export function footnoteAnchor(number: string): string {
  return `fotnote-${number}`;
}

/** The number of the footnote an anchor names, or null when it names no footnote. */
export function footnoteNumber(anchor: string): string | null {
  return anchor.startsWith('fotnote-') ? anchor.slice('fotnote-'.length) : null;
}
