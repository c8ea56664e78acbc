import { beforeEach, describe, expect, it } from 'vitest';
import { applyOperation, invert } from '../model/operations';
import type { Annotation } from '../model/types';
import { decisionOperation, DecisionError, recordDecision, restoreDecisions, type Decision, type DecisionContext } from './decisions';
import { disagreements, step } from './navigate';
import { pairAnnotations, type Pair } from './pair';
import { ann, linked } from './test-support';

const AT = '2025-06-01T10:00:00.000Z';
const colleague = { file: 'anna.json', author: { id: 'anna', name: 'Anna' } };

function context(mine: Annotation[], theirs: Annotation[]): DecisionContext & { pair: (mineId?: string, theirId?: string) => Pair } {
  const pairing = pairAnnotations(mine, theirs);
  let n = 0;
  return {
    mine,
    pairing,
    colleague,
    at: AT,
    newId: () => `new${++n}`,
    pair: (m, t) => (m ? pairing.byMine.get(m)! : pairing.byTheirs.get(t!)!),
  };
}

/** Everything but updatedAt, which the shared reducer stamps on every update, undo included. */
const content = (list: Annotation[]): Omit<Annotation, 'updatedAt'>[] => list.map(({ updatedAt: _u, ...rest }) => rest);

/** Apply, check that undo restores the input, return the result. */
function applyAndUndo(mine: Annotation[], ctx: DecisionContext, pair: Pair, d: Decision): Annotation[] {
  const { op } = decisionOperation(pair, d, { ...ctx, mine });
  const after = applyOperation(mine, op);
  expect(content(applyOperation(after, invert(op)))).toEqual(content(mine));
  return after;
}

describe('decisions', () => {
  const mine = [ann('ma', 'attribution', [0, 5]), linked(ann('mq', 'claim', [10, 20]), 'ma'), ann('mo', 'quote', [40, 50])];
  const theirs = [
    ann('ta', 'attribution', [0, 5]),
    linked(ann('tq', 'quote', [8, 20]), 'ta'),
    ann('tb', 'attribution', [60, 65]),
    linked(ann('tn', 'quote', [70, 80]), 'tb'),
  ];
  let ctx = context(mine, theirs);
  beforeEach(() => {
    ctx = context(mine, theirs);
  });

  it('accept on a conflict takes their tag, spans and (translated) links, with a colleague origin', () => {
    const after = applyAndUndo(mine, ctx, ctx.pair('mq'), { kind: 'accept' });
    expect(after.find((a) => a.id === 'mq')).toMatchObject({
      tag: 'quote',
      spans: [{ start: 8, end: 20 }],
      links: ['ma'],
      updatedAt: AT,
      origin: { kind: 'colleague', file: 'anna.json', author: colleague.author, originalId: 'tq' },
    });
  });

  it('accept on only-theirs adds a copy with a new id, keeping their author and recording the origin', () => {
    const after = applyAndUndo(mine, ctx, ctx.pair(undefined, 'tb'), { kind: 'accept' });
    const added = after.find((a) => a.id === 'new1')!;
    expect(added).toMatchObject({ tag: 'attribution', spans: [{ start: 60, end: 65 }], origin: { kind: 'colleague', originalId: 'tb' } });
  });

  it('links to an attribution not yet in mine are reported, and resolve once it has been accepted', () => {
    const first = decisionOperation(ctx.pair(undefined, 'tn'), { kind: 'accept' }, ctx);
    expect(first.unresolvedLinks).toEqual(['tb']);
    expect(first.op).toMatchObject({ type: 'add', annotation: { links: [] } });

    const withTb = applyOperation(mine, decisionOperation(ctx.pair(undefined, 'tb'), { kind: 'accept' }, ctx).op);
    const second = decisionOperation(ctx.pair(undefined, 'tn'), { kind: 'accept' }, { ...ctx, mine: withTb });
    expect(second.unresolvedLinks).toEqual([]);
    const tbInMine = withTb.find((a) => a.origin?.originalId === 'tb')!;
    expect(second.op).toMatchObject({ type: 'add', annotation: { links: [tbInMine.id] } });
  });

  it('accept on only-mine removes mine (and links to it), undoably', () => {
    const after = applyAndUndo(mine, ctx, ctx.pair('mo'), { kind: 'accept' });
    expect(after.map((a) => a.id)).toEqual(['ma', 'mq']);
  });

  it('reject changes nothing', () => {
    for (const p of ctx.pairing.pairs) {
      const { op } = decisionOperation(p, { kind: 'reject' }, ctx);
      expect(op).toEqual({ type: 'batch', ops: [] });
    }
  });

  it('accept on a clean agreement changes nothing (not even the origin)', () => {
    expect(decisionOperation(ctx.pair('ma'), { kind: 'accept' }, ctx).op).toEqual({ type: 'batch', ops: [] });
  });

  it("merge keeps mine's id and tag over the union of both spans", () => {
    const m = [ann('m', 'claim', [10, 20], [30, 35])];
    const t = [ann('t', 'quote', [15, 25])];
    const c = context(m, t);
    const after = applyAndUndo(m, c, c.pair('m'), { kind: 'merge' });
    expect(after).toEqual([{ ...m[0]!, spans: [{ start: 10, end: 25 }, { start: 30, end: 35 }], updatedAt: AT }]);
  });

  it('merge is refused where there is nothing to merge with', () => {
    expect(() => decisionOperation(ctx.pair('mo'), { kind: 'merge' }, ctx)).toThrow(DecisionError);
    expect(() => decisionOperation(ctx.pair(undefined, 'tb'), { kind: 'merge' }, ctx)).toThrow(DecisionError);
  });

  it('edit patches mine, or adds theirs with the patch', () => {
    const after = applyAndUndo(mine, ctx, ctx.pair('mq'), { kind: 'edit', patch: { spans: [{ start: 12, end: 14 }, { start: 10, end: 12 }] } });
    expect(after.find((a) => a.id === 'mq')!.spans).toEqual([{ start: 10, end: 14 }]);
    const added = applyAndUndo(mine, ctx, ctx.pair(undefined, 'tb'), { kind: 'edit', patch: { tag: 'claim' } });
    expect(added.at(-1)).toMatchObject({ tag: 'claim', spans: [{ start: 60, end: 65 }] });
  });

  it('a decision on an annotation that has gone since is refused', () => {
    const gone = mine.filter((a) => a.id !== 'mq');
    expect(() => decisionOperation(ctx.pair('mq'), { kind: 'accept' }, { ...ctx, mine: gone })).toThrow(/no longer/);
  });
});

describe('restoreDecisions', () => {
  it('matches saved decisions by pair id, then by their annotation, and keeps the rest as stale', () => {
    const mine = [ann('m1', 'claim', [0, 5])];
    const theirs = [ann('t1', 'quote', [0, 5]), ann('t2', 'claim', [10, 15])];
    const ctx = context(mine, theirs);
    const saved = [
      { pairId: ctx.pair('m1').id, decision: { kind: 'reject' } as const, decidedAt: AT },
      { pairId: ctx.pair(undefined, 't2').id, decision: { kind: 'accept' } as const, decidedAt: AT },
      { pairId: 'gone|', decision: { kind: 'accept' } as const, decidedAt: AT },
    ];
    // After accepting t2, it pairs with the new annotation of mine: a different pair id.
    const now = applyOperation(mine, decisionOperation(ctx.pair(undefined, 't2'), { kind: 'accept' }, ctx).op);
    const { log, stale } = restoreDecisions(pairAnnotations(now, theirs), saved);
    expect(Object.keys(log).sort()).toEqual(['m1|t1', 'new1|t2']);
    expect(log['new1|t2']!.decision.kind).toBe('accept');
    expect(stale.map((d) => d.pairId)).toEqual(['gone|']);
    expect(recordDecision(log, { pairId: 'm1|t1', decision: { kind: 'merge' }, decidedAt: AT })['m1|t1']!.decision.kind).toBe('merge');
  });
});

describe('stepping with N / P', () => {
  const mine = [ann('a', 'claim', [0, 5]), ann('b', 'claim', [10, 15]), ann('c', 'claim', [20, 25]), ann('d', 'quote', [30, 35])];
  const theirs = [ann('a2', 'claim', [0, 5]), ann('b2', 'quote', [10, 15]), ann('d2', 'quote', [31, 35])];
  const pairing = pairAnnotations(mine, theirs);
  const list = disagreements(pairing);
  const ids = (p: Pair | undefined): string | undefined => p?.mine?.id;

  it('lists disagreements in document order', () => {
    expect(list.map(ids)).toEqual(['b', 'c', 'd']);
  });

  it('moves forward and back, wrapping by default', () => {
    expect(ids(step(list, undefined, 'next'))).toBe('b');
    expect(ids(step(list, undefined, 'previous'))).toBe('d');
    expect(ids(step(list, list[0], 'next'))).toBe('c');
    expect(ids(step(list, list[2], 'next'))).toBe('b');
    expect(step(list, list[2], 'next', { wrap: false })).toBeUndefined();
    expect(ids(step(list, list[0], 'previous'))).toBe('d');
  });

  it('steps from a pair that is no longer listed (agree pair "a" sits before them all)', () => {
    const agreePair = pairing.byMine.get('a')!;
    expect(ids(step(list, agreePair, 'next'))).toBe('b');
    expect(ids(step(list, agreePair, 'previous', { wrap: false }))).toBeUndefined();
  });

  it('skips decided pairs', () => {
    const decided = new Set([list[1]!.id]);
    expect(ids(step(list, list[0], 'next', { skip: (p) => decided.has(p.id) }))).toBe('d');
    expect(step([list[0]!], list[0], 'next')).toBeUndefined();
  });
});
