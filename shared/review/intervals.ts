import type { Annotation, Span } from '../model/types';

/** A key that is equal for two annotations exactly when their spans are identical. */
export function spansKey(spans: readonly Span[]): string {
  let key = '';
  for (const s of spans) key += `${s.start}-${s.end},`;
  return key;
}

/** Characters two sorted, non-overlapping span lists have in common (a linear merge). */
export function overlapLength(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const lo = Math.max(x.start, y.start);
    const hi = Math.min(x.end, y.end);
    if (hi > lo) total += hi - lo;
    if (x.end <= y.end) i++;
    else j++;
  }
  return total;
}

interface Extent {
  index: number;
  start: number;
  end: number;
}

function extents(list: readonly Annotation[]): Extent[] {
  return list.map((a, index) => ({ index, start: a.spans[0]!.start, end: a.spans[a.spans.length - 1]!.end }));
}

/**
 * Every (i, j) such that the extents (first start to last end) of a[i] and b[j] overlap,
 * found with one sweep in start order: O((n + m) log(n + m) + k) for k reported pairs.
 * Callers check real span overlap themselves, since discontinuous spans can interleave.
 */
export function overlappingExtents(
  a: readonly Annotation[],
  b: readonly Annotation[],
  report: (i: number, j: number) => void,
): void {
  const ea = extents(a);
  const eb = extents(b);
  const starts = [...ea.map((e) => ({ side: 0, e })), ...eb.map((e) => ({ side: 1, e }))];
  starts.sort((x, y) => x.e.start - y.e.start || x.side - y.side || x.e.index - y.e.index);
  const ends = [...starts].sort((x, y) => x.e.end - y.e.end);
  // Sets iterate in insertion order and delete in O(1); an interval leaves its set once
  // the sweep passes its end, so every member met while reporting really overlaps.
  const active = [new Set<number>(), new Set<number>()] as const;
  let endPtr = 0;
  for (const { side, e } of starts) {
    while (endPtr < ends.length && ends[endPtr]!.e.end <= e.start) {
      const gone = ends[endPtr++]!;
      active[gone.side as 0 | 1].delete(gone.e.index);
    }
    if (side === 0) for (const j of active[1]) report(e.index, j);
    else for (const i of active[0]) report(i, e.index);
    active[side as 0 | 1].add(e.index);
  }
}

/**
 * The union of many spans as sorted, disjoint intervals, for "does this span touch any of
 * them" queries by binary search.
 */
export class Coverage {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    for (const s of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && s.start < this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, s.end);
      else {
        this.starts.push(s.start);
        this.ends.push(s.end);
      }
    }
  }

  /** True when [start, end) shares at least one character with the union. */
  overlaps(span: Span): boolean {
    // First interval whose end is past span.start; it overlaps iff it starts before span.end.
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= span.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts.length && this.starts[lo]! < span.end;
  }
}
