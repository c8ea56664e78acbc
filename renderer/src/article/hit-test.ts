import { containsOffset, coveredLength } from '../../../shared/model/spans';
import type { Annotation } from '../../../shared/model/types';

/** The annotations covering `offset`, innermost (fewest characters) first. */
export function annotationsAt(annotations: readonly Annotation[], offset: number): Annotation[] {
  return annotations.filter((a) => containsOffset(a, offset)).sort((a, b) => coveredLength(a.spans) - coveredLength(b.spans));
}

/** The last click that selected an annotation: where, and which one it picked. */
export interface LastClick {
  offset: number;
  id: string;
}

/**
 * Which of `hits` (innermost first) a click picks: the innermost, or — clicking again on
 * the same spot — the next one out, round to the innermost after the outermost.
 */
export function cyclePick(hits: readonly Annotation[], offset: number, last: LastClick | null): Annotation | undefined {
  if (hits.length === 0) return undefined;
  if (last && last.offset === offset) {
    const i = hits.findIndex((a) => a.id === last.id);
    if (i !== -1) return hits[(i + 1) % hits.length];
  }
  return hits[0];
}

/** The ids of the annotations the caret is inside, as one key (to announce only a change). */
export function insideKey(inside: readonly Annotation[]): string {
  return inside
    .map((a) => a.id)
    .sort()
    .join();
}
