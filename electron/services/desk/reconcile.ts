import type { Annotation } from '../../../shared/model/types';
import { stableJson } from './stable-json';

/**
 * Which store is the truth for my own annotations on a shared article, and how the two are
 * brought back together (at start, after a local save, and when my own documents arrive from
 * another machine). The article file (electron-store) is the truth for what was edited here;
 * the replica (PouchDB, beside it in the data folder) for what arrived from the desk.
 * `applied` records, per document, the revision the article file last agreed with:
 *
 * - a replica revision equal to `applied` is old news: the file wins (a local edit not yet
 *   written to the replica, e.g. a crash between the two writes, is written now);
 * - any other revision arrived from the desk: it is put into the file.
 *
 * Both sides converge to the same content and document ids are fixed, so replaying the plan
 * after a crash at any point loses nothing and makes nothing twice.
 */
export interface ReplicaMine {
  rev: string;
  deleted: boolean;
  annotation?: Annotation;
}

export type ReplicaWrite = { id: string; annotation: Annotation; rev?: string } | { id: string; remove: true; rev: string };
export type FileChange = { kind: 'put'; annotation: Annotation } | { kind: 'remove'; id: string };

export interface Plan {
  toReplica: ReplicaWrite[];
  toFile: FileChange[];
  /** Documents where file and replica already agree: their revision is now the applied one. */
  agreed: Record<string, string>;
}

export function planReconcile(
  docIdOf: (annotationId: string) => string,
  file: ReadonlyMap<string, Annotation>,
  replica: ReadonlyMap<string, ReplicaMine>,
  applied: Readonly<Record<string, string>>,
  only?: ReadonlySet<string>,
): Plan {
  const plan: Plan = { toReplica: [], toFile: [], agreed: {} };
  const fileByDoc = new Map([...file.values()].map((a) => [docIdOf(a.id), a]));
  const ids = only ?? new Set([...fileByDoc.keys(), ...replica.keys()]);
  for (const id of ids) {
    const mine = fileByDoc.get(id);
    const r = replica.get(id);
    const fromHere = r !== undefined && applied[id] === r.rev;
    if (mine && (!r || (r.deleted && fromHere))) plan.toReplica.push({ id, annotation: mine, ...(r ? { rev: r.rev } : {}) });
    else if (mine && r!.deleted) plan.toFile.push({ kind: 'remove', id: mine.id });
    else if (mine && r!.annotation) {
      if (stableJson(mine) === stableJson(r!.annotation)) plan.agreed[id] = r!.rev;
      else if (fromHere) plan.toReplica.push({ id, annotation: mine, rev: r!.rev });
      else plan.toFile.push({ kind: 'put', annotation: r!.annotation });
    } else if (!mine && r && !r.deleted && r.annotation) {
      if (fromHere) plan.toReplica.push({ id, remove: true, rev: r.rev });
      else plan.toFile.push({ kind: 'put', annotation: r.annotation });
    }
  }
  return plan;
}
