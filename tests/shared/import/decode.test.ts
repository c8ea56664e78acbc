import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, sniffHtmlCharset } from '../../../shared/import/decode';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../../fixtures/import', name)));
const ASTRAL = ' Reactions online ranged from 👍 to 😡.';
/** What every encoded fixture holds, read by Node's own UTF-8 decoder (not ours) from the BOM'd UTF-8 one. */
const ENCODED_TEXT = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/import/utf8-bom.txt'), 'utf8').replace(/^\ufeff/, '').slice(0, -ASTRAL.length);

describe('decodeText', () => {
  it('reads UTF-8 without a BOM as is', () => {
    const text = 'Café “quoted” 👍\r\nline two';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('drops a UTF-8 BOM and nothing else', () => {
    expect(decodeText(fixture('utf8-bom.txt'))).toEqual({ text: ENCODED_TEXT + ASTRAL, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with a BOM, astral characters included', () => {
    expect(decodeText(fixture('utf16le-bom.txt'))).toEqual({ text: ENCODED_TEXT + ASTRAL, encoding: 'utf-16le', bom: true });
    expect(decodeText(fixture('utf16be-bom.txt'))).toEqual({ text: ENCODED_TEXT + ASTRAL, encoding: 'utf-16be', bom: true });
  });

  it('falls back to windows-1252 for bytes that are not UTF-8: 0x93/0x94 are curly quotes', () => {
    const bytes = fixture('windows-1252.txt');
    expect(bytes).toContain(0x93);
    expect(bytes).toContain(0x94);
    expect(decodeText(bytes)).toEqual({ text: ENCODED_TEXT, encoding: 'windows-1252', bom: false });
  });

  it('maps every windows-1252 byte to one character, so offsets match bytes', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toHaveLength(256);
    expect(text.slice(0x93, 0x95)).toBe('“”');
    expect(text[0x80]).toBe('€');
  });

  it('follows the WHATWG windows-1252 index for 0x80–0x9F (Node’s own decoder does not, nodejs/node#60888)', () => {
    const index = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    const bytes = Uint8Array.from(index, (_, i) => 0x80 + i);
    expect([...decodeWindows1252(bytes)].map((c) => c.codePointAt(0))).toEqual(index);
    expect(decodeText(Uint8Array.from([0x93, 0x41, 0x94]), { fallback: 'iso-8859-1' }).text).toBe('“A”');
  });

  it('keeps U+FEFF inside the text (only a leading BOM is dropped)', () => {
    expect(decodeText(new TextEncoder().encode('a\ufeffb')).text).toBe('a\ufeffb');
  });

  it('uses a declared fallback charset for bytes that are not UTF-8, and ignores unknown labels', () => {
    const koi8 = Uint8Array.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]); // "Привет" in KOI8-R
    expect(decodeText(koi8, { fallback: 'koi8-r' })).toMatchObject({ text: 'Привет', encoding: 'koi8-r' });
    expect(decodeText(Uint8Array.from([0x93, 0x41, 0x94]), { fallback: 'no-such-charset' })).toMatchObject({ text: '“A”', encoding: 'windows-1252' });
  });

  it('prefers valid UTF-8 over a declared charset', () => {
    expect(decodeText(new TextEncoder().encode('naïve'), { fallback: 'windows-1252' }).text).toBe('naïve');
  });
});

describe('sniffHtmlCharset', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('finds <meta charset> and the http-equiv form', () => {
    expect(sniffHtmlCharset(bytes('<html><head><meta charset="ISO-8859-1">'))).toBe('iso-8859-1');
    expect(sniffHtmlCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'))).toBe('windows-1251');
  });
  it('looks only at the first 1024 bytes', () => {
    expect(sniffHtmlCharset(bytes(`${' '.repeat(1100)}<meta charset="koi8-r">`))).toBeUndefined();
  });
});
