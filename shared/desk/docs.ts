import { z } from 'zod';
import { textHash } from '../hash';
import { formatProblems, zodProblems, type Problem } from '../issues';
import { Annotation, Article, Author } from '../model/types';
import { annotationProblems } from '../model/validate';

/**
 * The documents a desk database holds. Every document has one writer, named by `owner` (the
 * desk user name, which the server's validate_doc_update checks): the shared article, and
 * one document per annotation, so two editors never write the same document.
 *
 *   article:<articleId>                  the article text, with its textHash
 *   ann:<articleId>:<annotationId>       one annotation, owned by its author
 */
export const DESK_DOC_VERSION = 1;
/** A desk document larger than this (as JSON) is refused: an article is at most 5 MB of text. */
export const MAX_DESK_DOC_CHARS = 12_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const Rev = z.string().max(200);
const DocBase = {
  _rev: Rev.optional(),
  _conflicts: z.array(Rev).max(10_000).optional(),
  _revisions: z.unknown().optional(),
  owner: z.string().min(1).max(200),
  v: z.literal(DESK_DOC_VERSION),
};

export const ArticleDoc = z
  .object({ ...DocBase, _id: z.string().regex(/^article:[^:]+$/).max(220), type: z.literal('article'), sharedBy: Author, sharedAt: z.string().max(64), article: Article })
  .strict();
export type ArticleDoc = z.infer<typeof ArticleDoc>;

export const AnnotationDoc = z
  .object({ ...DocBase, _id: z.string().regex(/^ann:[^:]+:[^:]+$/).max(420), type: z.literal('annotation'), articleId: z.string().min(1).max(200), annotation: Annotation })
  .strict();
export type AnnotationDoc = z.infer<typeof AnnotationDoc>;

export const DeskDoc = z.discriminatedUnion('type', [ArticleDoc, AnnotationDoc]);
export type DeskDoc = z.infer<typeof DeskDoc>;

export const articleDocId = (articleId: string) => `article:${articleId}`;
export const annotationDocId = (articleId: string, annotationId: string) => `ann:${articleId}:${annotationId}`;

/** `__proto__`, `constructor` or `prototype` anywhere in the document, as a JSON path. */
function forbiddenKeyAt(value: unknown, at = '$', depth = 0): string | undefined {
  if (depth > 64) return at;
  if (value === null || typeof value !== 'object') return undefined;
  // A `__proto__` key that some copy assigned instead of defining leaves its mark here.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return `${at}.__proto__`;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `${at}.${key}`;
    const found = forbiddenKeyAt((value as Record<string, unknown>)[key], `${at}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export type Checked = { ok: true; doc: DeskDoc } | { ok: false; problems: Problem[] };

/**
 * Everything a desk document must be before Newsmark lets it in. `articleText` is the text of
 * the article an annotation belongs to (spans are checked against it), when it is known.
 * Refusals name the document and the JSON path.
 */
export async function checkDeskDoc(raw: unknown, articleText?: (articleId: string) => string | undefined): Promise<Checked> {
  const refuse = (where: string, message: string): Checked => ({ ok: false, problems: [{ where, message }] });
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return refuse('$', 'is not JSON');
  }
  if (size > MAX_DESK_DOC_CHARS) return refuse('$', `is ${size} characters long; at most ${MAX_DESK_DOC_CHARS} are accepted`);
  const hostile = forbiddenKeyAt(raw);
  if (hostile) return refuse(hostile, 'is a forbidden key');
  const parsed = DeskDoc.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues) };
  const doc = parsed.data;
  if (doc.type === 'article') {
    if (doc._id !== articleDocId(doc.article.id)) return refuse('$._id', `is ${doc._id}, but the article's id is ${doc.article.id}`);
    const hash = await textHash(doc.article.text);
    if (hash !== doc.article.textHash) return refuse('$.article.textHash', `is ${doc.article.textHash}, but the text's sha256 is ${hash}`);
    return { ok: true, doc };
  }
  const a = doc.annotation;
  if (doc._id !== annotationDocId(doc.articleId, a.id)) return refuse('$._id', `is ${doc._id}, but the annotation is ${a.id} on article ${doc.articleId}`);
  const text = articleText?.(doc.articleId);
  if (text !== undefined) {
    // Links point at annotations in other documents: only the spans are checked here.
    const problems = annotationProblems(text.length, [{ ...a, links: [] }], '$.annotation');
    if (problems.length) return { ok: false, problems: problems.map((p) => ({ ...p, where: p.where.replace('$.annotation[0]', '$.annotation') })) };
  }
  return { ok: true, doc };
}

export function describeRefusal(id: string, problems: Problem[]): string {
  return `${id}: ${formatProblems(problems, 3)}`;
}
