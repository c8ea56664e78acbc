import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../model/types';
import { ImportError } from './errors';
import { checkBytes, checkLength, checkNotBinary, checkNotEmpty, controlShare, looksLikeUtf16WithoutBom } from './text';

function reasonOf(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error('expected an ImportError');
}

describe('checkBytes', () => {
  it('refuses an empty file', () => {
    expect(reasonOf(() => checkBytes('a.txt', new Uint8Array()))).toBe('a.txt: the file is empty.');
  });
  it('refuses NUL bytes as binary', () => {
    expect(reasonOf(() => checkBytes('a.txt', Uint8Array.from([0x41, 0, 0x42, 0x43])))).toBe('a.txt: this is a binary file, not text (it contains NUL bytes).');
  });
  it('accepts NUL bytes after a UTF-16 BOM', () => {
    expect(() => checkBytes('a.txt', Uint8Array.from([0xff, 0xfe, 0x41, 0]))).not.toThrow();
  });
  it('names UTF-16 without a BOM instead of calling it binary', () => {
    const bytes = new Uint8Array(Buffer.from('Plain words in UTF-16', 'utf16le'));
    expect(looksLikeUtf16WithoutBom(bytes)).toBe(true);
    expect(reasonOf(() => checkBytes('w.txt', bytes))).toMatch(/^w\.txt: the file looks like UTF-16 text without a byte order mark/);
  });
});

describe('checkNotBinary', () => {
  it('measures control characters other than tab, LF, FF and CR', () => {
    expect(controlShare('a\tb\nc\rd\f')).toBe(0);
    expect(controlShare('\x01\x02ab')).toBe(0.5);
  });
  it('refuses a text with a high share of control characters', () => {
    const text = 'ab\x01\x02\x03\x04\x05\x06\x07\x08';
    expect(reasonOf(() => checkNotBinary('x.txt', text))).toBe('x.txt: this is a binary file, not text (80% of its characters are control characters).');
  });
  it('accepts a stray control character in a long text', () => {
    expect(() => checkNotBinary('x.txt', `${'words '.repeat(100)}\x0b`)).not.toThrow();
  });
});

describe('checkNotEmpty and checkLength', () => {
  it('tells white space from nothing', () => {
    expect(reasonOf(() => checkNotEmpty('x.md', ' \n\t'))).toBe('x.md: the file contains only white space.');
    expect(reasonOf(() => checkNotEmpty('x.md', '', 'the Markdown'))).toBe('x.md: the Markdown has no text.');
  });
  it('refuses one character over the limit and accepts the limit', () => {
    expect(() => checkLength('big.txt', 'a'.repeat(MAX_TEXT_LENGTH))).not.toThrow();
    expect(reasonOf(() => checkLength('big.txt', 'a'.repeat(MAX_TEXT_LENGTH + 1)))).toBe(
      'big.txt: the file has 5,000,001 characters of text; Newsmark takes articles of up to 5 MB (5,000,000 characters).',
    );
  });
});
