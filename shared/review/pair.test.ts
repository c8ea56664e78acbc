import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/types';
import { isDisagreement, pairAnnotations, pairId, parsePairId, type Pair } from './pair';
import { ann, linked, syntheticPair } from './test-support';

function summary(pairs: readonly Pair[]): string[] {
  return pairs.map((p) => `${p.category}:${p.mine?.id ?? '-'}/${p.theirs?.id ?? '-'}`);
}

describe('pairAnnotations categories', () => {
  it('agree: same spans, same tag', () => {
    const { pairs } = pairAnnotations([ann('m', 'quote', [0, 5], [10, 15])], [ann('t', 'quote', [0, 5], [10, 15])]);
    expect(summary(pairs)).toEqual(['agree:m/t']);
    expect(pairs[0]!.overlap).toBe(10);
  });

  it('tag-conflict: same spans, different tag', () => {
    const { pairs } = pairAnnotations([ann('m', 'quote', [0, 5])], [ann('t', 'claim', [0, 5])]);
    expect(summary(pairs)).toEqual(['tag-conflict:m/t']);
  });

  it('discontinuous spans with the same extent are not identical', () => {
    const { pairs } = pairAnnotations([ann('m', 'quote', [0, 5], [10, 15])], [ann('t', 'quote', [0, 15])]);
    expect(summary(pairs)).toEqual(['boundary-conflict:m/t']);
  });

  it('boundary-conflict picks the partner with the largest overlap', () => {
    const mine = [ann('m', 'claim', [10, 30])];
    const theirs = [ann('a', 'claim', [0, 12]), ann('b', 'claim', [15, 40]), ann('c', 'claim', [29, 50])];
    const { pairs } = pairAnnotations(mine, theirs);
    expect(summary(pairs)).toEqual(['only-theirs:-/a', 'boundary-conflict:m/b', 'only-theirs:-/c']);
    expect(pairs[1]!.overlap).toBe(15);
  });

  it('each annotation is in at most one pair; the second-best partner goes to the next annotation', () => {
    // t overlaps m1 by 8 and m2 by 5; m2 also overlaps u by 3.
    const mine = [ann('m1', 'claim', [0, 10]), ann('m2', 'claim', [10, 20])];
    const theirs = [ann('t', 'claim', [2, 15]), ann('u', 'claim', [17, 30])];
    expect(summary(pairAnnotations(mine, theirs).pairs)).toEqual(['boundary-conflict:m1/t', 'boundary-conflict:m2/u']);
  });

  it('on equal overlap a partner with the same tag wins', () => {
    const mine = [ann('m', 'quote', [10, 20])];
    const theirs = [ann('a', 'claim', [5, 15]), ann('b', 'quote', [15, 25])];
    expect(summary(pairAnnotations(mine, theirs).pairs)).toEqual(['only-theirs:-/a', 'boundary-conflict:m/b']);
  });

  it('interleaved discontinuous spans that share no character do not pair', () => {
    const { pairs } = pairAnnotations([ann('m', 'quote', [0, 5], [20, 25])], [ann('t', 'quote', [10, 15])]);
    expect(summary(pairs)).toEqual(['only-mine:m/-', 'only-theirs:-/t']);
  });

  it('touching spans do not overlap', () => {
    const { pairs } = pairAnnotations([ann('m', 'claim', [0, 5])], [ann('t', 'claim', [5, 9])]);
    expect(summary(pairs)).toEqual(['only-mine:m/-', 'only-theirs:-/t']);
  });

  it('duplicates with identical spans pair by tag first, the rest as tag conflicts', () => {
    const mine = [ann('m1', 'claim', [0, 5]), ann('m2', 'quote', [0, 5]), ann('m3', 'claim', [0, 5])];
    const theirs = [ann('t1', 'quote', [0, 5]), ann('t2', 'attribution', [0, 5])];
    expect(summary(pairAnnotations(mine, theirs).pairs).sort()).toEqual(['agree:m2/t1', 'only-mine:m3/-', 'tag-conflict:m1/t2']);
  });

  it('empty inputs', () => {
    expect(pairAnnotations([], []).pairs).toEqual([]);
    expect(summary(pairAnnotations([ann('m', 'claim', [0, 1])], []).pairs)).toEqual(['only-mine:m/-']);
  });

  it('pairs come in document order', () => {
    const mine = [ann('m2', 'claim', [50, 60]), ann('m1', 'claim', [0, 10])];
    const theirs = [ann('t1', 'quote', [20, 30])];
    expect(summary(pairAnnotations(mine, theirs).pairs)).toEqual(['only-mine:m1/-', 'only-theirs:-/t1', 'only-mine:m2/-']);
  });
});

describe('pair ids', () => {
  it('are derived from the annotation ids and round-trip, whatever characters they hold', () => {
    expect(pairId('a', 'b')).toBe('a|b');
    expect(pairId('a', undefined)).toBe('a|');
    expect(pairId(undefined, 'b')).toBe('|b');
    for (const [m, t] of [['x|y', '%7C'], ['ü%E9#1', undefined], [undefined, 'a|%']] as const) {
      expect(parsePairId(pairId(m, t))).toEqual({ ...(m ? { mine: m } : {}), ...(t ? { theirs: t } : {}) });
    }
    expect(pairId('x|y', 'z')).not.toBe(pairId('x', 'y|z'));
    expect(pairId('story#T3', 'story#T5')).toBe('story#T3|story#T5');
  });

  it('are the same when the same files are paired again', () => {
    const { mine, theirs } = syntheticPair(200, 2000, 7);
    const a = pairAnnotations(mine, theirs).pairs.map((p) => p.id);
    const b = pairAnnotations([...mine].reverse(), [...theirs].reverse()).pairs.map((p) => p.id);
    expect(b).toEqual(a);
  });
});

describe('link status', () => {
  it('same when the link targets are paired with each other', () => {
    const mine = [ann('ma', 'attribution', [0, 5]), linked(ann('mq', 'quote', [10, 20]), 'ma')];
    const theirs = [ann('ta', 'attribution', [0, 6]), linked(ann('tq', 'quote', [10, 20]), 'ta')];
    const pairing = pairAnnotations(mine, theirs);
    expect(pairing.byMine.get('mq')!.links).toBe('same');
    expect(pairing.byMine.get('ma')!.links).toBe('none');
    expect(isDisagreement(pairing.byMine.get('mq')!)).toBe(false);
  });

  it('different when attributed to attributions that are not paired together', () => {
    const mine = [ann('ma', 'attribution', [0, 5]), ann('mb', 'attribution', [30, 35]), linked(ann('mq', 'quote', [10, 20]), 'ma')];
    const theirs = [ann('ta', 'attribution', [0, 5]), ann('tb', 'attribution', [30, 35]), linked(ann('tq', 'quote', [10, 20]), 'tb')];
    const p = pairAnnotations(mine, theirs).byMine.get('mq')!;
    expect(p.category).toBe('agree');
    expect(p.links).toBe('different');
    expect(isDisagreement(p)).toBe(true);
  });

  it('different when one side links and the other does not, or a target has no partner', () => {
    const mine = [ann('ma', 'attribution', [0, 5]), linked(ann('mq', 'quote', [10, 20]), 'ma')];
    expect(pairAnnotations(mine, [ann('tq', 'quote', [10, 20])]).byMine.get('mq')!.links).toBe('different');
    const theirs = [ann('ta', 'attribution', [50, 55]), linked(ann('tq', 'quote', [10, 20]), 'ta')];
    expect(pairAnnotations(mine, theirs).byMine.get('mq')!.links).toBe('different');
  });
});

const arbAnnotations = (prefix: string): fc.Arbitrary<Annotation[]> =>
  fc
    .array(
      fc.record({
        tag: fc.constantFrom('claim', 'quote', 'attribution' as const),
        spans: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 4 }),
      }),
      { maxLength: 12 },
    )
    .map((list) =>
      list.map((x, i) => {
        const cuts = [...x.spans].sort((a, b) => a - b);
        const spans: [number, number][] = [];
        for (let k = 0; k + 1 < cuts.length; k += 2) spans.push([cuts[k]!, cuts[k + 1]!]);
        return ann(`${prefix}${i}`, x.tag, ...spans);
      }),
    );

describe('pairing properties', () => {
  it('every annotation is in exactly one pair; categories match their definitions; swapping mirrors the pairs', () => {
    fc.assert(
      fc.property(arbAnnotations('m'), arbAnnotations('t'), (mine, theirs) => {
        const { pairs } = pairAnnotations(mine, theirs);
        expect(pairs.flatMap((p) => (p.mine ? [p.mine.id] : [])).sort()).toEqual(mine.map((a) => a.id).sort());
        expect(pairs.flatMap((p) => (p.theirs ? [p.theirs.id] : [])).sort()).toEqual(theirs.map((a) => a.id).sort());
        for (const p of pairs) {
          const same = p.mine && p.theirs && JSON.stringify(p.mine.spans) === JSON.stringify(p.theirs.spans);
          if (p.category === 'agree') expect(same && p.mine!.tag === p.theirs!.tag).toBe(true);
          if (p.category === 'tag-conflict') expect(same && p.mine!.tag !== p.theirs!.tag).toBe(true);
          if (p.category === 'boundary-conflict') expect(!same && p.overlap > 0).toBe(true);
        }
        const mirrored = pairAnnotations(theirs, mine).pairs.map((p) => `${p.category}:${p.theirs?.id}/${p.mine?.id}`);
        const direct = pairs.map((p) => `${p.category.replace('only-mine', 'X').replace('only-theirs', 'only-mine').replace('X', 'only-theirs')}:${p.mine?.id}/${p.theirs?.id}`);
        expect(mirrored.sort()).toEqual(direct.sort());
      }),
      { numRuns: 300 },
    );
  });
});
