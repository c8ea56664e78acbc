import { useCallback, useRef } from 'react';
import type { Annotation } from '../../../shared/model/types';
import { reviewSnapshot, type ReviewSnapshot } from '../../../shared/review/review-session';
import type { Colleague } from '../../../shared/review/review-state';

/** Pairing + decisions of mine against a colleague, cached for the last two states of mine (the painted one and React's). */
export function useSnapshots(): (mine: readonly Annotation[], colleague: Colleague) => ReviewSnapshot {
  const cache = useRef<{ mine: readonly Annotation[]; colleague: Colleague; snap: ReviewSnapshot }[]>([]);
  return useCallback((mine: readonly Annotation[], colleague: Colleague): ReviewSnapshot => {
    const hit = cache.current.find((c) => c.mine === mine && c.colleague === colleague);
    if (hit) return hit.snap;
    const snap = reviewSnapshot(mine, colleague.annotations, colleague.decisions);
    cache.current = [{ mine, colleague, snap }, ...cache.current].slice(0, 2);
    return snap;
  }, []);
}
