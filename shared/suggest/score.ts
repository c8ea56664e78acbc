/**
 * How suggestions are scored against PolNeAR, exactly as the issue defines it:
 * - every fragment is a span of its own, trimmed at both ends of white space and
 *   . , ; : ! ? " ' “ ” ‘ ’ « » ( ) [ ] { } — – - … (unless nothing would remain);
 * - exact F1 per role: spans as sets per file, micro-averaged over files;
 * - overlap F1 per role: characters covered by the role, micro-averaged;
 * - attribution F1: one-to-one, greedy by content character-Jaccard (highest first), where
 *   the cues overlap, the Jaccard is ≥ 0.5 and the sources are both absent or overlap.
 */
import type { Span } from '../model/types';
import { ROLES, type Annotated, type Attribution, type Role } from './gold';

const TRIM = new Set([...'.,;:!?"\'“”‘’«»()[]{}—–-…']);
const isTrim = (c: string) => /\s/u.test(c) || TRIM.has(c);

export function trimSpan(text: string, s: Span): Span {
  let a = s.start;
  let b = Math.min(s.end, text.length);
  while (a < b && isTrim(text[a]!)) a++;
  while (b > a && isTrim(text[b - 1]!)) b--;
  return a < b ? { start: a, end: b } : s;
}

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export type RoleCounts = Record<Role, Counts>;

export interface ScoreCounts {
  exact: RoleCounts;
  overlap: RoleCounts;
  attribution: Counts;
}

const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });
export const emptyCounts = (): ScoreCounts => ({
  exact: { source: zero(), cue: zero(), content: zero() },
  overlap: { source: zero(), cue: zero(), content: zero() },
  attribution: zero(),
});

function fragments(text: string, spans: Span[][]): Span[] {
  return spans.flat().map((s) => trimSpan(text, s));
}

/** Character set of trimmed fragments, as sorted disjoint intervals. */
function charSet(text: string, spans: readonly Span[]): Span[] {
  const sorted = spans.map((s) => trimSpan(text, s)).sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const size = (set: readonly Span[]) => set.reduce((n, s) => n + s.end - s.start, 0);

function intersection(a: readonly Span[], b: readonly Span[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!.start, b[j]!.start);
    const hi = Math.min(a[i]!.end, b[j]!.end);
    if (hi > lo) n += hi - lo;
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return n;
}

interface Prepared {
  content: Span[];
  cue: Span[];
  source?: Span[];
}

const prepare = (text: string, a: Attribution): Prepared => ({
  content: charSet(text, a.content),
  cue: charSet(text, a.cue),
  ...(a.source ? { source: charSet(text, a.source) } : {}),
});

/** Greedy one-to-one matching of attributions; returns the number matched. */
export function matchAttributions(text: string, predicted: readonly Attribution[], gold: readonly Attribution[]): number {
  const p = predicted.map((a) => prepare(text, a));
  const g = gold.map((a) => prepare(text, a));
  const pairs: { j: number; pi: number; gi: number }[] = [];
  for (let pi = 0; pi < p.length; pi++) {
    for (let gi = 0; gi < g.length; gi++) {
      const x = p[pi]!;
      const y = g[gi]!;
      if (intersection(x.cue, y.cue) === 0) continue;
      const bothAbsent = !x.source?.length && !y.source?.length;
      if (!bothAbsent && (!x.source || !y.source || intersection(x.source, y.source) === 0)) continue;
      const inter = intersection(x.content, y.content);
      const union = size(x.content) + size(y.content) - inter;
      const j = union > 0 ? inter / union : 0;
      if (j >= 0.5) pairs.push({ j, pi, gi });
    }
  }
  pairs.sort((a, b) => b.j - a.j || a.gi - b.gi || a.pi - b.pi);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const { pi, gi } of pairs) {
    if (usedP.has(pi) || usedG.has(gi)) continue;
    usedP.add(pi);
    usedG.add(gi);
  }
  return usedP.size;
}

/** Add one file's counts (gold = one annotator's .ann) to `into`. */
export function scoreFile(text: string, predicted: Annotated, gold: Annotated, into: ScoreCounts = emptyCounts()): ScoreCounts {
  for (const role of ROLES) {
    const key = (s: Span) => `${s.start}:${s.end}`;
    const p = new Set(fragments(text, predicted.spans[role]).map(key));
    const g = new Set(fragments(text, gold.spans[role]).map(key));
    const e = into.exact[role];
    e.predicted += p.size;
    e.gold += g.size;
    for (const k of p) if (g.has(k)) e.tp++;
    const pc = charSet(text, predicted.spans[role].flat());
    const gc = charSet(text, gold.spans[role].flat());
    const o = into.overlap[role];
    o.predicted += size(pc);
    o.gold += size(gc);
    o.tp += intersection(pc, gc);
  }
  into.attribution.predicted += predicted.attributions.length;
  into.attribution.gold += gold.attributions.length;
  into.attribution.tp += matchAttributions(text, predicted.attributions, gold.attributions);
  return into;
}

export interface Prf {
  p: number;
  r: number;
  f: number;
}

export function prf(c: Counts): Prf {
  const p = c.predicted ? c.tp / c.predicted : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The table `newsmark suggest --eval` and training print (percentages, one decimal). */
export function scoreTable(c: ScoreCounts, files: number): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const rows: [string, Counts][] = [
    ['Cue exact', c.exact.cue],
    ['Source exact', c.exact.source],
    ['Content exact', c.exact.content],
    ['Cue overlap', c.overlap.cue],
    ['Source overlap', c.overlap.source],
    ['Content overlap', c.overlap.content],
    ['Attribution', c.attribution],
  ];
  const lines = ['| measure          |     P |     R |    F1 | gold  |', '|------------------|------:|------:|------:|------:|'];
  for (const [name, counts] of rows) {
    const s = prf(counts);
    lines.push(`| ${name.padEnd(16)} | ${pct(s.p)} | ${pct(s.r)} | ${pct(s.f)} | ${String(counts.gold).padStart(5)} |`);
  }
  lines.push(`(${files} annotation files; overlap rows count characters)`);
  return lines.join('\n');
}
