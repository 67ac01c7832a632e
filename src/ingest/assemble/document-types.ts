/**
 * The kinds of steering document, as data (`corpus/document-types.json`, editable without code): each
 * with its Norwegian label and the phrases that name it. A document is of the kind its title names — a
 * phrase in its plain form followed by a year near the start ("Mål- og disponeringsbrev 2024",
 * "Årsrapport 2014"), not a mention of another document ("tildelingsbrevet for 2024"); failing that, of
 * the kind its text names most, a mention near the start counting most; failing that, "other".
 */
import type { TypeLabel } from '../../model/corpus.js';
import { DATA_FILES, dataFile } from '../read/corpus-folder.js';
import { readDataFile } from '../read/data-file.js';

export interface DocumentTypes {
  types: (TypeLabel & { phrases: string[] })[];
  other: TypeLabel;
}

/** How a text names its kind: the type, and the title when a phrase and a year make one. */
export interface Recognised {
  type: TypeLabel;
  title?: { text: string; year: number };
}

/** A title stands near the start: in the memo head or the first heading. */
const TITLE_WITHIN = 600;
/** How fast a mention counts less the later it stands (characters). */
const DECAY = 3000;

export function loadDocumentTypes(path: string): DocumentTypes {
  const isLabel = (t: unknown): t is TypeLabel => typeof (t as TypeLabel)?.id === 'string' && /^[a-z][a-z0-9-]*$/.test((t as TypeLabel).id) && typeof (t as TypeLabel).label === 'string';
  const fits = (data: unknown): data is DocumentTypes => {
    const { types, other } = (data ?? {}) as Partial<DocumentTypes>;
    return Array.isArray(types) && types.every((t) => isLabel(t) && Array.isArray(t.phrases) && t.phrases.every((p) => typeof p === 'string' && p.trim() !== '')) && isLabel(other);
  };
  const { types, other } = readDataFile(path, fits, '{ types: [{ id, label, phrases: [] }], other: { id, label } } with ids in lower case');
  return { types, other };
}

/** The recogniser of a corpus folder's kinds of document. */
export function kindsOf(corpusDir: string): TypeRecognizer {
  return new TypeRecognizer(loadDocumentTypes(dataFile(corpusDir, DATA_FILES.types)));
}

export class TypeRecognizer {
  private readonly patterns: { type: TypeLabel; title: RegExp; mention: RegExp }[];

  constructor(private readonly kinds: DocumentTypes) {
    this.patterns = kinds.types.map((type) => {
      const phrases = type.phrases.map((p) => p.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
      return {
        type: { id: type.id, label: type.label },
        title: new RegExp(`(?<![\\p{L}\\d])((?:${phrases})\\s+(?:for\\s+)?(\\d{4})(?![\\p{L}\\d])[^\\n]{0,60})`, 'iu'),
        mention: new RegExp(`(?<![\\p{L}\\d])(?:${phrases})\\p{L}{0,4}(?![\\p{L}\\d])`, 'giu'),
      };
    });
  }

  /** All the kinds, and last the one for documents of none of them. */
  get labels(): TypeLabel[] {
    return [...this.kinds.types.map(({ id, label }) => ({ id, label })), this.kinds.other];
  }

  /** The kind of documents that name no kind. */
  get other(): TypeLabel {
    return this.kinds.other;
  }

  recognise(text: string): Recognised {
    const titled = this.patterns
      .map(({ type, title }) => ({ type, m: title.exec(text) }))
      .filter((t) => t.m && t.m.index < TITLE_WITHIN)
      .sort((a, b) => a.m!.index - b.m!.index)[0];
    if (titled) return { type: titled.type, title: { text: titled.m![1]!, year: Number(titled.m![2]) } };
    let best: { type: TypeLabel; score: number } | undefined;
    for (const { type, mention } of this.patterns) {
      let score = 0;
      for (const m of text.matchAll(mention)) score += Math.exp(-m.index / DECAY);
      if (score > 0 && (!best || score > best.score)) best = { type, score };
    }
    if (!best) return { type: this.kinds.other };
    const later = this.patterns.find((p) => p.type.id === best.type.id)!.title.exec(text);
    return later ? { type: best.type, title: { text: later[1]!, year: Number(later[2]) } } : { type: best.type };
  }
}
