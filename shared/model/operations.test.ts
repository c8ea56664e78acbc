import { describe, expect, it } from 'vitest';
import { applyOperation, invert, makeUpdate, Operation, OperationError, removeWithLinks } from './operations';
import type { Annotation } from './types';

const at = '2026-01-01T00:00:00.000Z';
const author = { id: 'u1', name: 'Ana' };
function ann(id: string, tag: Annotation['tag'], start: number, end: number, links: string[] = []): Annotation {
  return { id, tag, spans: [{ start, end }], note: '', links, author, createdAt: at, updatedAt: at };
}

describe('operations', () => {
  const source = ann('a', 'attribution', 0, 5);
  const quote = ann('q', 'quote', 10, 20, ['a']);
  const base = [source, quote];

  it('adds, updates and removes without touching the input', () => {
    const added = applyOperation(base, { type: 'add', annotation: ann('c', 'claim', 30, 40) });
    expect(added.map((a) => a.id)).toEqual(['a', 'q', 'c']);
    expect(base).toHaveLength(2);
    const retagged = applyOperation(added, makeUpdate(added[2]!, { tag: 'quote' }, 'later'));
    expect(retagged[2]).toMatchObject({ tag: 'quote', updatedAt: 'later' });
    expect(added[2]!.tag).toBe('claim');
    expect(applyOperation(retagged, { type: 'remove', annotation: retagged[2]! }).map((a) => a.id)).toEqual(['a', 'q']);
  });

  it('sets and clears the source kind with a patch that survives JSON (null clears)', () => {
    const set: Operation = JSON.parse(JSON.stringify({ type: 'update', id: 'a', before: { sourceKind: null }, after: { sourceKind: 'media' }, at }));
    expect(Operation.parse(set)).toEqual(set);
    const kinded = applyOperation(base, set);
    expect(kinded[0]!.sourceKind).toBe('media');
    const back = applyOperation(kinded, JSON.parse(JSON.stringify(invert(set))));
    expect(back[0]).toEqual(source);
    expect('sourceKind' in back[0]!).toBe(false);
    expect(() => applyOperation(base, invert(set))).toThrow(OperationError);
  });

  it('undoes every kind of operation with its inverse', () => {
    const ops: Operation[] = [
      { type: 'add', annotation: ann('c', 'claim', 30, 40) },
      makeUpdate(quote, { tag: 'claim', note: 'check this', spans: [{ start: 10, end: 12 }, { start: 14, end: 20 }] }, 'later'),
      removeWithLinks(base, 'a', 'later'),
    ];
    for (const op of ops) {
      const after = applyOperation(base, op);
      expect(after).not.toEqual(base);
      // Undo restores the content; updatedAt keeps recording when it last changed.
      const restored = applyOperation(after, invert(op));
      const content = (list: Annotation[]) => list.map(({ updatedAt: _u, ...rest }) => rest).sort((x, y) => x.id.localeCompare(y.id));
      expect(content(restored)).toEqual(content(base));
    }
  });

  it('removes an attribution together with the links that point at it, and undo restores both', () => {
    const op = removeWithLinks(base, 'a', 'later');
    const after = applyOperation(base, op);
    expect(after).toHaveLength(1);
    expect(after[0]!.links).toEqual([]);
    const restored = applyOperation(after, invert(op));
    expect(restored.find((a) => a.id === 'q')!.links).toEqual(['a']);
    expect(restored.find((a) => a.id === 'a')).toEqual(source);
  });

  it('refuses operations that do not fit the state', () => {
    expect(() => applyOperation(base, { type: 'add', annotation: source })).toThrow(OperationError);
    expect(() => applyOperation(base, { type: 'remove', annotation: ann('x', 'claim', 1, 2) })).toThrow(/does not exist/);
    const stale = makeUpdate({ ...quote, tag: 'claim' }, { tag: 'attribution' }, 'later');
    expect(() => applyOperation(base, stale)).toThrow(/changed since/);
  });

  it('applies a batch atomically in order', () => {
    const op: Operation = { type: 'batch', ops: [{ type: 'add', annotation: ann('c', 'claim', 1, 2) }, makeUpdate(source, { note: 'n' }, 'later')] };
    const after = applyOperation(base, op);
    expect(after.map((a) => a.id)).toEqual(['a', 'q', 'c']);
    expect(after[0]!.note).toBe('n');
    expect(applyOperation(after, invert(op))).toEqual(base.map((a) => (a.id === 'a' ? { ...a, updatedAt: 'later' } : a)));
  });

  it('validates operations from outside with its schema', () => {
    expect(Operation.safeParse({ type: 'add', annotation: source }).success).toBe(true);
    expect(Operation.safeParse({ type: 'add', annotation: { ...source, tag: 'rumour' } }).success).toBe(false);
    expect(Operation.safeParse({ type: 'update', id: 'a', before: {}, after: { spans: [] }, at }).success).toBe(false);
    expect(Operation.safeParse({ type: 'drop-table' }).success).toBe(false);
    expect(Operation.safeParse({ type: 'batch', ops: [{ type: 'batch', ops: [{ type: 'remove' }] }] }).success).toBe(false);
  });
});
