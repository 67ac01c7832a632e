/**
 * How users name what the model holds: the one place a document type gets its Norwegian label.
 */
import type { DocumentType } from './corpus.js';

/** Norwegian labels for document types, as users see them. */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  mdb: 'Mål- og disponeringsbrev',
  arsrapport: 'Årsrapport',
};

/** The label of a type; a type without one is shown as it is written. */
export function documentTypeLabel(type: string): string {
  return DOCUMENT_TYPE_LABELS[type as DocumentType] ?? type;
}
