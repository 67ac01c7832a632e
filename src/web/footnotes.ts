/** A document's footnotes are paragraphs anchored `fotnote-<number>` (see the model's Paragraph). */
export function footnoteAnchor(number: string): string {
  return `fotnote-${number}`;
}

export function footnoteNumber(anchor: string): string | null {
  return anchor.startsWith('fotnote-') ? anchor.slice('fotnote-'.length) : null;
}
