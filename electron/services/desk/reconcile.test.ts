import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/types';
import { planReconcile, type ReplicaMine } from './reconcile';

const a = (id: string, tag: Annotation['tag'] = 'claim'): Annotation => ({ id, tag, spans: [{ start: 0, end: 1 }], note: '', links: [], author: { id: 'me', name: 'Me' }, createdAt: '', updatedAt: '' });
const docId = (id: string) => `ann:art:${id}`;
const plan = (file: Annotation[], replica: Record<string, ReplicaMine>, applied: Record<string, string>) =>
  planReconcile(docId, new Map(file.map((x) => [x.id, x])), new Map(Object.entries(replica)), applied);

describe('planReconcile: the article file is the truth for edits made here, the replica for what arrived', () => {
  it('a local edit not yet in the replica (a crash between the two writes) is written to the replica', () => {
    const p = plan([a('x', 'quote')], { [docId('x')]: { rev: '1-a', deleted: false, annotation: a('x') } }, { [docId('x')]: '1-a' });
    expect(p.toReplica).toEqual([{ id: docId('x'), annotation: a('x', 'quote'), rev: '1-a' }]);
    expect(p.toFile).toEqual([]);
  });

  it('a new annotation from here goes to the replica; one deleted here is deleted there', () => {
    const p = plan([a('new')], { [docId('gone')]: { rev: '2-b', deleted: false, annotation: a('gone') } }, { [docId('gone')]: '2-b' });
    expect(p.toReplica).toEqual([{ id: docId('new'), annotation: a('new') }, { id: docId('gone'), remove: true, rev: '2-b' }]);
  });

  it('a revision that arrived (from my other machine) goes into the file, added, changed or removed', () => {
    const p = plan(
      [a('changed'), a('removed')],
      {
        [docId('changed')]: { rev: '2-c', deleted: false, annotation: a('changed', 'attribution') },
        [docId('removed')]: { rev: '3-d', deleted: true },
        [docId('added')]: { rev: '1-e', deleted: false, annotation: a('added') },
      },
      { [docId('changed')]: '1-c', [docId('removed')]: '2-d' },
    );
    expect(p.toFile).toEqual([{ kind: 'put', annotation: a('changed', 'attribution') }, { kind: 'remove', id: 'removed' }, { kind: 'put', annotation: a('added') }]);
    expect(p.toReplica).toEqual([]);
  });

  it('equal content on both sides only records the revision: replaying after a crash makes nothing twice', () => {
    const p = plan([a('x')], { [docId('x')]: { rev: '5-f', deleted: false, annotation: { ...a('x') } } }, {});
    expect(p).toEqual({ toReplica: [], toFile: [], agreed: { [docId('x')]: '5-f' } });
  });
});
