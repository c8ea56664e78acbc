import { compareAnnotations, coveredLength } from '../model/spans';
import type { Annotation } from '../model/types';
import { overlapLength, overlappingExtents, spansKey } from './intervals';

export const PAIR_CATEGORIES = ['agree', 'tag-conflict', 'boundary-conflict', 'only-mine', 'only-theirs'] as const;
export type PairCategory = (typeof PAIR_CATEGORIES)[number];

/**
 * How the links of two paired annotations compare, read through the pairing: my link to
 * attribution A agrees with their link to attribution B when A and B are paired.
 * - `none`: neither links anywhere; `same`: they link to paired attributions;
 * - `different`: at least one link on either side has no counterpart on the other.
 */
export type LinkStatus = 'none' | 'same' | 'different';

export interface Pair {
  /** Stable across sessions: derived from the two annotation ids only (see pairId). */
  id: string;
  category: PairCategory;
  mine?: Annotation;
  theirs?: Annotation;
  /** Characters the two have in common (0 for only-mine / only-theirs). */
  overlap: number;
  /** Only for pairs with both sides. */
  links?: LinkStatus;
}

export interface Pairing {
  /** Every annotation of both sides in exactly one pair, in document order. */
  pairs: Pair[];
  byMine: Map<string, Pair>;
  byTheirs: Map<string, Pair>;
}

/** Escape only what would make the id ambiguous, so ids stay readable (`T3|T5`). */
const escapeId = (id: string): string => id.replace(/%/g, '%25').replace(/\|/g, '%7C');

/**
 * `<mine id>|<their id>`, with `%` and `|` escaped inside each; an empty side means
 * only-theirs / only-mine. Ids are never empty, so the id is unambiguous.
 */
export function pairId(mineId: string | undefined, theirId: string | undefined): string {
  return `${escapeId(mineId ?? '')}|${escapeId(theirId ?? '')}`;
}

export function parsePairId(id: string): { mine?: string; theirs?: string } {
  const bar = id.indexOf('|');
  if (bar < 0) return {};
  const m = decodeURIComponent(id.slice(0, bar));
  const t = decodeURIComponent(id.slice(bar + 1));
  return { ...(m ? { mine: m } : {}), ...(t ? { theirs: t } : {}) };
}

function byDocumentOrder(list: readonly Annotation[]): Annotation[] {
  return [...list].sort(compareAnnotations);
}

function groupBySpans(list: readonly Annotation[]): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const a of list) {
    const key = spansKey(a.spans);
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  return groups;
}

/**
 * Pair my annotations with theirs for one article. Every annotation ends up in exactly one
 * pair; the result is the same whatever order the inputs come in.
 *
 * 1. Identical spans: same tag first (agree), then the rest of the group (tag-conflict).
 * 2. What is left and overlaps: candidate pairs come from a sweep over extents; the pair
 *    with the largest overlap is taken first (greedy, so each partner is the best one still
 *    free), ties broken by same tag, then document order. → boundary-conflict.
 * 3. Everything else is only-mine or only-theirs.
 *
 * Cost: O((n + k) log(n + k)) for k overlapping leftovers — no all-pairs loop.
 */
export function pairAnnotations(mine: readonly Annotation[], theirs: readonly Annotation[]): Pairing {
  const mineSorted = byDocumentOrder(mine);
  const theirSorted = byDocumentOrder(theirs);
  const pairs: Pair[] = [];
  const pairedMine = new Set<Annotation>();
  const pairedTheirs = new Set<Annotation>();
  const add = (category: PairCategory, m: Annotation | undefined, t: Annotation | undefined, overlap: number): void => {
    pairs.push({ id: pairId(m?.id, t?.id), category, ...(m ? { mine: m } : {}), ...(t ? { theirs: t } : {}), overlap });
    if (m) pairedMine.add(m);
    if (t) pairedTheirs.add(t);
  };

  // 1. identical spans
  const theirGroups = groupBySpans(theirSorted);
  for (const [key, myGroup] of groupBySpans(mineSorted)) {
    const theirGroup = theirGroups.get(key);
    if (!theirGroup) continue;
    const length = coveredLength(myGroup[0]!.spans);
    const theirLeft = [...theirGroup];
    const myLeft: Annotation[] = [];
    for (const m of myGroup) {
      const k = theirLeft.findIndex((t) => t.tag === m.tag);
      if (k >= 0) add('agree', m, theirLeft.splice(k, 1)[0], length);
      else myLeft.push(m);
    }
    for (let k = 0; k < Math.min(myLeft.length, theirLeft.length); k++) add('tag-conflict', myLeft[k], theirLeft[k], length);
  }

  // 2. overlapping leftovers
  const myRest = mineSorted.filter((a) => !pairedMine.has(a));
  const theirRest = theirSorted.filter((a) => !pairedTheirs.has(a));
  const rank = symmetricRanks(myRest, theirRest);
  const candidates: { i: number; j: number; overlap: number; sameTag: boolean; lo: number; hi: number }[] = [];
  overlappingExtents(myRest, theirRest, (i, j) => {
    const overlap = overlapLength(myRest[i]!.spans, theirRest[j]!.spans);
    if (overlap === 0) return;
    const ri = rank.mine[i]!;
    const rj = rank.theirs[j]!;
    candidates.push({ i, j, overlap, sameTag: myRest[i]!.tag === theirRest[j]!.tag, lo: Math.min(ri, rj), hi: Math.max(ri, rj) });
  });
  // The tie-break reads both annotations without asking which side they are from, so
  // pairing theirs with mine picks the same pairs as pairing mine with theirs.
  candidates.sort((x, y) => y.overlap - x.overlap || Number(y.sameTag) - Number(x.sameTag) || x.lo - y.lo || x.hi - y.hi);
  const usedMine = new Uint8Array(myRest.length);
  const usedTheirs = new Uint8Array(theirRest.length);
  for (const c of candidates) {
    if (usedMine[c.i] || usedTheirs[c.j]) continue;
    usedMine[c.i] = 1;
    usedTheirs[c.j] = 1;
    add('boundary-conflict', myRest[c.i], theirRest[c.j], c.overlap);
  }

  // 3. the rest
  myRest.forEach((a, i) => usedMine[i] || add('only-mine', a, undefined, 0));
  theirRest.forEach((a, j) => usedTheirs[j] || add('only-theirs', undefined, a, 0));

  pairs.sort(comparePairs);
  const byMine = new Map<string, Pair>();
  const byTheirs = new Map<string, Pair>();
  for (const p of pairs) {
    if (p.mine) byMine.set(p.mine.id, p);
    if (p.theirs) byTheirs.set(p.theirs.id, p);
  }
  for (const p of pairs) if (p.mine && p.theirs) p.links = linkStatus(p.mine, p.theirs, byMine);
  return { pairs, byMine, byTheirs };
}

function compareForRank(a: Annotation, b: Annotation): number {
  return compareAnnotations(a, b) || cmp(spansKey(a.spans), spansKey(b.spans)) || cmp(a.tag, b.tag);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Document-order ranks over the leftovers of both sides together. No leftover of mine has
 * the same spans as a leftover of theirs (step 1 used those up), so the ranks are distinct.
 */
function symmetricRanks(mine: readonly Annotation[], theirs: readonly Annotation[]): { mine: Int32Array; theirs: Int32Array } {
  const all = [...mine.map((a, i) => ({ a, side: 0, i })), ...theirs.map((a, i) => ({ a, side: 1, i }))];
  all.sort((x, y) => compareForRank(x.a, y.a));
  const out = { mine: new Int32Array(mine.length), theirs: new Int32Array(theirs.length) };
  all.forEach((x, r) => ((x.side === 0 ? out.mine : out.theirs)[x.i] = r));
  return out;
}

/** The annotation that stands for a pair in document order: the earlier of the two. */
export function leadOf(p: Pair): Annotation {
  if (p.mine && p.theirs) return compareAnnotations(p.mine, p.theirs) <= 0 ? p.mine : p.theirs;
  return (p.mine ?? p.theirs)!;
}

export function comparePairs(x: Pair, y: Pair): number {
  return compareAnnotations(leadOf(x), leadOf(y)) || cmp(x.id, y.id);
}

/** My links translated to their ids through the pairing; undefined where a target has no partner. */
export function translateLinks(links: readonly string[], byMine: ReadonlyMap<string, Pair>): (string | undefined)[] {
  return [...new Set(links)].map((l) => byMine.get(l)?.theirs?.id);
}

function linkStatus(m: Annotation, t: Annotation, byMine: ReadonlyMap<string, Pair>): LinkStatus {
  if (m.links.length === 0 && t.links.length === 0) return 'none';
  const theirs = new Set(t.links);
  const mapped = translateLinks(m.links, byMine);
  if (mapped.length !== theirs.size) return 'different';
  return mapped.every((id) => id !== undefined && theirs.has(id)) ? 'same' : 'different';
}

/** A pair the reviewer has to look at: anything but a clean agreement with the same links. */
export function isDisagreement(p: Pair): boolean {
  return p.category !== 'agree' || p.links === 'different';
}
