/** Turn zod issues into lines that say where (a JSON path) and what was expected. */
export interface Problem {
  /** JSON path such as `$.annotations[3].spans[0].end`, or `line 12` for text formats. */
  where: string;
  message: string;
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

export function formatProblems(problems: readonly Problem[], limit = 20): string {
  const lines = problems.slice(0, limit).map(problemLine);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more`);
  return lines.join('\n');
}
