import { CATEGORY_LABELS, DECISION_LABELS } from './labels';
import type { Pair } from './pair';
import { decisionHolds, type ReviewSnapshot } from './review-session';

/**
 * A pair as a screen reader hears it on arriving there: "Tag conflict, links differ, 3 of
 * 12, accepted" (its place among the reviewable pairs, and the decision if it still holds).
 */
export function describePair(snap: ReviewSnapshot, p: Pair): string {
  const i = snap.reviewable.findIndex((x) => x.id === p.id);
  const d = snap.decided.get(p.id);
  const status = d && decisionHolds(p, d) ? `, ${DECISION_LABELS[d.decision.kind].toLowerCase()}` : '';
  return `${CATEGORY_LABELS[p.category]}${p.links === 'different' ? ', links differ' : ''}${i >= 0 ? `, ${i + 1} of ${snap.reviewable.length}` : ''}${status}`;
}
