import { describe, expect, it } from 'vitest';
import { tokenize, MAX_SENTENCE } from './tokenize';

describe('tokenize', () => {
  it('splits words, keeps abbreviations and quote marks, offsets in UTF-16', () => {
    const d = tokenize('Mr. Obama said, ``We\'re fine.\'\' U.S. officials agreed.');
    expect(d.tokens.map((t) => t.text)).toEqual(['Mr.', 'Obama', 'said', ',', '``', "We're", 'fine', '.', "''", 'U.S.', 'officials', 'agreed', '.']);
    for (const t of d.tokens) expect(d.text.slice(t.start, t.end)).toBe(t.text);
  });
  it('finds sentences, keeping closing quotes with their sentence', () => {
    const d = tokenize('“It works.” She said so. Then\nA new line');
    expect(d.sentences.length).toBe(4);
    expect(d.tokens[d.sentences[0]![1] - 1]!.text).toBe('”');
    expect(d.paragraph[d.tokens.length - 1]).toBe(1);
  });
  it('cuts an endless sentence so nothing downstream grows with it', () => {
    const d = tokenize(Array.from({ length: 1000 }, () => 'word').join(' '));
    expect(d.sentences.length).toBe(Math.ceil(1000 / MAX_SENTENCE));
  });
  it('handles other scripts and empty text', () => {
    expect(tokenize('').tokens).toEqual([]);
    expect(tokenize('Путин заявил: «Нет».').tokens.map((t) => t.text)).toEqual(['Путин', 'заявил', ':', '«', 'Нет', '»', '.']);
  });
});
