import type { Operation } from '../model/operations';
import { compareAnnotations } from '../model/spans';
import type { Annotation, Author, Span, Tag } from '../model/types';
import { spansKey } from './intervals';

/** One annotator's file for the article being curated. */
export interface AnnotatorFile {
  /** Shown in the curation view, e.g. the annotator id or name; unique among the files. */
  annotator: string;
  file?: string;
  author?: Author;
  annotations: readonly Annotation[];
}

export interface Vote {
  annotator: string;
  tag: Tag;
  annotation: Annotation;
}

/** Everything the annotators marked on one exact set of spans. */
export interface SpanGroup {
  spans: Span[];
  /** Distinct annotators who marked these spans, whatever the tag. */
  annotators: string[];
  /** For each tag given, the distinct annotators who gave it. */
  tags: Partial<Record<Tag, string[]>>;
  /** One vote per annotator and tag (duplicates inside one file count once). */
  votes: Vote[];
}

/** Group identical spans across all files, in document order. O(total · log total). */
export function groupSpans(files: readonly AnnotatorFile[]): SpanGroup[] {
  const groups = new Map<string, SpanGroup & { first: Annotation }>();
  for (const f of files) {
    for (const a of f.annotations) {
      const key = spansKey(a.spans);
      let g = groups.get(key);
      if (!g) {
        g = { spans: a.spans.map((s) => ({ ...s })), annotators: [], tags: {}, votes: [], first: a };
        groups.set(key, g);
      }
      const byTag = (g.tags[a.tag] ??= []);
      if (byTag.includes(f.annotator)) continue;
      byTag.push(f.annotator);
      if (!g.annotators.includes(f.annotator)) g.annotators.push(f.annotator);
      g.votes.push({ annotator: f.annotator, tag: a.tag, annotation: a });
    }
  }
  return [...groups.values()]
    .sort((x, y) => compareAnnotations(x.first, y.first))
    .map(({ first: _first, ...g }) => g);
}

export interface Consensus {
  spans: Span[];
  tag: Tag;
  /** The annotators who agree, in file order. */
  annotators: string[];
  /** The vote of the first of them, taken as the annotation to accept. */
  vote: Vote;
}

/** Everything at least `k` annotators marked with the same spans and the same tag. */
export function consensus(groups: readonly SpanGroup[], k: number): Consensus[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const out: Consensus[] = [];
  for (const g of groups) {
    for (const [tag, annotators] of Object.entries(g.tags) as [Tag, string[]][]) {
      if (annotators.length < k) continue;
      const vote = g.votes.find((v) => v.tag === tag)!;
      out.push({ spans: g.spans, tag, annotators, vote });
    }
  }
  return out;
}

export interface AcceptContext {
  mine: readonly Annotation[];
  files: readonly AnnotatorFile[];
  at: string;
  newId: () => string;
}

/**
 * One operation (undoable as a whole) that adds every consensus item not already in mine
 * with the same spans and tag. Each keeps a colleague origin pointing at the file of the
 * annotator whose annotation was taken. Links are kept where their target is in mine or
 * added in the same step (matched by spans and tag); the rest are counted as dropped.
 */
export function acceptConsensus(items: readonly Consensus[], ctx: AcceptContext): { op: Operation; added: number; droppedLinks: number } {
  const keyOf = (a: { spans: readonly Span[]; tag: Tag }): string => `${a.tag}:${spansKey(a.spans)}`;
  const myIds = new Map<string, string>();
  for (const a of ctx.mine) if (!myIds.has(keyOf(a))) myIds.set(keyOf(a), a.id);
  const fileOf = new Map(ctx.files.map((f) => [f.annotator, f]));
  const byId = new Map(ctx.files.map((f) => [f.annotator, new Map(f.annotations.map((a) => [a.id, a]))]));

  const toAdd = items.filter((c) => !myIds.has(keyOf(c)));
  for (const c of toAdd) myIds.set(keyOf(c), ctx.newId());

  let droppedLinks = 0;
  const ops: Operation[] = toAdd.map((c) => {
    const source = fileOf.get(c.vote.annotator);
    const theirs = c.vote.annotation;
    const links: string[] = [];
    for (const target of new Set(theirs.links)) {
      const t = byId.get(c.vote.annotator)?.get(target);
      const id = t && myIds.get(keyOf(t));
      if (id && !links.includes(id)) links.push(id);
      else if (!id) droppedLinks++;
    }
    const annotation: Annotation = {
      id: myIds.get(keyOf(c))!,
      tag: c.tag,
      spans: c.spans.map((s) => ({ ...s })),
      note: theirs.note,
      links,
      author: theirs.author,
      createdAt: ctx.at,
      updatedAt: ctx.at,
      origin: {
        kind: 'colleague',
        ...(source?.file ? { file: source.file } : {}),
        author: source?.author ?? theirs.author,
        originalId: theirs.id,
      },
    };
    return { type: 'add', annotation };
  });
  return { op: { type: 'batch', ops }, added: ops.length, droppedLinks };
}
