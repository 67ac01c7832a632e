import iconv from 'iconv-lite';
import { decodeSource, repairDoubleEncoding, UnreadableSourceError } from '../../../src/ingest/read/decode.js';

const norwegian = 'Målet er at flere skal få oppfølging på NAV-kontoret – særlig unge.';

describe('decodeSource', () => {
  it('reads UTF-8 and strips a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(norwegian, 'utf8')]);
    expect(decodeSource(bytes)).toEqual({ text: norwegian, encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 for Latin-1 bytes', () => {
    const decoded = decodeSource(iconv.encode(norwegian, 'windows-1252'));
    expect(decoded.text).toBe(norwegian);
    expect(decoded.encoding).toBe('windows-1252');
  });

  it('repairs double-encoded UTF-8 (Ã¸ for ø)', () => {
    const mojibake = iconv.decode(Buffer.from(norwegian, 'utf8'), 'windows-1252');
    expect(mojibake).toContain('Ã¥');
    const decoded = decodeSource(Buffer.from(mojibake, 'utf8'));
    expect(decoded.text).toBe(norwegian);
    expect(decoded.encoding).toBe('utf-8 (double-encoded)');
  });

  it('leaves clean text with æ/ø/å and typographic characters alone', () => {
    const clean = 'Økt «tillit» – så også § 14 a, 3¹ og ½ år; ÆØÅ æøå é';
    expect(repairDoubleEncoding(clean)).toBe(clean);
  });

  it('normalises Windows line endings', () => {
    expect(decodeSource(Buffer.from('a\r\nb\rc')).text).toBe('a\nb\nc');
  });

  it('rejects empty, blank and binary files with a reason', () => {
    expect(() => decodeSource(Buffer.alloc(0))).toThrow(new UnreadableSourceError('the file is empty'));
    expect(() => decodeSource(Buffer.from('   \n\n '))).toThrow(UnreadableSourceError);
    expect(() => decodeSource(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]))).toThrow(/binary/);
  });
});
