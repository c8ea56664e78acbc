import { capProblems, moreLine, PROBLEM_CAP } from './problem-cap';

/** Turn zod issues into lines that say where (a JSON path) and what was expected. */
export interface Problem {
  /** JSON path such as `$.annotations[3].spans[0].end`, or `line 12` for text formats. */
  where: string;
  message: string;
  /** The offending line with a caret under the place, when there is one to show. */
  excerpt?: string;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function zodProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Problem[] {
  return issues.map((i) => ({ where: jsonPath(i.path), message: i.message }));
}

/** A problem about the whole file (where `$`) reads as a sentence, not "$: …". */
function problemLine(p: Problem): string {
  if (p.where !== '$') return `${p.where}: ${p.message}`;
  const m = p.message.charAt(0).toUpperCase() + p.message.slice(1);
  return /[.?!)]$/.test(m) ? m : `${m}.`;
}

/** One line per problem (its excerpt indented below it), the first `limit` of them. */
export function formatProblems(problems: readonly Problem[], limit = PROBLEM_CAP): string {
  const { shown, more } = capProblems(problems, false, limit);
  const lines = shown.map((p) => `${problemLine(p)}${p.excerpt ? `\n${indent(p.excerpt, '    ')}` : ''}`);
  if (more) lines.push(moreLine(more));
  return lines.join('\n');
}

export function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}
