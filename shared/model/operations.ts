import { z } from 'zod';
import { SourceGroup, SourceKind } from './source-kind';
import { Annotation, Author, Origin, Span, Tag } from './types';

/**
 * Every change to an article's annotations is an operation. One pure reducer applies them
 * in the renderer (optimistically) and in main (authoritatively), and undo is the inverse
 * operation, so both sides always agree on what a change did.
 */
export const AnnotationPatch = z
  .object({
    tag: Tag.optional(),
    spans: z.array(Span).min(1).max(1000).optional(),
    note: z.string().max(100_000).optional(),
    links: z.array(z.string().min(1).max(200)).max(1000).optional(),
    author: Author.optional(),
    origin: Origin.optional(),
    // null clears the field: undefined would not survive JSON on its way to main
    sourceKind: SourceKind.nullable().optional(),
    sourceGroup: SourceGroup.nullable().optional(),
  })
  .strict();
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;

type Leaf =
  | { type: 'add'; annotation: Annotation }
  | { type: 'remove'; annotation: Annotation }
  | { type: 'update'; id: string; before: AnnotationPatch; after: AnnotationPatch; at: string };
export type Operation = Leaf | { type: 'batch'; ops: Operation[] };

export const Operation: z.ZodType<Operation> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('add'), annotation: Annotation }).strict(),
    z.object({ type: z.literal('remove'), annotation: Annotation }).strict(),
    z
      .object({
        type: z.literal('update'),
        id: z.string().min(1).max(200),
        before: AnnotationPatch,
        after: AnnotationPatch,
        at: z.string().max(64),
      })
      .strict(),
    z.object({ type: z.literal('batch'), ops: z.array(Operation).max(10_000) }).strict(),
  ]),
);

export class OperationError extends Error {
  override name = 'OperationError';
}

/** The inverse of an operation: applying op then inverse(op) restores the annotations. */
export function invert(op: Operation): Operation {
  switch (op.type) {
    case 'add':
      return { type: 'remove', annotation: op.annotation };
    case 'remove':
      return { type: 'add', annotation: op.annotation };
    case 'update':
      return { type: 'update', id: op.id, before: op.after, after: op.before, at: op.at };
    case 'batch':
      return { type: 'batch', ops: op.ops.map(invert).reverse() };
  }
}

function samePatchValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Apply one operation and return a new array (the input is never mutated). An operation
 * that does not fit the current state (adding an id that exists, removing or updating one
 * that does not, an update whose `before` differs from what is stored) throws, so a stale
 * window can never overwrite newer data.
 */
export function applyOperation(annotations: readonly Annotation[], op: Operation): Annotation[] {
  const byId = new Map(annotations.map((a, i) => [a.id, i]));
  const out = [...annotations];
  applyInto(out, byId, op);
  return out.filter((a): a is Annotation => a !== undefined);
}

function applyInto(out: (Annotation | undefined)[], byId: Map<string, number>, op: Operation): void {
  switch (op.type) {
    case 'add': {
      if (byId.has(op.annotation.id)) throw new OperationError(`annotation ${op.annotation.id} already exists`);
      byId.set(op.annotation.id, out.length);
      out.push(op.annotation);
      return;
    }
    case 'remove': {
      const i = byId.get(op.annotation.id);
      if (i === undefined) throw new OperationError(`annotation ${op.annotation.id} does not exist`);
      out[i] = undefined;
      byId.delete(op.annotation.id);
      return;
    }
    case 'update': {
      const i = byId.get(op.id);
      if (i === undefined) throw new OperationError(`annotation ${op.id} does not exist`);
      const current = out[i]!;
      for (const key of Object.keys(op.before) as (keyof AnnotationPatch)[]) {
        if (!samePatchValue(current[key], op.before[key])) {
          throw new OperationError(`annotation ${op.id} changed since this edit was made (${key})`);
        }
      }
      const next: Annotation = { ...current, updatedAt: op.at };
      for (const key of Object.keys(op.after) as (keyof AnnotationPatch)[]) {
        const value = op.after[key];
        if (value === undefined || value === null) delete (next as Partial<Annotation>)[key];
        else (next as Record<string, unknown>)[key] = value;
      }
      out[i] = next;
      return;
    }
    case 'batch':
      for (const child of op.ops) applyInto(out, byId, child);
      return;
  }
}

/** Build an update that records exactly the fields it changes, with their old values. */
export function makeUpdate(current: Annotation, after: AnnotationPatch, at: string): Operation {
  const before: AnnotationPatch = {};
  for (const key of Object.keys(after) as (keyof AnnotationPatch)[]) {
    (before as Record<string, unknown>)[key] = current[key];
  }
  return { type: 'update', id: current.id, before, after, at };
}

/**
 * Remove an annotation and every link that points at it, as one batch, so undo restores
 * the annotation and its links together.
 */
export function removeWithLinks(annotations: readonly Annotation[], id: string, at: string): Operation {
  const target = annotations.find((a) => a.id === id);
  if (!target) throw new OperationError(`annotation ${id} does not exist`);
  const ops: Operation[] = [];
  for (const a of annotations) {
    if (a.id !== id && a.links.includes(id)) {
      ops.push(makeUpdate(a, { links: a.links.filter((l) => l !== id) }, at));
    }
  }
  ops.push({ type: 'remove', annotation: target });
  return ops.length === 1 ? ops[0]! : { type: 'batch', ops };
}
