import type { Annotation, Span } from '../../../shared/model/types';
import { consensus, type SpanGroup } from '../../../shared/review/curation';
import { spansKey } from '../../../shared/review/intervals';
import { holdsIn, locatePair } from '../../../shared/review/locate';
import type { Pair } from '../../../shared/review/pair';
import type { ReviewSnapshot } from '../../../shared/review/review-session';
import { mineIndex } from './CurationPanel';
import type { ReviewPaint } from './review-painter';
import { intersectSpans, subtractSpans } from './span-sets';

export const NO_MARKS: ReviewPaint['current'] = { mine: [], theirs: [] };

/** The current pair: solid where both sides cover the words, lighter where only one does. */
export function currentMarks(pair: Pair | undefined): Pick<ReviewPaint, 'current' | 'currentEdge'> {
  if (!pair) return { current: NO_MARKS };
  if (!pair.mine || !pair.theirs) return { current: { mine: pair.mine ? [pair.mine.spans] : [], theirs: pair.theirs ? [pair.theirs.spans] : [] } };
  const both = intersectSpans(pair.mine.spans, pair.theirs.spans);
  return {
    current: { mine: [both], theirs: [both] },
    currentEdge: { mine: [subtractSpans(pair.mine.spans, pair.theirs.spans)], theirs: [subtractSpans(pair.theirs.spans, pair.mine.spans)] },
  };
}

/** The Review tab's marks: both sides, the pairs still to decide tinted, the current pair on top. */
export function reviewMarks(mine: readonly Annotation[], theirs: readonly Annotation[], snap: ReviewSnapshot, cursor: string | null): ReviewPaint {
  const holds = holdsIn(snap);
  const todo = snap.reviewable.filter((p) => !holds(p));
  return {
    mine,
    theirs,
    todo: { mine: todo.flatMap((p) => (p.mine ? [p.mine.spans] : [])), theirs: todo.flatMap((p) => (p.theirs ? [p.theirs.spans] : [])) },
    ...currentMarks(locatePair(snap, cursor)),
  };
}

/** The Curation tab's marks: mine, what at least `k` annotators agree on and I lack, the chosen group. */
export function curationMarks(mine: readonly Annotation[], groups: readonly SpanGroup[], k: number, chosen: Span[] | null): ReviewPaint {
  const index = mineIndex(mine);
  const missing = consensus(groups, k).filter((c) => !index.tagged.has(`${c.tag}:${spansKey(c.spans)}`));
  return {
    mine,
    theirs: [],
    todo: { mine: missing.map((c) => c.spans), theirs: [] },
    current: { mine: chosen ? [chosen] : [], theirs: [] },
  };
}
