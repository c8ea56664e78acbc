import { describe, expect, it } from 'vitest';
import { RowLayout } from './row-layout';

describe('RowLayout', () => {
  const layout = (heights: (number | undefined)[], estimate = 50) => {
    const l = new RowLayout(() => estimate);
    l.reset(heights.length, (i) => heights[i]);
    return l;
  };

  it('places rows by their measured heights and estimates the rest', () => {
    const l = layout([72, 96, undefined, 60]);
    expect([0, 1, 2, 3, 4].map((i) => l.offset(i))).toEqual([0, 72, 168, 218, 278]);
    expect(l.total()).toBe(278);
  });

  it('moves the rows below when a row turns out taller', () => {
    const l = layout([50, 50, 50]);
    expect(l.set(1, 90)).toBe(true);
    expect(l.set(1, 90.2)).toBe(false);
    expect(l.offset(2)).toBe(140);
  });

  it('finds the row under a point and the rows of a viewport', () => {
    const l = layout([72, 96, 50, 60, 80]);
    expect(l.indexAt(0)).toBe(0);
    expect(l.indexAt(71)).toBe(0);
    expect(l.indexAt(72)).toBe(1);
    expect(l.indexAt(10_000)).toBe(4);
    expect(l.range(100, 100, 0)).toEqual({ first: 1, last: 3 }); // rows 1 (72–168) and 2 (168–218)
    expect(l.range(100, 100, 6)).toEqual({ first: 0, last: 5 });
  });

  it('scrolls only as far as it takes to show a row whole', () => {
    const l = layout([72, 96, 50, 60, 80]);
    expect(l.scrollFor(1, 0, 300)).toBe(0); // in view
    expect(l.scrollFor(4, 0, 300)).toBe(358 - 300); // below: its bottom at the viewport's
    expect(l.scrollFor(0, 100, 300)).toBe(0); // above: its top at the viewport's
    expect(l.scrollFor(1, 0, 50)).toBe(72); // taller than the viewport: its top
  });
});
