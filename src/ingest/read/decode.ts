/**
 * Bytes to text: UTF-8 (with or without BOM), Windows-1252 when the bytes are not UTF-8, and
 * double-encoded UTF-8 repaired. What cannot be text is refused by name, never guessed at.
 */
import iconv from 'iconv-lite';

/** A source file's bytes turned into text, with how that was done. */
export interface Decoded {
  text: string;
  encoding: string;
}

/** Raised for files that cannot be a text source; ingest reports it by file name and goes on. */
export class UnreadableSourceError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Two or more characters that are UTF-8 bytes shown as Windows-1252 (`Ã¸` for `ø`). */
const MOJIBAKE = /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]+/g;

/**
 * Decode a source file: UTF-8 (BOM stripped), Windows-1252/Latin-1 when the bytes are not UTF-8,
 * and double-encoded UTF-8 repaired. Binary and empty files are rejected.
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new UnreadableSourceError('the file is empty');
  if (looksBinary(bytes)) throw new UnreadableSourceError('the file is binary, not text');
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;

  let decoded: Decoded;
  try {
    decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    decoded = { text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252' };
  }
  const repaired = repairDoubleEncoding(decoded.text);
  if (repaired !== decoded.text) decoded = { text: repaired, encoding: `${decoded.encoding} (double-encoded)` };
  if (decoded.text.trim() === '') throw new UnreadableSourceError('the file holds no text');
  return { text: decoded.text.replace(/\r\n?/g, '\n'), encoding: decoded.encoding };
}

/** Re-decode each run of mojibake as the UTF-8 it was; runs that are not valid UTF-8 stay as they are. */
export function repairDoubleEncoding(text: string): string {
  return text.replace(MOJIBAKE, (run) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(run, 'windows-1252'));
    } catch {
      return run;
    }
  });
}

/** NUL bytes or many control characters in the first few KB mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > head.length * 0.05;
}
