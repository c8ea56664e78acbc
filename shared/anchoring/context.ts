import { expectedBoundaries } from './boundaries';
import { CONTEXT_LENGTH } from './quote';
import { leadingSimilarity, reverse } from './similarity';
import type { ExpectedContext, QuoteSelector, Target } from './types';
import { isLowSurrogate } from '../text/surrogates';


/** Extra text looked at beyond the context length, so insertions near the span do not hide it. */
const SLACK = 16;
/** Stands for the start or end of a text: context cut by the edge matches only at an edge. */
const EDGE = '\u0000';

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isLowSurrogate(c) && i > 0)) n++;
  }
  return n;
}

export function expectedContext(sel: QuoteSelector): ExpectedContext {
  const atStart = codePointLength(sel.prefix) === sel.start;
  // quoteFor cuts at most one unit less than CONTEXT_LENGTH (never half a surrogate pair)
  const atEnd = sel.suffix.length < CONTEXT_LENGTH - 1;
  return { before: reverse(sel.prefix) + (atStart ? EDGE : ''), after: sel.suffix + (atEnd ? EDGE : '') };
}

/**
 * One side of context: similarity with its far end free (words inserted or deleted there
 * cost only themselves). If the expected context crosses a line break and the actual one
 * breaks at the same point, only the text up to the break counts: the next paragraph is
 * whatever follows now (paragraphs get moved and split), which says nothing either way.
 */
function side(expected: string, actual: string): { sim: number; weight: number } {
  const nl = expected.indexOf('\n');
  if (nl !== -1 && actual.indexOf('\n') === nl) {
    const e = expected.slice(0, nl + 1);
    return { sim: leadingSimilarity(e, actual.slice(0, nl + 1)), weight: e.length };
  }
  return { sim: leadingSimilarity(expected, actual), weight: expected.length };
}

/** Fewer characters of context than this cannot make a match "strong" on their own. */
const MIN_EVIDENCE = 8;
const WEAK_CAP = 0.85;

/**
 * How well the text around a candidate [start, end) (UTF-16) matches the expected context:
 * the length-weighted mean of both sides' similarity.
 */
export function contextScore(text: string, start: number, end: number, ctx: ExpectedContext): number {
  const p = ctx.before.length;
  const s = ctx.after.length;
  if (p + s === 0) return 1;
  let sum = 0;
  let weight = 0;
  if (p) {
    const from = Math.max(0, start - p - SLACK);
    const r = side(ctx.before, reverse(text.slice(from, start)) + (from === 0 ? EDGE : ''));
    sum += r.sim * r.weight;
    weight += r.weight;
  }
  if (s) {
    const to = Math.min(text.length, end + s + SLACK);
    const r = side(ctx.after, text.slice(end, to) + (to === text.length ? EDGE : ''));
    sum += r.sim * r.weight;
    weight += r.weight;
  }
  const score = sum / weight;
  return weight < MIN_EVIDENCE && weight < p + s ? Math.min(score, WEAK_CAP) : score;
}

export function toTarget(sel: QuoteSelector): Target {
  return { start: sel.start, end: sel.end, exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix, ctx: expectedContext(sel), boundaries: expectedBoundaries(sel.exact, sel.prefix, sel.suffix) };
}
