import { makeUpdate, type Operation } from '../model/operations';
import type { Annotation, Span } from '../model/types';
import type { Orphan, OrphanChange } from './orphans';

export interface OrphanPlacement {
  /** Adds the annotation and restores the links it had, as one undoable step. */
  operation: Operation;
  orphans: OrphanChange;
  annotation: Annotation;
}

/**
 * Place an unplaced annotation on the words the editor selected: it becomes a normal
 * annotation (same id, tag, note, author and origin) on `span`, links to the annotations it
 * linked to that exist now, and the annotations that linked to it get their link back.
 */
export function placeOrphan(orphan: Orphan, span: Span, annotations: readonly Annotation[], at: string, newId: () => string = () => globalThis.crypto.randomUUID()): OrphanPlacement {
  const ids = new Set(annotations.map((a) => a.id));
  let id = orphan.id;
  while (ids.has(id)) id = newId();
  const annotation: Annotation = {
    id,
    tag: orphan.tag,
    spans: [{ start: span.start, end: span.end }],
    note: orphan.note,
    links: orphan.links.filter((l) => ids.has(l) && l !== id),
    author: orphan.author,
    createdAt: orphan.createdAt,
    updatedAt: at,
    origin: orphan.origin,
  };
  const ops: Operation[] = [{ type: 'add', annotation }];
  for (const from of orphan.linkedFrom) {
    const a = annotations.find((x) => x.id === from);
    if (a && !a.links.includes(id)) ops.push(makeUpdate(a, { links: [...a.links, id] }, at));
  }
  return { operation: ops.length === 1 ? ops[0]! : { type: 'batch', ops }, orphans: { remove: [orphan] }, annotation };
}

/** Discard an unplaced annotation: only the orphan goes (undo brings it back). */
export function discardOrphan(orphan: Orphan): { operation: Operation; orphans: OrphanChange } {
  return { operation: { type: 'batch', ops: [] }, orphans: { remove: [orphan] } };
}
