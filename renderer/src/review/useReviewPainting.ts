import { useCallback, useLayoutEffect, useRef, type MutableRefObject } from 'react';
import type { Annotation } from '../../../shared/model/types';
import type { ReviewSnapshot } from '../../../shared/review/review-session';
import type { Colleague } from '../../../shared/review/review-state';
import type { ArticleTextHandle } from '../article/ArticleText';
import { curationMarks, NO_MARKS, reviewMarks } from './review-marks';
import { ReviewPainter } from './review-painter';
import type { LiveRef } from './review-live';
import { markReviewPaintedNextFrame } from './review-timing';

export interface ReviewColumns {
  mine: ArticleTextHandle | null;
  theirs: ArticleTextHandle | null;
}

interface Options {
  live: LiveRef;
  /** My annotations as they are now. */
  currentMine(): Annotation[];
  /** Whether the review has loaded (nothing to paint before). */
  loaded(): boolean;
  activeNow(): Colleague | undefined;
  snapshotOf(mine: readonly Annotation[], colleague: Colleague): ReviewSnapshot;
}

/**
 * Review mode's painting: one ReviewPainter over the one text (together) or the two columns
 * (side by side). `repaint` paints what `live` says now; it is safe to call at any time.
 */
export function useReviewPainting({ live, currentMine, loaded, activeNow, snapshotOf }: Options) {
  const painterRef = useRef<ReviewPainter | null>(null);
  const columns = useRef<ReviewColumns>({ mine: null, theirs: null });
  const repaintRef = useRef<(mine?: readonly Annotation[]) => void>(() => undefined);

  const repaint = useCallback(
    (mine: readonly Annotation[] = currentMine()) => {
      const painter = painterRef.current;
      if (!painter?.ready || !loaded()) return;
      const now = live.current;
      if (now.tab === 'curation') return painter.paint(curationMarks(mine, now.curation.groups, now.k, now.groupSpans));
      const colleague = activeNow();
      if (!colleague) {
        painter.paint({ mine, theirs: [], todo: NO_MARKS, current: NO_MARKS });
        markReviewPaintedNextFrame({ pairs: 0 });
        return;
      }
      const snap = snapshotOf(mine, colleague);
      painter.paint(reviewMarks(mine, colleague.annotations, snap, now.cursor), snap);
      markReviewPaintedNextFrame({ pairs: snap.pairing.pairs.length });
    },
    [activeNow, currentMine, live, loaded, snapshotOf],
  );
  repaintRef.current = repaint;

  const syncSources = useCallback(() => {
    const painter = painterRef.current;
    if (!painter) return;
    const { mine, theirs } = columns.current;
    painter.setSources(mine?.painter ?? null, live.current.layout === 'side-by-side' ? (theirs?.painter ?? null) : (mine?.painter ?? null));
    repaintRef.current();
  }, [live]);

  useLayoutEffect(() => {
    painterRef.current = new ReviewPainter();
    syncSources();
    return () => {
      painterRef.current?.dispose();
      painterRef.current = null;
    };
  }, [syncSources]);

  const onMineReady = useCallback(
    (h: ArticleTextHandle | null) => {
      columns.current.mine = h;
      syncSources();
    },
    [syncSources],
  );
  const onTheirsReady = useCallback(
    (h: ArticleTextHandle | null) => {
      columns.current.theirs = h;
      syncSources();
    },
    [syncSources],
  );

  return { columns: columns as MutableRefObject<ReviewColumns>, repaint, syncSources, onMineReady, onTheirsReady };
}
