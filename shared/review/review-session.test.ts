import { describe, expect, it } from 'vitest';
import { applyOperation } from '../model/operations';
import { decisionOperation, type Decision } from './decisions';
import { pairAnnotations } from './pair';
import { decisionHolds, reviewReportRows, reviewSnapshot } from './review-session';
import type { StoredDecision } from './review-state';
import { ann } from './test-support';

const text = 'Officials said the talks would resume on Monday, Reuters reported.';
const at = (needle: string): [number, number] => [text.indexOf(needle), text.indexOf(needle) + needle.length];
const mine0 = [ann('m1', 'claim', at('the talks would resume')), ann('m2', 'attribution', at('Officials')), ann('m3', 'claim', at('Monday'))];
const theirs = [ann('t1', 'quote', at('the talks would resume')), ann('t2', 'attribution', at('Officials said')), ann('t3', 'attribution', at('Reuters'))];

/** Decide like the window does: the operation on mine, and the record of the pair as it was. */
function decide(mine: ReturnType<typeof ann>[], pairId: string, decision: Decision, decisions: StoredDecision[]) {
  const snap = reviewSnapshot(mine, theirs, decisions);
  const pair = snap.pairing.pairs.find((p) => p.id === pairId)!;
  const { op } = decisionOperation(pair, decision, { mine, pairing: snap.pairing, colleague: { file: '/x/bo.json' }, at: 'T', newId: () => `new-${decisions.length}` });
  const record: StoredDecision = { pairId, decision, decidedAt: 'T', category: pair.category, ...(pair.mine ? { mine: pair.mine } : {}), ...(pair.theirs ? { theirs: pair.theirs } : {}) };
  return { mine: applyOperation(mine, op), decisions: [...decisions, record] };
}

describe('a review as it stands', () => {
  it('matches saved decisions to the fresh pairing and reports each pair as decided', () => {
    let state = { mine: mine0, decisions: [] as StoredDecision[] };
    state = decide(state.mine, 'm1|t1', { kind: 'accept' }, state.decisions); // tag conflict → mine becomes a quote
    state = decide(state.mine, '|t3', { kind: 'accept' }, state.decisions); // only theirs → added to mine
    state = decide(state.mine, 'm3|', { kind: 'accept' }, state.decisions); // only mine → removed
    state = decide(state.mine, 'm2|t2', { kind: 'merge' }, state.decisions); // boundary → union

    const snap = reviewSnapshot(state.mine, theirs, state.decisions);
    expect(snap.pairing.pairs.map((p) => [p.id, p.category])).toEqual([
      ['m2|t2', 'agree'],
      ['m1|t1', 'agree'],
      ['new-1|t3', 'agree'],
    ]);
    expect(snap.decided.get('new-1|t3')!.pairId).toBe('|t3');
    expect(snap.stale.map((d) => d.pairId)).toEqual(['m3|']);
    expect(snap.disagreements).toEqual([]);

    const rows = reviewReportRows(text, state.mine, theirs, state.decisions);
    expect(rows.map((r) => [r.pairId, r.category, r.decision, r.mine?.text ?? null, r.theirs?.text ?? null])).toEqual([
      ['m2|t2', 'boundary-conflict', 'merge', 'Officials', 'Officials said'],
      ['m1|t1', 'tag-conflict', 'accept', 'the talks would resume', 'the talks would resume'],
      ['m3|', 'only-mine', 'accept', 'Monday', null],
      ['|t3', 'only-theirs', 'accept', null, 'Reuters'],
    ]);
  });

  it('reports undecided pairs as they are now, and a decision the text no longer holds as undecided for stepping', () => {
    const decisions: StoredDecision[] = [{ pairId: '|t3', decision: { kind: 'accept' }, decidedAt: 'T', category: 'only-theirs', theirs: theirs[2]! }];
    // The accept was undone in the editor: mine does not have it.
    const snap = reviewSnapshot(mine0, theirs, decisions);
    const pair = snap.pairing.pairs.find((p) => p.id === '|t3')!;
    expect(snap.decided.get('|t3')).toBeDefined();
    expect(decisionHolds(pair, snap.decided.get('|t3'))).toBe(false);
    const reject = { ...decisions[0]!, decision: { kind: 'reject' as const } };
    expect(decisionHolds(pair, reject)).toBe(true);
    const rows = reviewReportRows(text, mine0, theirs, []);
    expect(rows).toHaveLength(pairAnnotations(mine0, theirs).pairs.length);
    expect(rows.every((r) => r.decision === null)).toBe(true);
  });
});
