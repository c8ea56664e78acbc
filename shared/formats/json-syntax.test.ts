import { describe, expect, it } from 'vitest';
import { excerptAt, lineColumnAt, locateJsonError, parserOffset, parserWords } from './json-syntax';

const errorOf = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (e) {
    return e;
  }
  throw new Error('expected a syntax error');
};
const locate = (text: string) => locateJsonError(text, errorOf(text), () => null);

describe('locating a JSON.parse error', () => {
  it('reads the position from either form of V8 message, and the end of input', () => {
    expect(parserOffset('Expected \',\' or \'}\' after property value in JSON at position 8', 20)).toBe(8);
    expect(parserOffset('Expected \',\' or \'}\' after property value in JSON at position 8 (line 2 column 3)', 20)).toBe(8);
    expect(parserOffset('Unexpected end of JSON input', 20)).toBe(20);
    expect(parserOffset('Unexpected token \']\', "[tru]" is not valid JSON', 5)).toBeNull();
  });

  it('keeps the parser’s words, not its position or its quoting of the input', () => {
    expect(parserWords('Expected \':\' after property name in JSON at position 5 (line 1 column 6)')).toBe("Expected ':' after property name");
    expect(parserWords('Unexpected token \']\', "[tru]" is not valid JSON')).toBe("Unexpected token ']'");
    expect(parserWords('Unexpected token \'x\', ..."a": x, "b"... is not valid JSON')).toBe("Unexpected token 'x'");
  });

  it('names line and column from the position, counting LF (CRLF counts once)', () => {
    expect(lineColumnAt('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2, lineStart: 7 });
    expect(lineColumnAt('ab\ncd', 2)).toEqual({ line: 1, column: 3, lineStart: 0 });
    const text = '{\n  "a": 1,\n  "b" 2\n}';
    expect(locate(text)).toMatchObject({ line: 3, column: 7, excerpt: '  "b" 2\n      ^' });
  });

  it('cuts a long line around the place and keeps tabs in the caret line', () => {
    const long = `[${'1,'.repeat(500)}1 2${',1'.repeat(500)}]`;
    const at = locate(long);
    expect(at).toMatchObject({ line: 1, column: 1004 });
    const [shown, caret] = at.excerpt.split('\n');
    expect(shown!.length).toBeLessThan(80);
    expect(shown![caret!.length - 1]).toBe('2');
    expect(excerptAt('\t\t"a" 1', 6, 0)).toBe('\t\t"a" 1\n\t\t    ^');
  });

  it('asks the fallback only when the message names no position', () => {
    const at = locateJsonError('[tru]', new SyntaxError('Unexpected token \']\', "[tru]" is not valid JSON'), () => ({ offset: 1, message: 'unexpected "t"' }));
    expect(at).toMatchObject({ offset: 1, line: 1, column: 2, message: "Unexpected token ']'" });
    expect(locateJsonError('{}x', new SyntaxError('Unexpected non-whitespace character after JSON at position 2'), () => ({ offset: 0, message: 'no' })).offset).toBe(2);
  });
});
