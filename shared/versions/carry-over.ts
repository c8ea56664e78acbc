import { anchorAnnotations } from '../anchoring/anchor';
import { exportAnnotation } from '../formats/newsmark-json';
import type { Annotation, Origin } from '../model/types';
import { CodePointMap } from '../text/code-points';
import type { Orphan } from '../transfer/orphans';

export interface CarryOverCounts {
  total: number;
  /** Placed on the same words (where they were or moved). */
  exact: number;
  /** Placed on words that changed a little: marked until the editor confirms. */
  fuzzy: number;
  /** Not placed: in the Unplaced panel. */
  unplaced: number;
}

export interface CarriedOver {
  /** The annotations placed on the new text (UTF-16 spans into it), same ids. */
  annotations: Annotation[];
  /** Those that could not be placed, kept whole as unplaced annotations. */
  orphans: Orphan[];
  /** Ids of the annotations placed fuzzily. */
  fuzzy: string[];
  counts: CarryOverCounts;
}

/**
 * Carry an article's annotations from one version of its text to the next with the same
 * anchoring as imports (position → exact quote → fuzzy → unplaced): nothing is dropped and
 * nothing is pinned to other words. Links to an annotation left unplaced are held back on
 * it (`linkedFrom`) and come back when it is placed. Pure.
 */
export function carryOver(oldText: string, newText: string, annotations: readonly Annotation[], options: { now: string; version: number }): CarriedOver {
  const map = new CodePointMap(oldText);
  const exported = annotations.map((a) => exportAnnotation(oldText, map, a));
  const anchored = anchorAnnotations(newText, exported);
  const unplacedIds = new Set(anchored.orphans.map((o) => o.id));
  const heldBack = new Map<string, string[]>();
  const fuzzy: string[] = [];
  const placed = anchored.placed.map(({ annotation: a, how }) => {
    if (how === 'fuzzy') fuzzy.push(a.id);
    if (!a.links.some((l) => unplacedIds.has(l))) return a;
    for (const l of a.links) if (unplacedIds.has(l)) heldBack.set(l, [...(heldBack.get(l) ?? []), a.id]);
    return { ...a, links: a.links.filter((l) => !unplacedIds.has(l)) };
  });
  const origin = (o: Origin | undefined): Origin => o ?? { kind: 'import', file: `version ${options.version}` };
  const orphans: Orphan[] = anchored.orphans.map((o) => ({
    ...o,
    spans: o.spans.map((s) => ({ ...s })),
    links: [...o.links],
    linkedFrom: heldBack.get(o.id) ?? [],
    origin: origin(o.origin),
    importedAt: options.now,
  }));
  return {
    annotations: placed,
    orphans,
    fuzzy,
    counts: { total: annotations.length, exact: anchored.counts.position + anchored.counts.exact, fuzzy: anchored.counts.fuzzy, unplaced: anchored.counts.orphan },
  };
}
