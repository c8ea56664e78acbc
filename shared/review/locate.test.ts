import { describe, expect, it } from 'vitest';
import { groupSpans } from './curation';
import { describePair } from './describe';
import { groupAt, holdsIn, locatePair, pairAt, pairCounts } from './locate';
import { reviewSnapshot } from './review-session';
import type { StoredDecision } from './review-state';
import { ann, linked } from './test-support';

const text = 'Officials said the talks would resume on Monday, Reuters reported.';
const at = (needle: string): [number, number] => [text.indexOf(needle), text.indexOf(needle) + needle.length];
const mine = [ann('m1', 'claim', at('the talks would resume')), ann('m2', 'attribution', at('Officials')), ann('m3', 'claim', at('Monday')), ann('m4', 'claim', at('talks'))];
const theirs = [ann('t1', 'quote', at('the talks would resume')), ann('t2', 'attribution', at('Officials said')), ann('t3', 'attribution', at('Reuters')), ann('t4', 'claim', at('talks'))];

describe('finding pairs', () => {
  const snap = reviewSnapshot(mine, theirs, []);

  it('locates a pair by its id, else by either side once the other has changed', () => {
    expect(locatePair(snap, 'm1|t1')?.id).toBe('m1|t1');
    expect(locatePair(snap, 'gone|t1')?.id).toBe('m1|t1'); // mine replaced by a decision: found by theirs
    expect(locatePair(snap, 'm3|gone')?.id).toBe('m3|');
    expect(locatePair(snap, 'x|y')).toBeUndefined();
    expect(locatePair(snap, null)).toBeUndefined();
  });

  it('picks the pair under a click: reviewable first, then the smallest, on the side clicked', () => {
    const talks = text.indexOf('talks') + 1;
    // "talks" agrees (m4|t4, not reviewable) inside a tag conflict (m1|t1): the conflict comes first.
    expect(pairAt(snap, talks, 'both')?.id).toBe('m1|t1');
    expect(pairAt(snap, text.indexOf('Reuters'), 'mine')).toBeUndefined();
    expect(pairAt(snap, text.indexOf('Reuters'), 'theirs')?.id).toBe('|t3');
    expect(pairAt(snap, text.indexOf('said'), 'mine')).toBeUndefined();
    expect(pairAt(snap, text.indexOf('said'), 'both')?.id).toBe('m2|t2');
    // Once both are reviewable (or neither), the smaller one wins.
    const agreed = reviewSnapshot(mine, theirs, [{ pairId: 'm4|t4', decision: { kind: 'reject' }, decidedAt: 'T', category: 'agree' }]);
    expect(pairAt(agreed, talks, 'both')?.id).toBe('m4|t4');
  });

  it('counts pairs per category and link disagreements apart', () => {
    const withLinks = reviewSnapshot([linked(mine[0]!, 'm2'), ...mine.slice(1)], theirs, []);
    const counts = pairCounts(withLinks.pairing.pairs);
    expect(counts.categories).toEqual({ agree: 1, 'tag-conflict': 1, 'boundary-conflict': 1, 'only-mine': 1, 'only-theirs': 1 });
    expect(counts.links).toBe(1);
    expect(pairCounts([]).categories.agree).toBe(0);
  });

  it('describes a pair with its place among those to review and a decision that holds', () => {
    const decided: StoredDecision[] = [{ pairId: 'm1|t1', decision: { kind: 'reject' }, decidedAt: 'T', category: 'tag-conflict' }];
    const s = reviewSnapshot(mine, theirs, decided);
    const conflict = locatePair(s, 'm1|t1')!;
    expect(describePair(s, conflict)).toBe(`Tag conflict, ${s.reviewable.indexOf(conflict) + 1} of ${s.reviewable.length}, rejected`);
    expect(holdsIn(s)(conflict)).toBe(true);
    expect(describePair(s, locatePair(s, 'm4|t4')!)).toBe('Agree');
    // An accepted pair that no longer agrees needs deciding again: no status in its description.
    const accepted = reviewSnapshot(mine, theirs, [{ ...decided[0]!, decision: { kind: 'accept' } }]);
    expect(holdsIn(accepted)(locatePair(accepted, 'm1|t1')!)).toBe(false);
    expect(describePair(accepted, locatePair(accepted, 'm1|t1')!)).not.toContain('accepted');
  });
});

describe('finding curation groups', () => {
  it('picks the smallest group covering the offset', () => {
    const groups = groupSpans([
      { annotator: 'A', file: 'a', annotations: [ann('a1', 'claim', at('the talks would resume')), ann('a2', 'claim', at('talks'))] },
      { annotator: 'B', file: 'b', annotations: [ann('b1', 'claim', at('the talks would resume'))] },
    ]);
    expect(groupAt(groups, text.indexOf('talks'))?.spans).toEqual([{ start: at('talks')[0], end: at('talks')[1] }]);
    expect(groupAt(groups, text.indexOf('resume'))?.spans).toEqual([{ start: at('the talks would resume')[0], end: at('the talks would resume')[1] }]);
    expect(groupAt(groups, 0)).toBeUndefined();
  });
});
