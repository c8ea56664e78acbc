import { makeUpdate, OperationError, removeWithLinks, type AnnotationPatch, type Operation } from '../model/operations';
import { normalizeSpans } from '../model/spans';
import type { Annotation, Author, Origin } from '../model/types';
import { parsePairId, type Pair, type Pairing } from './pair';

/**
 * What the reviewer decided about one pair:
 * - accept: take theirs into mine (add it, or make mine equal to it; for only-mine, remove
 *   mine, since their version is "nothing here"). Taken annotations get a colleague origin.
 * - reject: keep mine as it is (recorded, changes nothing).
 * - merge: one annotation with mine's id, tag and note over the union of both spans and links.
 * - edit: the reviewer's own version, as a patch on mine (or on theirs when only theirs has it).
 */
export type Decision =
  | { kind: 'accept' }
  | { kind: 'reject' }
  | { kind: 'merge' }
  | { kind: 'edit'; patch: Pick<AnnotationPatch, 'tag' | 'spans' | 'note' | 'links'> };
export type DecisionKind = Decision['kind'];

/** A decision as saved with the review, matched to its pair again by `pairId`. */
export interface ReviewDecision {
  pairId: string;
  decision: Decision;
  decidedAt: string;
}

export interface DecisionContext {
  /** My annotations as they are now (earlier decisions may have changed them). */
  mine: readonly Annotation[];
  pairing: Pairing;
  /** The colleague's file, recorded in the origin of what is taken from it. */
  colleague: { file: string; author?: Author };
  at: string;
  newId: () => string;
}

export interface DecisionResult {
  /** Apply with applyOperation; invert(op) undoes it. An empty batch when nothing changes. */
  op: Operation;
  /** Their link targets that have no counterpart in mine yet (accept those attributions first). */
  unresolvedLinks: string[];
}

export class DecisionError extends Error {
  override name = 'DecisionError';
}

const NOTHING: Operation = { type: 'batch', ops: [] };

/** Decisions that make sense for a pair's category (merge needs both sides). */
export function allowedDecisions(pair: Pair): DecisionKind[] {
  return pair.mine && pair.theirs ? ['accept', 'reject', 'merge', 'edit'] : ['accept', 'reject', 'edit'];
}

/**
 * Their annotation ids → my annotation ids: through the pairing, or through an annotation
 * already taken from this colleague's file (its origin remembers the original id).
 */
function theirIdResolver(ctx: DecisionContext): (theirId: string) => string | undefined {
  const mineIds = new Set(ctx.mine.map((a) => a.id));
  const taken = new Map<string, string>();
  for (const a of ctx.mine) {
    const o = a.origin;
    if (o?.kind === 'colleague' && o.originalId && (o.file === undefined || o.file === ctx.colleague.file)) taken.set(o.originalId, a.id);
  }
  return (theirId) => {
    const paired = ctx.pairing.byTheirs.get(theirId)?.mine?.id;
    if (paired !== undefined && mineIds.has(paired)) return paired;
    return taken.get(theirId);
  };
}

function resolveLinks(links: readonly string[], ctx: DecisionContext): { links: string[]; unresolved: string[] } {
  const resolve = theirIdResolver(ctx);
  const out: string[] = [];
  const unresolved: string[] = [];
  for (const l of new Set(links)) {
    const id = resolve(l);
    if (id === undefined) unresolved.push(l);
    else if (!out.includes(id)) out.push(id);
  }
  return { links: out, unresolved };
}

function colleagueOrigin(theirs: Annotation, ctx: DecisionContext): Origin {
  const author = ctx.colleague.author ?? theirs.author;
  return { kind: 'colleague', file: ctx.colleague.file, author, originalId: theirs.id };
}

function current(ctx: DecisionContext, id: string): Annotation {
  const a = ctx.mine.find((x) => x.id === id);
  if (!a) throw new OperationError(`annotation ${id} is no longer in my annotations`);
  return a;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: readonly string[], b: readonly string[]): boolean => same([...new Set(a)].sort(), [...new Set(b)].sort());

/** Only the fields that change, so the update's `before` records exactly what undo restores. */
function changedFields(a: Annotation, patch: AnnotationPatch): AnnotationPatch {
  const out: AnnotationPatch = {};
  for (const key of Object.keys(patch) as (keyof AnnotationPatch)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const unchanged = key === 'links' ? sameSet(a.links, value as string[]) : same(a[key], value);
    if (!unchanged) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

function update(a: Annotation, patch: AnnotationPatch, at: string, origin?: Origin): Operation {
  const changes = changedFields(a, patch);
  if (Object.keys(changes).length === 0) return NOTHING;
  return makeUpdate(a, origin ? { ...changes, origin } : changes, at);
}

function added(theirs: Annotation, patch: AnnotationPatch, links: string[], ctx: DecisionContext): Operation {
  const annotation: Annotation = {
    id: ctx.newId(),
    tag: patch.tag ?? theirs.tag,
    spans: normalizeSpans(patch.spans ?? theirs.spans),
    note: patch.note ?? theirs.note,
    links,
    author: theirs.author,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    origin: colleagueOrigin(theirs, ctx),
  };
  return { type: 'add', annotation };
}

/** The operation that applies `decision` on `pair` to my annotations. Pure. */
export function decisionOperation(pair: Pair, decision: Decision, ctx: DecisionContext): DecisionResult {
  if (!allowedDecisions(pair).includes(decision.kind)) {
    throw new DecisionError(`cannot ${decision.kind} a ${pair.category} pair`);
  }
  const mine = pair.mine ? current(ctx, pair.mine.id) : undefined;
  const theirs = pair.theirs;
  switch (decision.kind) {
    case 'reject':
      return { op: NOTHING, unresolvedLinks: [] };
    case 'accept': {
      if (!theirs) return { op: removeWithLinks(ctx.mine, mine!.id, ctx.at), unresolvedLinks: [] };
      const { links, unresolved } = resolveLinks(theirs.links, ctx);
      if (!mine) return { op: added(theirs, {}, links, ctx), unresolvedLinks: unresolved };
      const op = update(mine, { tag: theirs.tag, spans: theirs.spans, links }, ctx.at, colleagueOrigin(theirs, ctx));
      return { op, unresolvedLinks: unresolved };
    }
    case 'merge': {
      const { links, unresolved } = resolveLinks(theirs!.links, ctx);
      const spans = normalizeSpans([...mine!.spans, ...theirs!.spans]);
      const op = update(mine!, { spans, links: [...new Set([...mine!.links, ...links])] }, ctx.at);
      return { op, unresolvedLinks: unresolved };
    }
    case 'edit': {
      const patch: AnnotationPatch = { ...decision.patch, ...(decision.patch.spans ? { spans: normalizeSpans(decision.patch.spans) } : {}) };
      if (mine) return { op: update(mine, patch, ctx.at), unresolvedLinks: [] };
      const { links, unresolved } = resolveLinks(theirs!.links, ctx);
      return { op: added(theirs!, patch, patch.links ?? links, ctx), unresolvedLinks: patch.links ? [] : unresolved };
    }
  }
}

/** The decisions of a review, one per pair id; the latest decision for a pair wins. */
export type DecisionLog = Readonly<Record<string, ReviewDecision>>;

export function recordDecision(log: DecisionLog, d: ReviewDecision): DecisionLog {
  return { ...log, [d.pairId]: d };
}

export function forgetDecision(log: DecisionLog, pairId: string): DecisionLog {
  const { [pairId]: _dropped, ...rest } = log;
  return rest;
}

/**
 * Match saved decisions to a fresh pairing: by pair id, else by the side that identifies
 * the decision — their annotation (their file does not change, while an accepted one
 * now pairs with a new id of mine), or mine for only-mine pairs. Decisions that match no
 * pair any more are returned as stale, never dropped silently.
 */
export function restoreDecisions(pairing: Pairing, saved: readonly ReviewDecision[]): { log: DecisionLog; stale: ReviewDecision[] } {
  const ids = new Set(pairing.pairs.map((p) => p.id));
  const log: Record<string, ReviewDecision> = {};
  const stale: ReviewDecision[] = [];
  for (const d of saved) {
    const sides = parsePairId(d.pairId);
    const pair = ids.has(d.pairId)
      ? d.pairId
      : sides.theirs !== undefined
        ? pairing.byTheirs.get(sides.theirs)?.id
        : sides.mine !== undefined
          ? pairing.byMine.get(sides.mine)?.id
          : undefined;
    if (pair === undefined) stale.push(d);
    else log[pair] = { ...d, pairId: pair };
  }
  return { log, stale };
}
