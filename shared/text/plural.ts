/** "1 annotation", "2 annotations", "1,204 files": the count with its word, in one place. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
