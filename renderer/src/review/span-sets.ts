import { normalizeSpans } from '../../../shared/model/spans';
import type { Span } from '../../../shared/model/types';

/** Where both span lists cover the same characters. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) out.push({ start, end });
    }
  }
  return normalizeSpans(out);
}

/** What `a` covers and `b` does not. */
export function subtractSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const cut = normalizeSpans(b);
  const out: Span[] = [];
  for (const x of normalizeSpans(a)) {
    let start = x.start;
    for (const y of cut) {
      if (y.end <= start || y.start >= x.end) continue;
      if (y.start > start) out.push({ start, end: y.start });
      start = Math.max(start, y.end);
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}
