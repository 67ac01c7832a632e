/**
 * Each paragraph's analysed fields in word order (term and written form per position, stop words
 * kept as -1 terms), stored flat in typed arrays. FlexSearch finds the candidates; this is what
 * ranking reads to count matches, check phrases and measure proximity, without re-analysing text.
 */
import type { Token } from './analyzer.js';
import type { Vocabulary } from './vocabulary.js';

export const FIELDS = ['text', 'heading', 'title'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldTokens {
  terms: Int32Array;
  surfaces: Int32Array;
  /** Character offsets of each token in the field's text, so snippets need no second analysis. */
  starts: Uint32Array;
  ends: Uint32Array;
}

/** A field's tokens for all paragraphs: paragraph d's are at offsets[d] … offsets[d + 1]. */
export interface FieldColumn {
  offsets: Uint32Array;
  terms: Int32Array;
  surfaces: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** The per-token arrays of a column, in the order they are stored. */
const TOKEN_ARRAYS = ['terms', 'surfaces', 'starts', 'ends'] as const;

export class ForwardIndex {
  private constructor(
    private readonly columns: Record<Field, FieldColumn>,
    readonly averageLength: Record<Field, number>,
  ) {}

  get size(): number {
    return this.columns.text.offsets.length - 1;
  }

  tokens(doc: number, field: Field): FieldTokens {
    const c = this.columns[field];
    const from = c.offsets[doc]!;
    const to = c.offsets[doc + 1]!;
    return { terms: c.terms.subarray(from, to), surfaces: c.surfaces.subarray(from, to), starts: c.starts.subarray(from, to), ends: c.ends.subarray(from, to) };
  }

  /** The whole column, for inner loops that should not allocate a view per paragraph. */
  column(field: Field): Readonly<FieldColumn> {
    return this.columns[field];
  }

  length(doc: number, field: Field): number {
    const c = this.columns[field];
    return c.offsets[doc + 1]! - c.offsets[doc]!;
  }

  /** Build from analysed fields, registering terms and word forms in the vocabulary. */
  static build(docs: Record<Field, Token[]>[], vocabulary: Vocabulary): ForwardIndex {
    const columns = {} as Record<Field, FieldColumn>;
    const averageLength = {} as Record<Field, number>;
    const lastDoc: number[] = [];
    for (const field of FIELDS) {
      const total = docs.reduce((n, d) => n + d[field].length, 0);
      const column: FieldColumn = {
        offsets: new Uint32Array(docs.length + 1),
        terms: new Int32Array(total),
        surfaces: new Int32Array(total),
        starts: new Uint32Array(total),
        ends: new Uint32Array(total),
      };
      let k = 0;
      docs.forEach((doc, i) => {
        column.offsets[i] = k;
        for (const token of doc[field]) {
          const term = token.stop ? -1 : vocabulary.addTerm(token.term);
          column.terms[k] = term;
          column.surfaces[k] = vocabulary.addSurface(token.surface, term);
          column.starts[k] = token.start;
          column.ends[k] = token.end;
          k++;
          // Document frequency counts a paragraph once per term, whatever the field.
          if (term >= 0 && lastDoc[term] !== i) {
            lastDoc[term] = i;
            vocabulary.data.df[term]!++;
          }
        }
      });
      column.offsets[docs.length] = k;
      columns[field] = column;
      averageLength[field] = docs.length ? total / docs.length : 0;
    }
    return new ForwardIndex(columns, averageLength);
  }

  /** A compact binary form: per field, offsets, terms, surfaces and offsets in the text as little-endian 32-bit arrays. */
  serialize(): Buffer {
    const parts: Buffer[] = [];
    const header: Record<string, number[]> = {};
    for (const field of FIELDS) {
      const c = this.columns[field];
      header[field] = [c.offsets.length, c.terms.length];
      parts.push(Buffer.from(c.offsets.buffer, c.offsets.byteOffset, c.offsets.byteLength));
      for (const name of TOKEN_ARRAYS) parts.push(Buffer.from(c[name].buffer, c[name].byteOffset, c[name].byteLength));
    }
    const json = Buffer.from(JSON.stringify({ header, averageLength: this.averageLength }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    return Buffer.concat([length, json, ...parts]);
  }

  static deserialize(buffer: Buffer): ForwardIndex {
    const jsonLength = buffer.readUInt32LE(0);
    const { header, averageLength } = JSON.parse(buffer.subarray(4, 4 + jsonLength).toString()) as {
      header: Record<Field, [number, number]>;
      averageLength: Record<Field, number>;
    };
    // Copy into an aligned buffer: typed arrays need 4-byte alignment.
    const body = new Uint8Array(buffer.subarray(4 + jsonLength)).slice().buffer;
    let at = 0;
    const take = (n: number) => {
      const view = body.slice(at, at + n * 4);
      at += n * 4;
      return view;
    };
    const columns = {} as Record<Field, FieldColumn>;
    for (const field of FIELDS) {
      const [offsets, tokens] = header[field];
      columns[field] = {
        offsets: new Uint32Array(take(offsets)),
        terms: new Int32Array(take(tokens)),
        surfaces: new Int32Array(take(tokens)),
        starts: new Uint32Array(take(tokens)),
        ends: new Uint32Array(take(tokens)),
      };
    }
    return new ForwardIndex(columns, averageLength);
  }
}
