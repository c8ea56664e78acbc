import { describe, expect, it } from 'vitest';
import { addFragment, canLink, linkedTo, retag, setNote, toggleLink } from './edits';
import { applyOperation, invert, OperationError } from './operations';
import { coveredAtDepth } from './overlaps';
import type { Annotation } from './types';

const at = 'later';
const author = { id: 'u', name: 'U' };
function ann(id: string, tag: Annotation['tag'], spans: [number, number][], links: string[] = []): Annotation {
  return { id, tag, spans: spans.map(([start, end]) => ({ start, end })), note: '', links, author, createdAt: 'x', updatedAt: 'x' };
}

describe('editor edits', () => {
  const source = ann('a', 'attribution', [[15, 33]]);
  const quote = ann('q', 'quote', [[0, 14]], ['a']);
  const claim = ann('c', 'claim', [[40, 60]]);
  const all = [source, quote, claim];

  it('adds a fragment, merging touching or overlapping spans, and undo takes it back', () => {
    const op = addFragment(quote, { start: 40, end: 54 }, at)!;
    const after = applyOperation(all, op);
    expect(after.find((a) => a.id === 'q')!.spans).toEqual([
      { start: 0, end: 14 },
      { start: 40, end: 54 },
    ]);
    expect(applyOperation(after, invert(op)).find((a) => a.id === 'q')!.spans).toEqual([{ start: 0, end: 14 }]);
    expect(addFragment(quote, { start: 5, end: 20 }, at)).toMatchObject({ after: { spans: [{ start: 0, end: 20 }] } });
    expect(addFragment(quote, { start: 2, end: 5 }, at)).toBeNull(); // already covered
  });

  it('links quotes and claims to attributions only, and toggles', () => {
    expect(canLink(claim, source)).toBe(true);
    expect(canLink(source, claim)).toBe(false);
    expect(canLink(claim, quote)).toBe(false);
    const linked = applyOperation(all, toggleLink(all, 'c', 'a', at));
    expect(linked.find((a) => a.id === 'c')!.links).toEqual(['a']);
    const unlinked = applyOperation(linked, toggleLink(linked, 'c', 'a', at));
    expect(unlinked.find((a) => a.id === 'c')!.links).toEqual([]);
    expect(() => toggleLink(all, 'a', 'c', at)).toThrow(OperationError);
  });

  it('retagging an attribution drops the links to it; undo restores them', () => {
    const op = retag(all, 'a', 'claim', at)!;
    const after = applyOperation(all, op);
    expect(after.find((a) => a.id === 'q')!.links).toEqual([]);
    expect(after.find((a) => a.id === 'a')!.tag).toBe('claim');
    const back = applyOperation(after, invert(op));
    expect(back.find((a) => a.id === 'q')!.links).toEqual(['a']);
    expect(retag(all, 'q', 'quote', at)).toBeNull();
    // A quote that becomes an attribution drops its own links.
    expect(applyOperation(all, retag(all, 'q', 'attribution', at)!).find((a) => a.id === 'q')!.links).toEqual([]);
  });

  it('sets notes and reports links both ways', () => {
    expect(setNote(quote, '', at)).toBeNull();
    expect(applyOperation(all, setNote(quote, 'check', at)!).find((a) => a.id === 'q')!.note).toBe('check');
    expect(linkedTo(all, 'q').sources.map((a) => a.id)).toEqual(['a']);
    expect(linkedTo(all, 'a').sourced.map((a) => a.id)).toEqual(['q']);
  });
});

describe('coveredAtDepth', () => {
  const spans = [
    { start: 0, end: 10 },
    { start: 5, end: 15 },
    { start: 8, end: 12 },
    { start: 20, end: 25 },
    { start: 25, end: 30 },
  ];
  it('finds where at least n spans overlap', () => {
    expect(coveredAtDepth(spans, 1)).toEqual([
      { start: 0, end: 15 },
      { start: 20, end: 30 },
    ]);
    expect(coveredAtDepth(spans, 2)).toEqual([{ start: 5, end: 12 }]);
    expect(coveredAtDepth(spans, 3)).toEqual([{ start: 8, end: 10 }]);
    expect(coveredAtDepth(spans, 4)).toEqual([]);
  });

  it('agrees with counting character by character', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const list = Array.from({ length: 12 }, () => {
        const start = Math.floor(rand() * 80);
        return { start, end: start + 1 + Math.floor(rand() * 15) };
      });
      for (const depth of [1, 2, 3]) {
        const covered = new Set<number>();
        for (const s of coveredAtDepth(list, depth)) for (let i = s.start; i < s.end; i++) covered.add(i);
        for (let i = 0; i < 100; i++) {
          const count = list.filter((s) => s.start <= i && i < s.end).length;
          expect(covered.has(i), `offset ${i} depth ${depth}`).toBe(count >= depth);
        }
      }
    }
  });
});
