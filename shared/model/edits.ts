import { makeUpdate, OperationError, type Operation } from './operations';
import { normalizeSpans } from './spans';
import type { Annotation, Span, Tag } from './types';

/**
 * The editor's changes, each built as one operation so that undo takes back the whole
 * gesture (a retag and the links it had to drop, a fragment, a link, a note).
 */

function find(annotations: readonly Annotation[], id: string): Annotation {
  const a = annotations.find((x) => x.id === id);
  if (!a) throw new OperationError(`annotation ${id} does not exist`);
  return a;
}

/** Only quotes and claims are attributed, and only to attributions. */
export function canLink(from: Annotation, to: Annotation): boolean {
  return from.id !== to.id && from.tag !== 'attribution' && to.tag === 'attribution';
}

/**
 * Change a tag. Links only run from quotes and claims to attributions, so an attribution
 * that stops being one loses the links pointing at it, and one that becomes an attribution
 * drops its own.
 */
export function retag(annotations: readonly Annotation[], id: string, tag: Tag, at: string): Operation | null {
  const target = find(annotations, id);
  if (target.tag === tag) return null;
  const ops: Operation[] = [];
  if (target.tag === 'attribution') {
    for (const a of annotations) {
      if (a.links.includes(id)) ops.push(makeUpdate(a, { links: a.links.filter((l) => l !== id) }, at));
    }
  }
  ops.push(makeUpdate(target, tag === 'attribution' && target.links.length ? { tag, links: [] } : { tag }, at));
  return ops.length === 1 ? ops[0]! : { type: 'batch', ops };
}

/** Add a further fragment (a split quote's second half); touching or overlapping spans merge. */
export function addFragment(annotation: Annotation, span: Span, at: string): Operation | null {
  const spans = normalizeSpans([...annotation.spans, span]);
  if (JSON.stringify(spans) === JSON.stringify(annotation.spans)) return null;
  return makeUpdate(annotation, { spans }, at);
}

/** Link `fromId` to the attribution `toId`, or unlink it when the link exists. */
export function toggleLink(annotations: readonly Annotation[], fromId: string, toId: string, at: string): Operation {
  const from = find(annotations, fromId);
  const to = find(annotations, toId);
  if (!canLink(from, to)) throw new OperationError(`a ${from.tag} cannot be attributed to a ${to.tag}`);
  const links = from.links.includes(toId) ? from.links.filter((l) => l !== toId) : [...from.links, toId];
  return makeUpdate(from, { links }, at);
}

export function setNote(annotation: Annotation, note: string, at: string): Operation | null {
  return note === annotation.note ? null : makeUpdate(annotation, { note }, at);
}

/** Annotations that `id` is attributed to, and those it sources (for an attribution). One pass, no index. */
export function linkedTo(annotations: readonly Annotation[], id: string): { sources: Annotation[]; sourced: Annotation[] } {
  const self = annotations.find((a) => a.id === id);
  const targets = self?.links ?? [];
  const sources: Annotation[] = [];
  const sourced: Annotation[] = [];
  for (const a of annotations) {
    if (targets.length && targets.includes(a.id)) sources.push(a);
    if (a.links.length && a.links.includes(id)) sourced.push(a);
  }
  // Keep the order of the links themselves for the sources.
  sources.sort((x, y) => targets.indexOf(x.id) - targets.indexOf(y.id));
  return { sources, sourced };
}
