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
 * many, only the `maxScored` with the most adjacent agreement get the full edit-distance score.
 */
export function exactCandidates(text: string, sel: Target, from: number, to: number, expected: readonly number[]): Candidate[] {
  const n = sel.exact.length;
  const starts: number[] = [];
  // Search the window only: indexOf on the whole text scans on past `to` for the next
  // occurrence (to the end of the text when there is none), for every span.
  const hay = from > 0 || to < text.length ? text.slice(from, to) : text;
  for (let i = hay.indexOf(sel.exact); i !== -1 && i + n <= hay.length; i = hay.indexOf(sel.exact, i + 1)) {
    if (keepsBoundaries(text, from + i, from + i + n, sel.boundaries)) starts.push(from + i);
  }
  let chosen = starts;
  if (starts.length > THRESHOLDS.maxScored) {
    chosen = starts
      .map((s) => ({ s, a: adjacentAgreement(text, s, s + n, sel), d: distanceTo(s, expected) }))
      .sort((x, y) => y.a - x.a || x.d - y.d)
      .slice(0, THRESHOLDS.maxScored)
      .map((x) => x.s);
  }
  return chosen.map((s) => ({ start: s, end: s + n, context: contextScore(text, s, s + n, sel.ctx), distance: distanceTo(s, expected) }));
}

/**
 * Choose among exact occurrences. Strong context wins (the nearest, if several). Otherwise
 * the best needs fair context and a clear lead, and then either enough length to be
 * distinctive or to sit exactly where its placed neighbours' shift predicts (a short word
 * with one side of context could be any "said"). Being the only occurrence is not enough:
 * articles repeat their own phrases (headlines, corrections, pull quotes). Anything else
 * is ambiguous: null.
 */
export function pickExact(cands: readonly Candidate[], quoteLength: number, wholeText: boolean): Candidate | null {
  if (cands.length === 0) return null;
  const strong = cands.filter((c) => c.context >= THRESHOLDS.strongContext);
  if (strong.length) return strong.reduce((a, b) => (b.distance < a.distance ? b : a));
  if (!wholeText) return null;
  const sorted = [...cands].sort((a, b) => b.context - a.context || a.distance - b.distance);
  const [best, second] = sorted as [Candidate, Candidate | undefined];
  const leads = best.context >= THRESHOLDS.minContext && (!second || best.context - second.context >= THRESHOLDS.margin);
  return leads && (quoteLength >= THRESHOLDS.distinctiveQuote || best.distance === 0) ? best : null;
}
