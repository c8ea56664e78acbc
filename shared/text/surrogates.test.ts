import { describe, expect, it } from 'vitest';
import { isHighSurrogate, isLowSurrogate, isSurrogate, splitsPair } from './surrogates';

describe('surrogates', () => {
  const emoji = 'a😀b'; // a, high, low, b

  it('tells the halves apart', () => {
    expect(isHighSurrogate(emoji.charCodeAt(1))).toBe(true);
    expect(isLowSurrogate(emoji.charCodeAt(1))).toBe(false);
    expect(isLowSurrogate(emoji.charCodeAt(2))).toBe(true);
    expect(isSurrogate(emoji.charCodeAt(0))).toBe(false);
    expect(isSurrogate(0xd800)).toBe(true);
    expect(isSurrogate(0xdfff)).toBe(true);
    expect(isSurrogate(0xe000)).toBe(false);
  });

  it('finds an offset between the halves of a pair', () => {
    expect([0, 1, 2, 3, 4].map((i) => splitsPair(emoji, i))).toEqual([false, false, true, false, false]);
    expect(splitsPair('\ud800x', 1)).toBe(false); // a lone high half is no pair
  });
});
