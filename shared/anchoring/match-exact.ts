import { keepsBoundaries } from './boundaries';
import { contextScore } from './context';
import { THRESHOLDS } from './thresholds';
import type { Target } from './types';

export interface Candidate {
  start: number;
  end: number;
  context: number;
  /** Distance in UTF-16 units to the nearest expected position. */
  distance: number;
}

function distanceTo(pos: number, expected: readonly number[]): number {
  let d = Infinity;
  for (const e of expected) d = Math.min(d, Math.abs(pos - e));
  return d;
}

/** Characters of context that match right next to the candidate: a cheap first sort. */
function adjacentAgreement(text: string, start: number, end: number, sel: Target): number {
  let n = 0;
  for (let i = 1; i <= sel.prefix.length && text.charCodeAt(start - i) === sel.prefix.charCodeAt(sel.prefix.length - i); i++) n++;
  for (let i = 0; i < sel.suffix.length && text.charCodeAt(end + i) === sel.suffix.charCodeAt(i); i++) n++;
  return n;
}

/**
 * Every occurrence of the exact quote in text[from, to), scored on context. When there are
 * many ("said" in a long text), only the `maxScored` with the most context agreeing right
 * next to them get the full edit-distance score; the rest are ranked without allocating.
 * `minAdjacent` skips candidates with less agreement than that right at their edges (the
 * quick window pass; the whole-text pass looks at everything).
 */
export function exactCandidates(text: string, sel: Target, from: number, to: number, expected: readonly number[], minAdjacent = 0): Candidate[] {
  const n = sel.exact.length;
  const k = THRESHOLDS.maxScored;
  const top: { s: number; a: number; d: number }[] = [];
  // indexOf does not stop at `to`: search a copy of a window, or it scans to the end each time
  const windowed = from > 0 || to < text.length;
  const hay = windowed ? text.slice(from, to) : text;
  const base = windowed ? from : 0;
  for (let j = hay.indexOf(sel.exact); j !== -1; j = hay.indexOf(sel.exact, j + 1)) {
    const i = j + base;
    if (!keepsBoundaries(text, i, i + n, sel.boundaries)) continue;
    const c = { s: i, a: adjacentAgreement(text, i, i + n, sel), d: distanceTo(i, expected) };
    if (c.a < minAdjacent) continue;
    if (top.length === k) {
      const last = top[k - 1]!;
      if (c.a < last.a || (c.a === last.a && c.d >= last.d)) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && (top[at - 1]!.a < c.a || (top[at - 1]!.a === c.a && top[at - 1]!.d > c.d))) at--;
    top.splice(at, 0, c);
  }
  return top.map(({ s, d }) => ({ start: s, end: s + n, context: contextScore(text, s, s + n, sel.ctx), distance: d }));
}

/**
 * Choose among exact occurrences. Strong context wins (the nearest, if several). Otherwise
 * the best needs fair context and a clear lead, and then either enough length to be
 * distinctive or to sit exactly where its placed neighbours' shift predicts (a short word
 * with one side of context could be any "said"). Being the only occurrence is enough only
 * for a long passage (articles repeat their own short phrases in headlines and
 * corrections). Anything else is ambiguous: null.
 */
export function pickExact(cands: readonly Candidate[], quoteLength: number, wholeText: boolean): Candidate | null {
  if (cands.length === 0) return null;
  const strong = cands.filter((c) => c.context >= THRESHOLDS.strongContext);
  if (strong.length) return strong.reduce((a, b) => (b.distance < a.distance ? b : a));
  if (!wholeText) return null;
  const sorted = [...cands].sort((a, b) => b.context - a.context || a.distance - b.distance);
  const [best, second] = sorted as [Candidate, Candidate | undefined];
  const leads = best.context >= THRESHOLDS.minContext && (!second || best.context - second.context >= THRESHOLDS.margin);
  if (leads && (quoteLength >= THRESHOLDS.distinctiveQuote || best.distance === 0)) return best;
  return cands.length === 1 && quoteLength >= THRESHOLDS.longQuote ? best : null;
}
