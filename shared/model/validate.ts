import type { Problem } from '../issues';
import { spansProblem } from './spans';
import type { Annotation } from './types';

/**
 * Checks that a set of annotations fits its text and itself: ids unique, spans sorted,
 * apart and inside the text, and every link pointing at an annotation that exists.
 */
export function annotationProblems(textLength: number, annotations: readonly Annotation[], at = '$.annotations'): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  for (const [i, a] of annotations.entries()) {
    if (ids.has(a.id)) problems.push({ where: `${at}[${i}].id`, message: `duplicate id ${a.id}` });
    ids.add(a.id);
    const spanProblem = spansProblem(a.spans, textLength);
    if (spanProblem) problems.push({ where: `${at}[${i}]`, message: spanProblem });
  }
  for (const [i, a] of annotations.entries()) {
    for (const [j, link] of a.links.entries()) {
      if (link === a.id) problems.push({ where: `${at}[${i}].links[${j}]`, message: 'an annotation cannot link to itself' });
      else if (!ids.has(link)) problems.push({ where: `${at}[${i}].links[${j}]`, message: `links to ${link}, which does not exist` });
    }
  }
  return problems;
}
