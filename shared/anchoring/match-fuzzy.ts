import search from 'approx-string-match';
import { contextScore } from './context';
import { editDistance } from './similarity';
import { maxErrorsFor, THRESHOLDS } from './thresholds';
import type { Target } from './types';

export interface FuzzyCandidate {
  start: number;
  end: number;
  errors: number;
  context: number;
  score: number;
  distance: number;
}

interface RawMatch {
  start: number;
  end: number;
  errors: number;
}

function score(text: string, m: RawMatch, sel: Target, expected: readonly number[]): FuzzyCandidate {
  const context = contextScore(text, m.start, m.end, sel.ctx);
  const quote = 1 - m.errors / sel.exact.length;
  let distance = Infinity;
  for (const e of expected) distance = Math.min(distance, Math.abs(m.start - e));
  return { ...m, context, score: 0.5 * quote + 0.5 * context, distance };
}

/** Approximate matches of the quote inside text[from, to), offsets in the whole text. */
function searchRange(text: string, sel: Target, from: number, to: number, maxErrors: number): RawMatch[] {
  if (to - from < sel.exact.length - maxErrors) return [];
  return search(text.slice(from, to), sel.exact, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
}

/**
 * Only the closest raw matches get the context score: a short quote with a generous error
 * budget matches in many places, and context is what costs.
 */
function closest(ms: RawMatch[], expected: readonly number[]): RawMatch[] {
  if (ms.length <= THRESHOLDS.maxScored) return ms;
  const dist = (m: RawMatch) => Math.min(...expected.map((e) => Math.abs(m.start - e)));
  return [...ms].sort((a, b) => a.errors - b.errors || dist(a) - dist(b)).slice(0, THRESHOLDS.maxScored);
}

/** Fuzzy candidates in windows around the expected positions (full error budget). */
export function fuzzyNear(text: string, sel: Target, expected: readonly number[]): FuzzyCandidate[] {
  const n = sel.exact.length;
  if (n < THRESHOLDS.minFuzzyLength) return [];
  const k = maxErrorsFor(n);
  const ranges = mergeRanges(expected.map((e) => [Math.max(0, e - THRESHOLDS.window), Math.min(text.length, e + n + THRESHOLDS.window)] as [number, number]));
  return closest(ranges.flatMap(([a, b]) => searchRange(text, sel, a, b, k)), expected).map((m) => score(text, m, sel, expected));
}

/**
 * Fuzzy candidates anywhere, for text that moved far and changed a little. With at most k
 * edits, one of k+1 pieces of the quote survives intact (pigeonhole), so exact hits of the
 * pieces seed small windows to verify. Pieces that occur everywhere are skipped: they would
 * only find ambiguous places.
 */
export function fuzzyFar(text: string, sel: Target, expected: readonly number[]): FuzzyCandidate[] {
  const n = sel.exact.length;
  if (n < THRESHOLDS.farFuzzyMinLength) return [];
  const k = Math.min(maxErrorsFor(n), THRESHOLDS.farFuzzyMaxErrors);
  const pieceLength = Math.floor(n / (k + 1));
  const regions: [number, number][] = [];
  for (let p = 0; p <= k; p++) {
    const offset = p * pieceLength;
    const piece = sel.exact.slice(offset, p === k ? n : offset + pieceLength);
    const hits: number[] = [];
    for (let i = text.indexOf(piece); i !== -1 && hits.length <= THRESHOLDS.farSeedMaxHits; i = text.indexOf(piece, i + 1)) hits.push(i);
    if (hits.length > THRESHOLDS.farSeedMaxHits) continue;
    for (const h of hits) regions.push([Math.max(0, h - offset - k), Math.min(text.length, h - offset + n + k)]);
  }
  return closest(mergeRanges(regions).flatMap(([a, b]) => searchRange(text, sel, a, b, k)), expected).map((m) => score(text, m, sel, expected));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * Accept the best fuzzy candidate only with fair context, a good combined score and a
 * clear lead over the best candidate elsewhere (not overlapping it). Short quotes need
 * strong context: a five-letter word with one edit matches too much.
 */
export function pickFuzzy(cands: readonly FuzzyCandidate[], quoteLength: number): FuzzyCandidate | null {
  if (cands.length === 0) return null;
  const sorted = [...cands].sort((a, b) => b.score - a.score || a.errors - b.errors || a.distance - b.distance);
  const best = sorted[0]!;
  const minContext = quoteLength < THRESHOLDS.distinctiveQuote ? THRESHOLDS.strongContext : THRESHOLDS.minContext;
  if (best.context < minContext || best.score < THRESHOLDS.minFuzzyScore) return null;
  const rival = sorted.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && best.score - rival.score < THRESHOLDS.fuzzyMargin) return null;
  return best;
}

/**
 * A fuzzy match's edges drift: with words inserted near its end, stopping early costs fewer
 * edits than reaching the true end. Re-match the quote together with the first characters
 * of its suffix (and the last of its prefix), which pins each edge where the context
 * resumes, then keep whichever edges make quote and context differ least.
 */
export function refineEdges(text: string, sel: Target, cand: FuzzyCandidate): FuzzyCandidate {
  const n = sel.exact.length;
  if (n > MAX_REFINE) return cand;
  const k = maxErrorsFor(n);
  const starts = new Set([cand.start]);
  const ends = new Set([cand.end]);
  const head = sel.suffix.slice(0, 16).split('\n')[0]!;
  if (head.length >= 4) {
    const from = Math.max(0, cand.start - k);
    const m = best(search(text.slice(from, Math.min(text.length, cand.end + k + head.length)), sel.exact + head, maxErrorsFor(n + head.length)));
    if (m) for (let d = -2; d <= 2; d++) ends.add(from + m.end - head.length + d);
  }
  const tail = sel.prefix.slice(-16).split('\n').pop()!;
  if (tail.length >= 4) {
    const from = Math.max(0, cand.start - k - tail.length);
    const m = best(search(text.slice(from, Math.min(text.length, cand.end + k)), tail + sel.exact, maxErrorsFor(n + tail.length)));
    if (m) for (let d = -2; d <= 2; d++) starts.add(from + m.start + tail.length + d);
  }
  let top = { start: cand.start, end: cand.end, cost: Infinity };
  for (const s of starts) {
    for (const e of ends) {
      if (s < 0 || e > text.length || e <= s) continue;
      const ctx = contextScore(text, s, e, sel.ctx);
      const cost = editDistance(sel.exact, text.slice(s, e)) + (1 - ctx) * (sel.ctx.before.length + sel.ctx.after.length);
      if (cost < top.cost) top = { start: s, end: e, cost };
    }
  }
  if (top.start === cand.start && top.end === cand.end) return cand;
  return { ...cand, start: top.start, end: top.end, context: contextScore(text, top.start, top.end, sel.ctx) };
}

/** Longer quotes keep the edges approx-string-match gave them (refining costs n² here). */
const MAX_REFINE = 2000;

function best(ms: RawMatch[]): RawMatch | undefined {
  return ms.reduce<RawMatch | undefined>((b, m) => (!b || m.errors < b.errors ? m : b), undefined);
}
