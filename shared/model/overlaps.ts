import type { Span } from './types';

/**
 * The stretches of text covered by at least `minDepth` of the given spans, merged and in
 * order. A sweep over sorted edges: O(n log n).
 */
export function coveredAtDepth(spans: readonly Span[], minDepth: number): Span[] {
  const edges: [number, number][] = [];
  for (const s of spans) edges.push([s.start, 1], [s.end, -1]);
  // Ends before starts at the same offset: touching spans do not overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  let depth = 0;
  let openAt = -1;
  for (const [at, step] of edges) {
    const before = depth;
    depth += step;
    if (before < minDepth && depth >= minDepth) openAt = at;
    else if (before >= minDepth && depth < minDepth && at > openAt) {
      const last = out[out.length - 1];
      if (last && last.end === openAt) last.end = at;
      else out.push({ start: openAt, end: at });
    }
  }
  return out;
}

/** Sorted starts for interval lookups: which annotations contain an offset. */
export function spansContaining<T extends { spans: readonly Span[] }>(items: readonly T[], offset: number): T[] {
  return items.filter((a) => a.spans.some((s) => s.start <= offset && offset < s.end));
}
