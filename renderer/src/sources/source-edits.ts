import type { Operation } from '../../../shared/model/operations';
import type { SourceKind } from '../../../shared/model/source-kind';
import type { Annotation } from '../../../shared/model/types';
import type { SourceGroup } from '../../../shared/sources';

/**
 * The editor's changes to sources as operations (one undo step each). A field that was not
 * set is recorded as null, so undo clears it again after the trip through JSON to main.
 */
function batch(ops: Operation[]): Operation | null {
  if (ops.length === 0) return null;
  return ops.length === 1 ? ops[0]! : { type: 'batch', ops };
}

function update(a: Annotation, field: 'sourceKind' | 'sourceGroup', value: string | null, at: string): Operation | null {
  const before = a[field] ?? null;
  if (before === value) return null;
  return { type: 'update', id: a.id, before: { [field]: before }, after: { [field]: value }, at } as Operation;
}

const byIds = (annotations: readonly Annotation[], ids: readonly string[]) => {
  const map = new Map(annotations.map((a) => [a.id, a]));
  return ids.map((id) => map.get(id)).filter((a): a is Annotation => a !== undefined);
};

/** Give every attribution of a group the kind. */
export function setGroupKind(annotations: readonly Annotation[], group: SourceGroup, kind: SourceKind, at: string): Operation | null {
  return batch(byIds(annotations, group.units.map((u) => u.id)).map((a) => update(a, 'sourceKind', kind, at)).filter((o): o is Operation => o !== null));
}

/** Move every attribution of `from` into `into`. */
export function mergeGroups(annotations: readonly Annotation[], from: SourceGroup, into: SourceGroup, at: string): Operation | null {
  return batch(byIds(annotations, from.units.map((u) => u.id)).map((a) => update(a, 'sourceGroup', into.key, at)).filter((o): o is Operation => o !== null));
}

/** Take one attribution out of its group. */
export function splitOut(annotations: readonly Annotation[], unitId: string, at: string): Operation | null {
  const [a] = byIds(annotations, [unitId]);
  return a ? update(a, 'sourceGroup', `own:${unitId}`, at) : null;
}
