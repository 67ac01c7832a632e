/**
 * The data files ingest carries to search as they are, checked: the laws the text is read for
 * (`laws.json`: names and Lovdata ids) and the groups of words meaning the same (`synonyms.json`).
 */
import type { Law } from '../../model/corpus.js';
import { readDataFile } from './data-file.js';

export function loadLaws(path: string): Law[] {
  const isLaw = (l: unknown): l is Law => {
    const { id, name, names } = (l ?? {}) as Partial<Law>;
    return typeof id === 'string' && /^\d{4}-\d{2}-\d{2}(?:-\d+)?$/.test(id) && typeof name === 'string' && Array.isArray(names) && names.every((n) => typeof n === 'string' && n.trim() !== '');
  };
  const fits = (data: unknown): data is { laws: Law[] } => Array.isArray((data as { laws?: unknown })?.laws) && (data as { laws: unknown[] }).laws.every(isLaw);
  return readDataFile(path, fits, '{ laws: [{ id: "2006-06-16-20", name, names: [] }] } with Lovdata ids').laws.map(({ id, name, names }) => ({ id, name, names }));
}

export function loadSynonyms(path: string): string[][] {
  const fits = (data: unknown): data is { groups: string[][] } => {
    const groups = (data as { groups?: unknown })?.groups;
    return Array.isArray(groups) && groups.every((g) => Array.isArray(g) && g.length >= 2 && g.every((w) => typeof w === 'string' && w.trim() !== ''));
  };
  return readDataFile(path, fits, '{ groups: [["ansatte", "medarbeidere"], …] }, each group two words or more').groups;
}
