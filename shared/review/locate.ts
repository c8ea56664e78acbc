import { containsOffset, coveredLength } from '../model/spans';
import type { Annotation } from '../model/types';
import type { SpanGroup } from './curation';
import { parsePairId, PAIR_CATEGORIES, type Pair, type PairCategory } from './pair';
import { decisionHolds, type ReviewSnapshot } from './review-session';

/**
 * The pair `id` names in this pairing: by id, else by the colleague's side, else by mine.
 * A decision changes mine (and so the pair's id), so a saved cursor is found by either side.
 */
export function locatePair(snap: ReviewSnapshot, id: string | null | undefined): Pair | undefined {
  if (!id) return undefined;
  const found = snap.pairing.pairs.find((p) => p.id === id);
  if (found) return found;
  const sides = parsePairId(id);
  return (sides.theirs !== undefined ? snap.pairing.byTheirs.get(sides.theirs) : undefined) ?? (sides.mine !== undefined ? snap.pairing.byMine.get(sides.mine) : undefined);
}

/** Whether the decision saved on a pair still holds (see decisionHolds), as a predicate over pairs. */
export const holdsIn =
  (snap: ReviewSnapshot) =>
  (p: Pair): boolean =>
    decisionHolds(p, snap.decided.get(p.id));

/** Which side of the text a click landed on: one column of side by side, or both together. */
export type ClickSide = 'mine' | 'theirs' | 'both';

/**
 * The pair under a click at `offset`: pairs still to review before the others, then the
 * smallest (by the smaller of its two sides), so a click inside a nested span picks it.
 */
export function pairAt(snap: ReviewSnapshot, offset: number, side: ClickSide): Pair | undefined {
  const on = (a: Annotation | undefined) => !!a && containsOffset(a, offset);
  const hits = snap.pairing.pairs.filter((p) => (side !== 'theirs' && on(p.mine)) || (side !== 'mine' && on(p.theirs)));
  if (hits.length === 0) return undefined;
  const size = (p: Pair) => Math.min(p.mine ? coveredLength(p.mine.spans) : Infinity, p.theirs ? coveredLength(p.theirs.spans) : Infinity);
  const order = new Set(snap.reviewable.map((p) => p.id));
  hits.sort((a, b) => Number(order.has(b.id)) - Number(order.has(a.id)) || size(a) - size(b));
  return hits[0];
}

/** The curation group under a click: the smallest one covering `offset`. */
export function groupAt(groups: readonly SpanGroup[], offset: number): SpanGroup | undefined {
  const hits = groups.filter((g) => g.spans.some((s) => s.start <= offset && offset < s.end));
  hits.sort((a, b) => coveredLength(a.spans) - coveredLength(b.spans));
  return hits[0];
}

export interface PairCounts {
  categories: Record<PairCategory, number>;
  /** Pairs whose attribution links differ (counted apart from the category). */
  links: number;
}

/** How many pairs fall in each category, for the summary bar. */
export function pairCounts(pairs: readonly Pair[]): PairCounts {
  const categories = Object.fromEntries(PAIR_CATEGORIES.map((x) => [x, 0])) as Record<PairCategory, number>;
  let links = 0;
  for (const p of pairs) {
    categories[p.category]++;
    if (p.links === 'different') links++;
  }
  return { categories, links };
}
