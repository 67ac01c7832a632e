/**
 * What a file is, from its first bytes, never from its name: a PDF, a Word file (a zip holding
 * `word/document.xml`), another zip, an image, a web page, or text.
 */
/** What the first bytes say a file is. */
export type FileKind = 'pdf' | 'word' | 'zip' | 'image' | 'html' | 'text';

const starts = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

export function sniffKind(bytes: Uint8Array): FileKind {
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) return Buffer.from(bytes).includes('word/document.xml') ? 'word' : 'zip';
  // PNG, JPEG, TIFF (both byte orders).
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47) || starts(bytes, 0xff, 0xd8, 0xff) || starts(bytes, 0x49, 0x49, 0x2a, 0x00) || starts(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return 'image';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'))) return 'html';
  return 'text';
}
