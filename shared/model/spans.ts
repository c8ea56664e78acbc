import type { Annotation, Span } from './types';

/** Sort spans and merge those that overlap or touch, so an annotation's spans stay canonical. */
export function normalizeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Spans are sorted, non-overlapping, non-empty and inside a text of `length` code units. */
export function spansProblem(spans: readonly Span[], length: number): string | null {
  let prevEnd = -1;
  for (const [i, s] of spans.entries()) {
    if (s.end > length) return `spans[${i}] ends at ${s.end}, past the end of the text (${length})`;
    if (s.start < prevEnd) return `spans[${i}] starts at ${s.start}, before the previous span ends (${prevEnd})`;
    if (s.start === prevEnd) return `spans[${i}] touches the previous span; merge them`;
    prevEnd = s.end;
  }
  return null;
}

export function firstStart(a: Annotation): number {
  return a.spans[0]!.start;
}

export function lastEnd(a: Annotation): number {
  return a.spans[a.spans.length - 1]!.end;
}

/** Document order: by start, then longer first (outer before inner), then id for stability. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return firstStart(a) - firstStart(b) || lastEnd(b) - lastEnd(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function spanText(text: string, spans: readonly Span[], joiner = ' … '): string {
  return spans.map((s) => text.slice(s.start, s.end)).join(joiner);
}

export function coveredLength(spans: readonly Span[]): number {
  return spans.reduce((n, s) => n + s.end - s.start, 0);
}

export function containsOffset(a: Annotation, offset: number): boolean {
  return a.spans.some((s) => s.start <= offset && offset < s.end);
}
