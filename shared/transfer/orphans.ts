import { z } from 'zod';
import type { Problem } from '../issues';
import { ExportedAnnotation } from '../formats/newsmark-json';
import { Origin, type Annotation } from '../model/types';

/**
 * An imported annotation that could not be placed on the article with confidence (an
 * "orphan", listed in the Unplaced panel). It is kept whole, as it came, so the editor can
 * place it by selecting the words or discard it; it is never pinned to other words.
 *
 * Spans stay quote selectors (code points into the text the file was made on, with exact,
 * prefix and suffix). `id` is unique among the article's annotations and orphans, and is
 * the id the annotation gets when it is placed. Links: `links` are the ids this one links
 * to; `linkedFrom` are the ids of annotations that linked to it in the file, whose link
 * was held back because a link must point at an annotation that exists. Both are restored
 * when it is placed, for those that exist then.
 */
const Id = z.string().min(1).max(200);

export const Orphan = ExportedAnnotation.extend({
  origin: Origin,
  linkedFrom: z.array(Id).max(1000),
  importedAt: z.string().max(64),
}).strict();
export type Orphan = z.infer<typeof Orphan>;

/**
 * A change to the orphans, made together with an annotation operation so both are stored
 * in one write, against one revision, and undone together: an import adds orphans, placing
 * one removes it (and adds the annotation), discarding one removes it.
 */
export const OrphanChange = z
  .object({
    add: z.array(Orphan).max(1_000_000).optional(),
    remove: z.array(Orphan).max(1_000_000).optional(),
  })
  .strict();
export type OrphanChange = z.infer<typeof OrphanChange>;

export class OrphanError extends Error {
  override name = 'OrphanError';
}

export function invertOrphanChange(change: OrphanChange): OrphanChange {
  return { ...(change.remove ? { add: change.remove } : {}), ...(change.add ? { remove: change.add } : {}) };
}

/**
 * Apply a change and return a new array. Removing an orphan that is not there, or adding
 * one whose id is taken, throws: a stale window must not overwrite newer data.
 */
export function applyOrphanChange(orphans: readonly Orphan[], change: OrphanChange | undefined): Orphan[] {
  if (!change) return [...orphans];
  const gone = new Set<string>();
  const present = new Set(orphans.map((o) => o.id));
  for (const o of change.remove ?? []) {
    if (!present.has(o.id) || gone.has(o.id)) throw new OrphanError(`unplaced annotation ${o.id} does not exist`);
    gone.add(o.id);
  }
  const out = orphans.filter((o) => !gone.has(o.id));
  const ids = new Set(out.map((o) => o.id));
  for (const o of change.add ?? []) {
    if (ids.has(o.id)) throw new OrphanError(`unplaced annotation ${o.id} already exists`);
    ids.add(o.id);
    out.push(o);
  }
  return out;
}

/** Ids unique among the orphans and not used by any annotation. */
export function orphanProblems(annotations: readonly Annotation[], orphans: readonly Orphan[], at = '$.orphans'): Problem[] {
  const problems: Problem[] = [];
  const annotationIds = new Set(annotations.map((a) => a.id));
  const seen = new Set<string>();
  orphans.forEach((o, i) => {
    if (seen.has(o.id)) problems.push({ where: `${at}[${i}].id`, message: `duplicate id ${o.id}` });
    else if (annotationIds.has(o.id)) problems.push({ where: `${at}[${i}].id`, message: `${o.id} is also the id of an annotation` });
    seen.add(o.id);
  });
  return problems;
}

/** The quote of an orphan as one line: its fragments joined with " … ". */
export function orphanQuote(o: Pick<Orphan, 'spans'>): string {
  return o.spans.map((s) => s.exact).join(' … ');
}
