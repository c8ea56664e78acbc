import { describe, expect, it } from 'vitest';
import { spanFromSelection } from './selection';

function tagged(text: string, from: string, to: string, exact = false): string | null {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  const span = spanFromSelection(text, start, end, { snapToWords: !exact });
  return span && text.slice(span.start, span.end);
}

describe('spanFromSelection', () => {
  it('trims surrounding white space, including non-breaking spaces', () => {
    const text = 'The mayor\u00a0 said it. ';
    expect(tagged(text, '\u00a0 said', 'it. ')).toBe('said it.');
  });

  it('snaps a selection that starts or ends inside a word to whole words', () => {
    const text = 'Officials confirmed the report on Friday.';
    expect(tagged(text, 'ficials', 'confir')).toBe('Officials confirmed');
  });

  it('keeps the exact characters when asked (Alt held)', () => {
    const text = 'Officials confirmed the report on Friday.';
    expect(tagged(text, 'ficials', 'confir', true)).toBe('ficials confir');
  });

  it('does not grow over punctuation and quotation marks', () => {
    const text = 'He said: “We will win,” and left.';
    expect(tagged(text, 'e will', 'l wi')).toBe('We will win');
    expect(tagged(text, '“We', 'win,”')).toBe('“We will win,”');
  });

  it('keeps apostrophes, hyphens and abbreviations inside words', () => {
    const text = "Venezuela's airspace, re-elected U.S. officials";
    expect(tagged(text, 'zuela', 'airsp')).toBe("Venezuela's airspace");
    expect(tagged(text, 'elect', 'elect')).toBe('re-elected');
    expect(tagged(text, 'S', 'S')).toBe('U.S');
  });

  it('treats letters outside the Basic Multilingual Plane as word characters', () => {
    const text = 'rates 𠀀𠀁 rise and 𝐀𝐁𝐂 fall';
    expect(tagged(text, '𠀁', '𠀁')).toBe('𠀀𠀁');
    expect(tagged(text, '𝐁', '𝐁')).toBe('𝐀𝐁𝐂');
  });

  it('never splits a surrogate pair', () => {
    const text = 'party 🎉 time';
    const i = text.indexOf('🎉');
    const span = spanFromSelection(text, i + 1, i + 2, { snapToWords: false })!;
    expect(text.slice(span.start, span.end)).toBe('🎉');
  });

  it('may cross paragraphs', () => {
    const text = 'end of one.\nStart of two';
    expect(tagged(text, 'one', 'Start')).toBe('one.\nStart');
  });

  it('returns null for white space only, and orders reversed selections', () => {
    expect(spanFromSelection('a   b', 1, 4)).toBeNull();
    expect(spanFromSelection('hello world', 8, 2)).toEqual({ start: 0, end: 11 });
  });
});
