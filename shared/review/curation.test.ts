import { describe, expect, it } from 'vitest';
import { applyOperation, invert } from '../model/operations';
import { acceptConsensus, consensus, groupSpans, type AnnotatorFile } from './curation';
import { ann, linked } from './test-support';

const files: AnnotatorFile[] = [
  { annotator: 'a', file: 'a.ann', annotations: [ann('a1', 'attribution', [0, 5]), linked(ann('a2', 'quote', [10, 20]), 'a1'), ann('a3', 'claim', [30, 40])] },
  { annotator: 'b', file: 'b.ann', annotations: [ann('b1', 'attribution', [0, 5]), ann('b2', 'quote', [10, 20]), ann('b3', 'claim', [30, 41])] },
  { annotator: 'c', file: 'c.ann', annotations: [ann('c1', 'attribution', [0, 5]), ann('c2', 'claim', [10, 20]), ann('c3', 'quote', [10, 20])] },
];

describe('groupSpans', () => {
  it('groups identical spans across annotators with who gave which tag, in document order', () => {
    const groups = groupSpans(files);
    expect(groups.map((g) => [g.spans[0]!.start, g.spans[0]!.end, g.annotators.join(''), JSON.stringify(g.tags)])).toEqual([
      [0, 5, 'abc', '{"attribution":["a","b","c"]}'],
      [10, 20, 'abc', '{"quote":["a","b","c"],"claim":["c"]}'],
      [30, 41, 'b', '{"claim":["b"]}'], // same start: the longer first, as everywhere
      [30, 40, 'a', '{"claim":["a"]}'],
    ]);
  });

  it('counts an annotator once when their file repeats an annotation', () => {
    const dup: AnnotatorFile = { annotator: 'd', annotations: [ann('d1', 'claim', [1, 2]), ann('d2', 'claim', [1, 2])] };
    expect(groupSpans([dup])[0]!.votes).toHaveLength(1);
  });
});

describe('consensus and one-step acceptance', () => {
  const groups = groupSpans(files);

  it('selects what at least k of n agree on', () => {
    expect(consensus(groups, 3).map((c) => `${c.tag}@${c.spans[0]!.start}`)).toEqual(['attribution@0', 'quote@10']);
    expect(consensus(groups, 1)).toHaveLength(5);
    expect(() => consensus(groups, 0)).toThrow(RangeError);
  });

  it('adds what mine lacks in one undoable batch, keeping links between accepted items', () => {
    const mine = [ann('m1', 'attribution', [0, 5])];
    let n = 0;
    const { op, added, droppedLinks } = acceptConsensus(consensus(groups, 2), { mine, files, at: 'T', newId: () => `n${++n}` });
    expect(added).toBe(1);
    expect(droppedLinks).toBe(0);
    const after = applyOperation(mine, op);
    expect(after[1]).toMatchObject({ id: 'n1', tag: 'quote', links: ['m1'], origin: { kind: 'colleague', file: 'a.ann', originalId: 'a2' } });
    expect(applyOperation(after, invert(op))).toEqual(mine);
  });
});
