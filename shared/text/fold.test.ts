import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, queryTerms } from './fold';

describe('fold', () => {
  it('ignores case, accents, curly quotes, dashes and kinds of space', () => {
    expect(fold('Nicolás MADURO')).toBe('nicolas maduro');
    expect(fold('the union’s “secretary” — José')).toBe(`the union's "secretary" - jose`);
    expect(fold('a\u00a0b\nc\td')).toBe('a b c d');
    expect(fold('İstanbul Ærø Ça')).toBe('istanbul ærø ca'); // ø is a letter of its own, not o + accent
  });

  it('keeps characters that are not base + accents (Hangul, CJK) and astral characters', () => {
    expect(fold('한국 中文')).toBe('한국 中文');
    expect(fold('Emoji 😀 𝐀')).toBe('emoji 😀 𝐀');
  });

  it('keeps the length of any string, so offsets carry over', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        expect(fold(s).length).toBe(s.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('queryTerms', () => {
  it('splits words and keeps quoted phrases together, folded', () => {
    expect(queryTerms('  Bridge  “Swing  bridge” corrosión ')).toEqual(['bridge', 'swing bridge', 'corrosion']);
    expect(queryTerms('"unterminated phrase')).toEqual(['unterminated phrase']);
    expect(queryTerms('   ')).toEqual([]);
  });
});
