import { afterNextPaint } from '../article/paint-timing';

/**
 * User Timing marks for the review benchmark: when opening review mode starts (the command
 * arrives) and when the first review marks have been painted (the frame after).
 */
export const REVIEW_OPEN_MARK = 'newsmark:review-open';
export const REVIEW_PAINTED_MARK = 'newsmark:review-painted';

export function markReviewOpen(): void {
  performance.clearMarks(REVIEW_OPEN_MARK);
  performance.clearMarks(REVIEW_PAINTED_MARK);
  performance.mark(REVIEW_OPEN_MARK);
}

/** Once per opening: the first paint with the colleague's marks (or the empty review). */
export function markReviewPaintedNextFrame(detail: { pairs: number }): void {
  if (performance.getEntriesByName(REVIEW_PAINTED_MARK).length > 0) return;
  afterNextPaint(() => {
    if (performance.getEntriesByName(REVIEW_PAINTED_MARK).length === 0) performance.mark(REVIEW_PAINTED_MARK, { detail });
  });
}
