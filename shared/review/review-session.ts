import type { Annotation } from '../model/types';
import { restoreDecisions, type DecisionLog, type ReviewDecision } from './decisions';
import { disagreements } from './navigate';
import { comparePairs, isDisagreement, pairAnnotations, type Pair, type Pairing } from './pair';
import { reviewReport, type ReportRow } from './report';
import type { StoredDecision } from './review-state';

/**
 * One review against one colleague, as it stands now: my annotations paired with theirs,
 * and the saved decisions matched to the fresh pairing (see restoreDecisions).
 */
export interface ReviewSnapshot {
  pairing: Pairing;
  /** Pair id (in this pairing) → the decision taken on it, as saved (its own pairId is the pair's id then). */
  decided: Map<string, StoredDecision>;
  /** Decisions that match no pair any more (e.g. accepting "only mine" removed mine). */
  stale: StoredDecision[];
  /** The pairs that disagree now, in document order. */
  disagreements: Pair[];
  /** What the reviewer steps through: pairs that disagree now or were decided (an accepted pair agrees afterwards). */
  reviewable: Pair[];
}

export function reviewSnapshot(mine: readonly Annotation[], theirs: readonly Annotation[], decisions: readonly StoredDecision[]): ReviewSnapshot {
  const pairing = pairAnnotations(mine, theirs);
  // restoreDecisions rewrites each pairId to the pair it matches now; keep the saved record.
  const tagged = decisions.map((d) => ({ ...d, saved: d }));
  const { log, stale } = restoreDecisions(pairing, tagged as readonly ReviewDecision[]);
  const decided = new Map<string, StoredDecision>();
  for (const [pairId, d] of Object.entries(log)) decided.set(pairId, (d as unknown as { saved: StoredDecision }).saved);
  const disagreeing = disagreements(pairing);
  const reviewable = pairing.pairs.filter((p) => decided.has(p.id) || isDisagreement(p));
  return { pairing, decided, stale: (stale as unknown as { saved: StoredDecision }[]).map((d) => d.saved), disagreements: disagreeing, reviewable };
}

/**
 * Whether a decision still holds for the pair as it is now. Accepting makes mine equal to
 * theirs, so an accepted pair that is no longer an agreement was changed since (undone in
 * the editor, say) and needs deciding again. Reject, merge and edit hold as recorded.
 */
export function decisionHolds(pair: Pair, d: StoredDecision | undefined): d is StoredDecision {
  if (!d) return false;
  return d.decision.kind !== 'accept' || pair.category === 'agree';
}

/** The same-id pair a stored decision describes, as it was when it was taken. */
function pairAsDecided(d: StoredDecision): Pair {
  return { id: d.pairId, category: d.category, ...(d.mine ? { mine: d.mine } : {}), ...(d.theirs ? { theirs: d.theirs } : {}), overlap: 0, ...(d.links ? { links: d.links } : {}) };
}

/**
 * The review report against one colleague: one row per pair in document order, with its
 * category and the decision taken. A decided pair is reported as it was when decided (its
 * category then, both sides then), so "boundary conflict → merge" stays readable after the
 * merge; undecided pairs as they are now; decisions whose pair is gone get their row too.
 */
export function reviewReportRows(text: string, mine: readonly Annotation[], theirs: readonly Annotation[], decisions: readonly StoredDecision[]): ReportRow[] {
  const snap = reviewSnapshot(mine, theirs, decisions);
  const pairs: Pair[] = [];
  const log: Record<string, ReviewDecision> = {};
  for (const p of snap.pairing.pairs) {
    const d = snap.decided.get(p.id);
    if (d) {
      pairs.push(pairAsDecided(d));
      log[d.pairId] = d;
    } else pairs.push(p);
  }
  for (const d of snap.stale) {
    pairs.push(pairAsDecided(d));
    log[d.pairId] = d;
  }
  pairs.sort(comparePairs);
  return reviewReport(text, { pairs, byMine: new Map(), byTheirs: new Map() }, log as DecisionLog);
}
