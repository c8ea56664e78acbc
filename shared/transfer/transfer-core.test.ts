import { describe, expect, it } from 'vitest';
import { exportAnnotation, type ExportedAnnotation } from '../formats/newsmark-json';
import { applyOperation, invert, type Operation } from '../model/operations';
import type { Annotation } from '../model/types';
import { annotationProblems } from '../model/validate';
import { CodePointMap } from '../text/code-points';
import { applyOrphanChange, invertOrphanChange, Orphan, OrphanError, orphanProblems } from './orphans';
import { discardOrphan, placeOrphan } from './place-orphan';
import { BATCH_LIMIT, batchOf, prepareImport } from './prepare-import';

const TEXT = 'The mayor said “we will win,” and officials agreed. Critics said the plan fails.';
const author = { id: 'u1', name: 'Ana' };
const at = (needle: string, from = 0) => {
  const i = TEXT.indexOf(needle, from);
  if (i < 0) throw new Error(needle);
  return { start: i, end: i + needle.length };
};
function ann(id: string, needle: string, tag: Annotation['tag'] = 'claim', links: string[] = []): Annotation {
  return { id, tag, spans: [at(needle)], note: '', links, author, createdAt: 't0', updatedAt: 't0' };
}
const exported = (text: string, anns: Annotation[]): ExportedAnnotation[] => {
  const map = new CodePointMap(text);
  return anns.map((a) => exportAnnotation(text, map, a));
};
const opts = () => {
  let n = 0;
  return { file: 'theirs.json', now: '2026-02-01T00:00:00.000Z', newId: () => `new-${++n}` };
};
const adds = (op: Operation): Annotation[] => (op.type === 'batch' ? op.ops.flatMap(adds) : op.type === 'add' ? [op.annotation] : []);

describe('prepareImport', () => {
  it('places every annotation on an unchanged text, with origin import and the file', () => {
    const file = [ann('q', '“we will win,”', 'quote', ['m']), ann('m', 'The mayor', 'attribution')];
    const r = prepareImport(TEXT, [], [], exported(TEXT, file), opts());
    expect(r.counts).toEqual({ total: 2, exact: 2, fuzzy: 0, unplaced: 0, duplicates: 0, renamed: 0 });
    const added = adds(r.operation);
    expect(added.map((a) => [a.id, a.tag, TEXT.slice(a.spans[0]!.start, a.spans[0]!.end), a.links])).toEqual([
      ['q', 'quote', '“we will win,”', ['m']],
      ['m', 'attribution', 'The mayor', []],
    ]);
    expect(added.every((a) => a.origin?.kind === 'import' && a.origin.file === 'theirs.json')).toBe(true);
    expect(r.orphans).toEqual({});
  });

  it('gives new ids to those whose id the article uses, links follow, and the old id is kept in the origin', () => {
    const mine = [ann('m', 'Critics', 'attribution')];
    const file = [ann('q', '“we will win,”', 'quote', ['m']), ann('m', 'The mayor', 'attribution')];
    const r = prepareImport(TEXT, mine, [], exported(TEXT, file), opts());
    expect(r.counts.renamed).toBe(1);
    const added = adds(r.operation);
    const mayor = added.find((a) => a.tag === 'attribution')!;
    expect(mayor.id).toBe('new-1');
    expect(mayor.origin?.originalId).toBe('m');
    expect(added.find((a) => a.tag === 'quote')!.links).toEqual(['new-1']);
    const after = applyOperation(mine, r.operation);
    expect(annotationProblems(TEXT.length, after)).toEqual([]);
    expect(applyOperation(after, invert(r.operation))).toEqual(mine);
  });

  it('does not add what is already there (same tag, same words) and links to it instead', () => {
    const mine = [ann('mine-m', 'The mayor', 'attribution')];
    const file = [ann('q', '“we will win,”', 'quote', ['m']), ann('m', 'The mayor', 'attribution')];
    const r = prepareImport(TEXT, mine, [], exported(TEXT, file), opts());
    expect(r.counts).toMatchObject({ exact: 1, duplicates: 1 });
    expect(adds(r.operation)).toHaveLength(1);
    expect(adds(r.operation)[0]!.links).toEqual(['mine-m']);
  });

  it('places changed words fuzzily, keeps what is gone as orphans, and holds back links to them', () => {
    const file = [ann('q', '“we will win,”', 'quote', ['m']), ann('m', 'The mayor', 'attribution'), ann('c', 'the plan fails', 'claim', ['k']), ann('k', 'Critics', 'attribution')];
    const edited = 'The mayor said “we shall win,” and officials agreed. Nobody objected.';
    const r = prepareImport(edited, [], [], exported(TEXT, file), opts());
    expect(r.counts).toMatchObject({ total: 4, exact: 1, fuzzy: 1, unplaced: 2 });
    const added = adds(r.operation);
    expect(added.map((a) => edited.slice(a.spans[0]!.start, a.spans[0]!.end)).sort()).toEqual(['The mayor', '“we shall win,”']);
    const orphans = r.orphans.add!;
    expect(orphans.map((o) => [o.id, o.spans[0]!.exact, o.links, o.linkedFrom])).toEqual([
      ['c', 'the plan fails', ['k'], []],
      ['k', 'Critics', [], ['c']],
    ]);
    expect(orphans.every((o) => Orphan.safeParse(o).success)).toBe(true);
  });

  it('holds back the link from a placed annotation to an unplaced one, and restores it when placed', () => {
    const file = [ann('q', '“we will win,”', 'quote', ['k']), ann('k', 'Critics', 'attribution')];
    const edited = 'The mayor said “we will win,” and officials agreed.';
    const r = prepareImport(edited, [], [], exported(TEXT, file), opts());
    const [quote] = adds(r.operation);
    expect(quote!.links).toEqual([]);
    const [orphan] = r.orphans.add!;
    expect(orphan).toMatchObject({ id: 'k', linkedFrom: ['q'], links: [] });
    let annotations = applyOperation([], r.operation);
    let orphans = applyOrphanChange([], r.orphans);
    const span = { start: edited.indexOf('The mayor'), end: edited.indexOf('The mayor') + 9 };
    const placed = placeOrphan(orphan!, span, annotations, 't1');
    annotations = applyOperation(annotations, placed.operation);
    orphans = applyOrphanChange(orphans, placed.orphans);
    expect(orphans).toEqual([]);
    expect(annotations.find((a) => a.id === 'k')).toMatchObject({ tag: 'attribution', spans: [span], updatedAt: 't1' });
    expect(annotations.find((a) => a.id === 'q')!.links).toEqual(['k']);
    expect(annotationProblems(edited.length, annotations)).toEqual([]);
    // undo of the placement brings the orphan back and takes the link away
    annotations = applyOperation(annotations, invert(placed.operation));
    orphans = applyOrphanChange(orphans, invertOrphanChange(placed.orphans));
    expect(orphans).toEqual([orphan]);
    expect(annotations.find((a) => a.id === 'q')!.links).toEqual([]);
  });

  it('renames an orphan whose id is taken, and does not store the same unplaced annotation twice', () => {
    const file = [ann('k', 'Critics', 'attribution')];
    const edited = 'Nothing of that survived.';
    const first = prepareImport(edited, [], [], exported(TEXT, file), opts());
    const stored = applyOrphanChange([], first.orphans);
    const again = prepareImport(edited, [], stored, exported(TEXT, file), opts());
    expect(again.counts).toMatchObject({ unplaced: 0, duplicates: 1 });
    expect(again.orphans).toEqual({});
    const clash = prepareImport(edited, [], stored, exported(TEXT, [{ ...file[0]!, spans: [at('officials')] }]), opts());
    expect(clash.orphans.add![0]!.id).toBe('new-1');
    expect(clash.counts.renamed).toBe(1);
  });

  it('nests batches so no batch has more than the contract allows', () => {
    const ops: Operation[] = Array.from({ length: BATCH_LIMIT * 2 + 5 }, (_, i) => ({ type: 'add', annotation: { ...ann(`a${i}`, 'The mayor'), id: `a${i}` } }));
    const op = batchOf(ops);
    const sizes = (o: Operation): number[] => (o.type === 'batch' ? [o.ops.length, ...o.ops.flatMap(sizes)] : []);
    expect(Math.max(...sizes(op))).toBeLessThanOrEqual(BATCH_LIMIT);
    expect(applyOperation([], op)).toHaveLength(ops.length);
  });
});

describe('orphans', () => {
  const o = (id: string): Orphan => ({
    id,
    tag: 'claim',
    spans: [{ start: 0, end: 3, exact: 'The', prefix: '', suffix: ' mayor' }],
    note: '',
    links: [],
    linkedFrom: [],
    author,
    createdAt: 't0',
    updatedAt: 't0',
    origin: { kind: 'import', file: 'f.json' },
    importedAt: 't0',
  });

  it('applies and inverts a change; refuses a stale one', () => {
    const list = applyOrphanChange([], { add: [o('a'), o('b')] });
    const change = discardOrphan(list[0]!).orphans;
    const after = applyOrphanChange(list, change);
    expect(after.map((x) => x.id)).toEqual(['b']);
    expect(applyOrphanChange(after, invertOrphanChange(change)).map((x) => x.id).sort()).toEqual(['a', 'b']);
    expect(() => applyOrphanChange(after, change)).toThrow(OrphanError);
    expect(() => applyOrphanChange(list, { add: [o('a')] })).toThrow(/already exists/);
  });

  it('finds ids used twice or shared with an annotation', () => {
    expect(orphanProblems([ann('a', 'The mayor')], [o('a'), o('b'), o('b')])).toEqual([
      { where: '$.orphans[0].id', message: 'a is also the id of an annotation' },
      { where: '$.orphans[2].id', message: 'duplicate id b' },
    ]);
  });
});
