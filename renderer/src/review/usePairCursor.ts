import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Annotation } from '../../../shared/model/types';
import { describePair } from '../../../shared/review/describe';
import { holdsIn, locatePair } from '../../../shared/review/locate';
import { step } from '../../../shared/review/navigate';
import { leadOf, type Pair } from '../../../shared/review/pair';
import type { ReviewSnapshot } from '../../../shared/review/review-session';
import type { Colleague, ReviewState } from '../../../shared/review/review-state';
import { announce } from '../common/announcer';
import type { LiveRef } from './review-live';
import type { ReviewColumns } from './useReviewPainting';
import type { ReviewStore } from './useReviewState';

interface Options {
  live: LiveRef;
  store: ReviewStore;
  review: ReviewState | null;
  active: Colleague | undefined;
  columns: MutableRefObject<ReviewColumns>;
  currentMine(): Annotation[];
  activeNow(): Colleague | undefined;
  snapshotOf(mine: readonly Annotation[], colleague: Colleague): ReviewSnapshot;
  repaint(): void;
}

/**
 * The current pair and moving between pairs: N/P (undecided ones, or all with Shift),
 * scrolling both texts to it, and resuming on the saved pair when a colleague's review opens.
 */
export function usePairCursor({ live, store, review, active, columns, currentMine, activeNow, snapshotOf, repaint }: Options) {
  const [cursor, setCursorState] = useState<string | null>(null);

  const scrollTo = useCallback(
    (offset: number) => {
      columns.current.mine?.scrollToOffset(offset);
      if (live.current.layout === 'side-by-side') columns.current.theirs?.scrollToOffset(offset);
    },
    [columns, live],
  );

  /** Make `pair` current: painted at once, saved after a pause, scrolled to unless told not to. */
  const select = useCallback(
    (pair: Pair | undefined, scroll = true) => {
      const id = pair?.id ?? null;
      live.current.cursor = id;
      const colleague = activeNow();
      if (colleague) store.setCursor(colleague.id, id);
      repaint();
      setCursorState(id);
      if (pair && scroll) scrollTo(leadOf(pair).spans[0]!.start);
    },
    [activeNow, live, repaint, scrollTo, store],
  );

  const go = useCallback(
    (direction: 'next' | 'previous', all: boolean) => {
      const colleague = activeNow();
      if (!colleague) return announce('Open a colleague’s annotations first (Ctrl+Shift+O).');
      const s = snapshotOf(currentMine(), colleague);
      const from = locatePair(s, live.current.cursor);
      const next = step(s.reviewable, from, direction, all ? {} : { skip: holdsIn(s) });
      if (!next) return announce(s.reviewable.length === 0 ? 'No disagreements.' : 'Every disagreement is decided. Shift+N steps through them again.');
      select(next);
      announce(describePair(s, next));
    },
    [activeNow, currentMine, live, select, snapshotOf],
  );

  // Resume where the review stopped: the saved pair, else the first one to decide.
  const resumed = useRef<string | null>(null);
  useEffect(() => {
    if (!review || !active || resumed.current === active.id) return;
    resumed.current = active.id;
    const s = snapshotOf(currentMine(), active);
    const saved = locatePair(s, active.cursor ?? null);
    const first = saved ?? step(s.reviewable, undefined, 'next', { skip: holdsIn(s) });
    // Select now; scroll once the text is laid out, unless the reviewer has moved on since.
    select(first, false);
    if (first) {
      requestAnimationFrame(() => {
        if (live.current.cursor === first.id) scrollTo(leadOf(first).spans[0]!.start);
      });
    }
  }, [active, currentMine, live, review, scrollTo, select, snapshotOf]);

  /** After loading or removing colleagues: resume afresh on the next active one. */
  const forgetResume = useCallback(() => {
    resumed.current = null;
  }, []);

  return { cursor, select, go, scrollTo, forgetResume };
}
