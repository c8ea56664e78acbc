import { describe, expect, it } from 'vitest';
import { CodePointMap } from './code-points';

describe('CodePointMap', () => {
  const text = 'a😀b𠀀c𝐀d'; // emoji, CJK extension B, mathematical bold capital A
  const map = new CodePointMap(text);

  it('counts code points', () => {
    expect(map.utf16Length).toBe(10);
    expect(map.codePointLength).toBe([...text].length);
  });

  it('converts both ways at every boundary', () => {
    const cps = [...text];
    let utf16 = 0;
    for (let cp = 0; cp <= cps.length; cp++) {
      expect(map.toCodePoint(utf16)).toBe(cp);
      expect(map.toUtf16(cp)).toBe(utf16);
      utf16 += cps[cp]?.length ?? 0;
    }
  });

  it('agrees with code-point slicing', () => {
    const start = text.indexOf('b');
    const end = text.indexOf('d');
    const cps = [...text];
    expect(cps.slice(map.toCodePoint(start), map.toCodePoint(end)).join('')).toBe(text.slice(start, end));
  });

  it('refuses offsets inside a surrogate pair or out of range', () => {
    expect(() => map.toCodePoint(2)).toThrow(/splits a surrogate pair/);
    expect(() => map.toCodePoint(11)).toThrow(RangeError);
    expect(() => map.toUtf16(-1)).toThrow(RangeError);
    expect(() => map.toUtf16(1.5)).toThrow(RangeError);
  });

  it('handles text without pairs and lone surrogates', () => {
    expect(new CodePointMap('plain').toUtf16(3)).toBe(3);
    const lone = new CodePointMap('a\ud800b');
    expect(lone.codePointLength).toBe(3);
  });
});
