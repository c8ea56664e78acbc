/**
 * How many problems a report lists before "… and N more". One broken file can produce
 * thousands; the first few are what a person reads, and the rest stay one step away
 * (`--all` on the command line, "Show all" in the app).
 */
export const PROBLEM_CAP = 20;

export function capProblems<T>(problems: readonly T[], all = false, cap = PROBLEM_CAP): { shown: readonly T[]; more: number } {
  if (all || problems.length <= cap) return { shown: problems, more: 0 };
  return { shown: problems.slice(0, cap), more: problems.length - cap };
}

export function moreLine(more: number): string {
  return `… and ${more.toLocaleString('en-US')} more`;
}
