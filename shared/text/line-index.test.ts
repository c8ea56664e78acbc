import { describe, expect, it } from 'vitest';
import { canonicalText, LineIndex } from './line-index';

describe('LineIndex', () => {
  const text = 'first line\nsecond\n\nlast 😀 line';
  const index = new LineIndex(text);

  it('splits paragraphs at newlines, keeping empty ones', () => {
    expect(index.paragraphCount).toBe(4);
    expect([0, 1, 2, 3].map((p) => index.paragraphText(p))).toEqual(['first line', 'second', '', 'last 😀 line']);
  });

  it('maps every offset to (paragraph, offset) and back', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const point = index.toPoint(offset);
      expect(index.toOffset(point)).toBe(offset);
      expect(text.slice(index.paragraphStart(point.paragraph), offset)).not.toContain('\n');
    }
  });

  it('puts the newline offset at the end of the line it ends', () => {
    expect(index.toPoint(10)).toEqual({ paragraph: 0, offset: 10 });
    expect(index.toPoint(11)).toEqual({ paragraph: 1, offset: 0 });
    expect(index.toPoint(18)).toEqual({ paragraph: 2, offset: 0 });
  });

  it('refuses points outside the text', () => {
    expect(() => index.toPoint(-1)).toThrow(RangeError);
    expect(() => index.toPoint(text.length + 1)).toThrow(RangeError);
    expect(() => index.toOffset({ paragraph: 4, offset: 0 })).toThrow(RangeError);
    expect(() => index.toOffset({ paragraph: 1, offset: 7 })).toThrow(RangeError);
  });

  it('handles a text with no newline and an empty text', () => {
    expect(new LineIndex('one').toPoint(3)).toEqual({ paragraph: 0, offset: 3 });
    expect(new LineIndex('').paragraphCount).toBe(1);
  });
});

describe('canonicalText', () => {
  it('turns CRLF and CR into LF and changes nothing else', () => {
    expect(canonicalText('a\r\nb\rc\n\u00a0“d”\t')).toBe('a\nb\nc\n\u00a0“d”\t');
  });
});
