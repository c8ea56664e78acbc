import { anchorAnnotations } from '../anchoring/anchor';
import type { ExportedAnnotation } from '../formats/newsmark-json';
import type { Operation } from '../model/operations';
import type { Annotation, Origin } from '../model/types';
import type { Orphan, OrphanChange } from './orphans';

/** How an import went: what the summary tells the editor. */
export interface ImportCounts {
  /** Annotations in the file. */
  total: number;
  /** Placed where they were, or on the same quote found elsewhere (exact match). */
  exact: number;
  /** Placed on words that changed a little (fuzzy match). */
  fuzzy: number;
  /** Not placed: listed in the Unplaced panel. */
  unplaced: number;
  /** Already on the article (same tag on the same words, or the same unplaced one): not added twice. */
  duplicates: number;
  /** Ids that clashed with the article's and were given new ones. */
  renamed: number;
}

export interface PreparedImport {
  /** One batch adding every placed annotation: undone as one step. */
  operation: Operation;
  /** The unplaced ones, to be stored with the article together with `operation`. */
  orphans: OrphanChange;
  counts: ImportCounts;
}

export interface PrepareOptions {
  /** The file's name, recorded in each annotation's origin. */
  file: string;
  /** ISO time of the import. */
  now: string;
  newId?: () => string;
}

/** The contract caps one batch at 10,000 operations; larger imports nest batches. */
export const BATCH_LIMIT = 10_000;

export function batchOf(ops: Operation[]): Operation {
  if (ops.length <= BATCH_LIMIT) return { type: 'batch', ops };
  const chunks: Operation[] = [];
  for (let i = 0; i < ops.length; i += BATCH_LIMIT) chunks.push({ type: 'batch', ops: ops.slice(i, i + BATCH_LIMIT) });
  return batchOf(chunks);
}

function importOrigin(previous: Origin | undefined, file: string, originalId: string | undefined): Origin {
  const kept = previous?.originalId ?? originalId;
  return {
    kind: 'import',
    file: file.slice(0, 4096),
    ...(previous?.author ? { author: previous.author } : {}),
    ...(kept ? { originalId: kept.slice(0, 200) } : {}),
    ...(previous?.originalType ? { originalType: previous.originalType } : {}),
  };
}

const spanKey = (spans: readonly { start: number; end: number }[]) => spans.map((s) => `${s.start}-${s.end}`).join(',');
const selectorKey = (spans: readonly { start: number; end: number; exact: string }[]) => JSON.stringify(spans.map((s) => [s.start, s.end, s.exact]));

/**
 * Turn a file's annotations into one change to an article: re-anchor each onto the
 * article's text (position → exact quote → fuzzy → unplaced), skip those already there,
 * give new ids to those whose id the article already uses (links follow), and hold back
 * links to unplaced ones (restored when they are placed). Pure: nothing is stored here.
 */
export function prepareImport(
  text: string,
  existing: readonly Annotation[],
  existingOrphans: readonly Orphan[],
  incoming: readonly ExportedAnnotation[],
  options: PrepareOptions,
): PreparedImport {
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const anchored = anchorAnnotations(text, incoming);
  const counts: ImportCounts = { total: incoming.length, exact: 0, fuzzy: 0, unplaced: 0, duplicates: 0, renamed: 0 };

  // Already there: the same tag on the same words, or the same unplaced quote.
  const existingBySpans = new Map(existing.map((a) => [`${a.tag} ${spanKey(a.spans)}`, a.id]));
  const orphanBySelectors = new Map(existingOrphans.map((o) => [`${o.tag} ${selectorKey(o.spans)}`, o.id]));
  const idMap = new Map<string, string>();
  const taken = new Set<string>([...existing.map((a) => a.id), ...existingOrphans.map((o) => o.id)]);
  const fresh = (id: string) => {
    if (!taken.has(id)) return id;
    counts.renamed++;
    let next = newId();
    while (taken.has(next)) next = newId();
    return next;
  };

  const placed: { annotation: Annotation; oldId: string }[] = [];
  for (const p of anchored.placed) {
    const same = existingBySpans.get(`${p.annotation.tag} ${spanKey(p.annotation.spans)}`);
    if (same !== undefined) {
      idMap.set(p.annotation.id, same);
      counts.duplicates++;
      continue;
    }
    if (p.how === 'fuzzy') counts.fuzzy++;
    else counts.exact++;
    const id = fresh(p.annotation.id);
    taken.add(id);
    idMap.set(p.annotation.id, id);
    placed.push({ annotation: p.annotation, oldId: p.annotation.id });
  }
  const unplaced: { orphan: ExportedAnnotation; id: string }[] = [];
  const orphanIds = new Set<string>();
  for (const o of anchored.orphans) {
    const same = orphanBySelectors.get(`${o.tag} ${selectorKey(o.spans)}`);
    if (same !== undefined) {
      idMap.set(o.id, same);
      orphanIds.add(same);
      counts.duplicates++;
      continue;
    }
    counts.unplaced++;
    const id = fresh(o.id);
    taken.add(id);
    idMap.set(o.id, id);
    orphanIds.add(id);
    unplaced.push({ orphan: o, id });
  }

  const present = new Set<string>([...existing.map((a) => a.id), ...placed.map((p) => idMap.get(p.oldId)!)]);
  const mapLinks = (links: readonly string[], self: string): string[] => (links.length === 0 ? [] : [...new Set(links.map((l) => idMap.get(l) ?? l))].filter((l) => l !== self));
  const heldBack = new Map<string, string[]>(); // orphan id → ids of placed annotations that linked to it

  const adds: Operation[] = placed.map(({ annotation: a, oldId }) => {
    const id = idMap.get(oldId)!;
    const links: string[] = [];
    for (const l of mapLinks(a.links, id)) {
      if (present.has(l)) links.push(l);
      else if (orphanIds.has(l)) heldBack.set(l, [...(heldBack.get(l) ?? []), id]);
    }
    // The anchoring made this object for us: fill it in rather than copy 10,000 of them.
    a.id = id;
    a.links = links;
    a.origin = importOrigin(a.origin, options.file, oldId !== id ? oldId : undefined);
    return { type: 'add', annotation: a };
  });

  // An unplaced annotation linking to another unplaced one: whichever is placed second restores it.
  for (const { orphan: o, id } of unplaced) {
    for (const l of mapLinks(o.links, id)) if (orphanIds.has(l)) heldBack.set(l, [...(heldBack.get(l) ?? []), id]);
  }
  const orphans: Orphan[] = unplaced.map(({ orphan: o, id }) => ({
    id,
    tag: o.tag,
    spans: o.spans.map((s) => ({ ...s })),
    note: o.note,
    links: mapLinks(o.links, id),
    linkedFrom: heldBack.get(id) ?? [],
    author: { ...o.author },
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    origin: importOrigin(o.origin, options.file, o.id !== id ? o.id : undefined),
    importedAt: options.now,
  }));
  // Links held back towards orphans stored by an earlier import of the same file: the
  // stored orphan is replaced by one that also remembers them.
  const updated: { before: Orphan; after: Orphan }[] = [];
  for (const o of existingOrphans) {
    const more = (heldBack.get(o.id) ?? []).filter((id) => !o.linkedFrom.includes(id));
    if (more.length) updated.push({ before: o, after: { ...o, linkedFrom: [...o.linkedFrom, ...more] } });
  }
  const change: OrphanChange = {};
  if (orphans.length || updated.length) change.add = [...orphans, ...updated.map((u) => u.after)];
  if (updated.length) change.remove = updated.map((u) => u.before);
  return { operation: batchOf(adds), orphans: change, counts };
}
