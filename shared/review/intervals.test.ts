import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../model/types';
import { Coverage, overlapLength, overlappingExtents } from './intervals';
import { ann } from './test-support';

const arbSpan = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 })).map(([s, l]): [number, number] => [s, s + l]);

describe('overlappingExtents', () => {
  it('reports exactly the pairs whose extents overlap (against an all-pairs loop)', () => {
    fc.assert(
      fc.property(fc.array(arbSpan, { maxLength: 25 }), fc.array(arbSpan, { maxLength: 25 }), (xs, ys) => {
        const a = xs.map((s, i) => ann(`a${i}`, 'claim', s));
        const b = ys.map((s, i) => ann(`b${i}`, 'claim', s));
        const found: string[] = [];
        overlappingExtents(a, b, (i, j) => found.push(`${i},${j}`));
        const expected: string[] = [];
        xs.forEach(([s1, e1], i) => ys.forEach(([s2, e2], j) => s1 < e2 && s2 < e1 && expected.push(`${i},${j}`)));
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 400 },
    );
  });
});

describe('overlapLength and Coverage', () => {
  const spans = (...xs: [number, number][]): Span[] => xs.map(([start, end]) => ({ start, end }));

  it('counts shared characters across discontinuous spans', () => {
    expect(overlapLength(spans([0, 5], [10, 20]), spans([3, 12], [15, 16]))).toBe(2 + 2 + 1);
    expect(overlapLength(spans([0, 5]), spans([5, 9]))).toBe(0);
    expect(overlapLength(spans([0, 5], [10, 12]), spans([0, 5], [10, 12]))).toBe(7);
  });

  it('answers "does this span touch the union" like a character-by-character check', () => {
    fc.assert(
      fc.property(fc.array(arbSpan, { maxLength: 20 }), arbSpan, (xs, [s, e]) => {
        const covered = new Set<number>();
        for (const [a, b] of xs) for (let k = a; k < b; k++) covered.add(k);
        let expected = false;
        for (let k = s; k < e; k++) expected ||= covered.has(k);
        expect(new Coverage(spans(...xs)).overlaps({ start: s, end: e })).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});
