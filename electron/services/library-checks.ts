import { z } from 'zod';
import { cleanSource, detailsProblems } from '../../shared/article/source';
import { zodProblems, type Problem } from '../../shared/issues';
import { Annotation, ArticleSource } from '../../shared/model/types';
import { annotationProblems } from '../../shared/model/validate';

/** What is checked before the library stores a new or changed article. */

/** An id that can name a file on every system: what randomUUID gives, and the like. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

const under = (prefix: string) => (p: Problem) => ({ ...p, where: p.where.replace(/^\$/, prefix) });

/**
 * Why a new article cannot be stored: its source (lengths) and the annotations that come
 * with it (schema, ids, spans inside `text`, links), each problem located.
 */
export function createProblems(givenText: string, text: string, source: ArticleSource, annotations: readonly Annotation[]): Problem[] {
  const problems: Problem[] = [];
  const checkedSource = ArticleSource.safeParse(source);
  if (!checkedSource.success) problems.push(...zodProblems(checkedSource.error.issues).map(under('$.source')));
  if (annotations.length === 0) return problems;
  if (text !== givenText) {
    problems.push({ where: '$.text', message: 'has CR line ends; annotations need the text with LF line ends, as the library stores it' });
    return problems;
  }
  const checked = z.array(Annotation).safeParse(annotations);
  if (!checked.success) return [...problems, ...zodProblems(checked.error.issues).map(under('$.annotations'))];
  return [...problems, ...annotationProblems(text.length, annotations)];
}

/**
 * An edit of the title and source (the info panel): the cleaned source, and the problems
 * of what the edit changes. Fields left as they were are not judged again, so an odd value
 * an import brought in does not block saving another field.
 */
export function editedDetails(before: ArticleSource, title: string | undefined, source: ArticleSource | undefined): { source: ArticleSource | undefined; problems: Problem[] } {
  const cleaned = source !== undefined ? cleanSource(source) : undefined;
  const changed: ArticleSource = {};
  for (const key of ['outlet', 'url', 'byline', 'published'] as const) {
    if (cleaned?.[key] !== undefined && cleaned[key] !== before[key]) changed[key] = cleaned[key];
  }
  return { source: cleaned, problems: detailsProblems({ ...(title !== undefined ? { title } : {}), source: changed }) };
}
