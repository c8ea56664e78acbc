import { CodePointMap } from '../text/code-points';
import { keepsBoundaries } from './boundaries';
import { contextScore } from './context';
import { exactCandidates, pickExact } from './match-exact';
import { fuzzyFar, fuzzyNear, pickFuzzy, refineEdges, type FuzzyCandidate } from './match-fuzzy';
import { THRESHOLDS } from './thresholds';
import type { SpanMatch, Target } from './types';
import { isLowSurrogate } from '../text/surrogates';


/** The text being anchored onto, with its code point map built once. */
export class AnchorText {
  readonly map: CodePointMap;
  constructor(readonly text: string) {
    this.map = new CodePointMap(text);
  }

  /** A code point offset from the old text, clamped into this one, in UTF-16. */
  utf16At(codePoint: number): number {
    return this.map.toUtf16(Math.min(Math.max(0, Math.trunc(codePoint) || 0), this.map.codePointLength));
  }

  codePointAt(utf16: number): number {
    return this.map.toCodePoint(utf16);
  }
}

/** Step (a): the stored position still holds the quote (short quotes must also keep their context). */
export function matchPosition(doc: AnchorText, sel: Target): SpanMatch | null {
  if (sel.exact.length === 0) return null;
  const start = doc.utf16At(sel.start);
  const end = start + sel.exact.length;
  if (!doc.text.startsWith(sel.exact, start) || !keepsBoundaries(doc.text, start, end, sel.boundaries)) return null;
  // a long quote at its own old offset is trusted without weighing its context
  if (sel.exact.length >= THRESHOLDS.trustedPositionLength) return { start, end, how: 'position', context: 1 };
  const context = contextScore(doc.text, start, end, sel.ctx);
  return context >= THRESHOLDS.minContext ? { start, end, how: 'position', context } : null;
}

/** Step (b), cheap form: the quote with strong context within a window of an expected position. */
export function matchExactNear(doc: AnchorText, sel: Target, expected: readonly number[]): SpanMatch | null {
  if (sel.exact.length === 0) return null;
  const seen = new Set<number>();
  const cands = expected
    .flatMap((e) => exactCandidates(doc.text, sel, Math.max(0, e - THRESHOLDS.window), Math.min(doc.text.length, e + sel.exact.length + THRESHOLDS.window), expected, THRESHOLDS.nearAdjacent))
    .filter((c) => !seen.has(c.start) && seen.add(c.start));
  const c = pickExact(cands, sel.exact.length, false);
  return c && { start: c.start, end: c.end, how: 'exact', context: c.context };
}

/**
 * Steps (b) over the whole text, then (c) near the expected positions, then (c) far away.
 * An exact occurrence with imperfect context must also beat the near-matches around the
 * expected position: a duplicate sentence elsewhere must not win over the original with
 * a typo fixed.
 */
export function matchSearch(doc: AnchorText, sel: Target, expected: readonly number[]): SpanMatch | null {
  if (sel.exact.length === 0) return null;
  const exact = pickExact(exactCandidates(doc.text, sel, 0, doc.text.length, expected), sel.exact.length, true);
  if (exact && exact.context >= THRESHOLDS.certainContext) return { start: exact.start, end: exact.end, how: 'exact', context: exact.context };
  const near = fuzzyNear(doc.text, sel, expected);
  if (exact) {
    const mine = 0.5 + 0.5 * exact.context;
    const rival = near
      .filter((c) => c.errors > 0 && (c.end <= exact.start || c.start >= exact.end))
      .reduce<FuzzyCandidate | null>((best, c) => (!best || c.score > best.score ? c : best), null);
    if (!rival || rival.score < mine - THRESHOLDS.fuzzyMargin) return { start: exact.start, end: exact.end, how: 'exact', context: exact.context };
    if (rival.score < mine + THRESHOLDS.fuzzyMargin) return null;
  }
  const best = pickFuzzy(near, sel.exact.length) ?? pickFuzzy(fuzzyFar(doc.text, sel, expected), sel.exact.length);
  if (!best) return null;
  const fuzzy = refineEdges(doc.text, sel, best);
  return { ...snapToCodePoints(doc.text, fuzzy.start, fuzzy.end), how: 'fuzzy', context: fuzzy.context };
}

/** A fuzzy match may begin or end inside a surrogate pair; widen it to whole characters. */
function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  const low = (i: number) => isLowSurrogate(text.charCodeAt(i));
  if (start > 0 && low(start)) start--;
  if (end < text.length && low(end)) end++;
  return { start, end };
}
