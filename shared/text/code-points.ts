import { isHighSurrogate, isLowSurrogate } from './surrogates';

/**
 * Inside Newsmark offsets count UTF-16 code units (what JavaScript and Slate count). Every
 * export format counts Unicode code points. A converter precomputes where the surrogate
 * pairs are so each conversion is a binary search.
 */
export class CodePointMap {
  /** UTF-16 index of the high surrogate of every pair, ascending. */
  private readonly pairs: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isHighSurrogate(c) && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (isLowSurrogate(d)) {
          this.pairs.push(i);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.pairs.length;
  }

  /** Number of pairs whose high surrogate is before `utf16`. */
  private pairsBefore(utf16: number): number {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  toCodePoint(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.utf16Length) {
      throw new RangeError(`UTF-16 offset ${utf16} outside 0..${this.utf16Length}`);
    }
    const before = this.pairsBefore(utf16);
    if (before > 0 && this.pairs[before - 1] === utf16 - 1) {
      throw new RangeError(`UTF-16 offset ${utf16} splits a surrogate pair`);
    }
    return utf16 - before;
  }

  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) {
      throw new RangeError(`code point offset ${codePoint} outside 0..${this.codePointLength}`);
    }
    // pair k (0-based) starts at code point pairs[k] - k; count pairs starting before codePoint.
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid]! - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}
