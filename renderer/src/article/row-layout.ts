/**
 * Where each row of a virtual list sits when rows have different heights: measured
 * heights where a row has been drawn, an estimate elsewhere. Offsets are a prefix sum,
 * rebuilt only when a height changed, so a list of 10,000 rows costs one pass per change.
 */
export class RowLayout {
  private heights: number[] = [];
  private offsets: Float64Array = new Float64Array(1);
  private dirty = true;

  constructor(private readonly estimate: (index: number) => number) {}

  /** Start over for `count` rows whose measured heights are `known(i)` (undefined: estimate). */
  reset(count: number, known: (index: number) => number | undefined): void {
    this.heights = Array.from({ length: count }, (_, i) => known(i) ?? this.estimate(i));
    this.dirty = true;
  }

  get count(): number {
    return this.heights.length;
  }

  /** Record a drawn row's height; true if it moved anything. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.heights.length || Math.abs(this.heights[index]! - height) < 0.5) return false;
    this.heights[index] = height;
    this.dirty = true;
    return true;
  }

  height(index: number): number {
    return this.heights[index] ?? 0;
  }

  private prefix(): Float64Array {
    if (this.dirty) {
      const n = this.heights.length;
      this.offsets = new Float64Array(n + 1);
      for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i]! + this.heights[i]!;
      this.dirty = false;
    }
    return this.offsets;
  }

  /** Top of row `index` (the total height for index = count). */
  offset(index: number): number {
    const p = this.prefix();
    return p[Math.max(0, Math.min(index, p.length - 1))]!;
  }

  total(): number {
    return this.offset(this.heights.length);
  }

  /** The row covering `y` (the last row below the end, 0 above the start). */
  indexAt(y: number): number {
    const p = this.prefix();
    const n = this.heights.length;
    if (n === 0) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The rows to draw for a viewport from `top`, `height` tall, with `overscan` rows either side. */
  range(top: number, height: number, overscan: number): { first: number; last: number } {
    const n = this.heights.length;
    const first = Math.max(0, this.indexAt(top) - overscan);
    const last = Math.min(n, this.indexAt(top + height) + 1 + overscan);
    return { first, last };
  }

  /** The scrollTop that brings row `index` fully into a viewport at `top`, `height` tall (unchanged if it is). */
  scrollFor(index: number, top: number, height: number): number {
    const start = this.offset(index);
    const end = start + this.height(index);
    if (start < top) return start;
    if (end > top + height) return Math.min(start, end - height);
    return top;
  }
}
