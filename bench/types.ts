/** One row of the `npm run bench` table. */
export interface BenchRow {
  /** What was measured, e.g. "export 10,000 annotations (Newsmark JSON)". */
  name: string;
  /** Median of `runs` runs, in milliseconds. */
  medianMs: number;
  runs: number;
  /** The target from the issue, e.g. "≤ 200 ms". */
  target?: string;
  /** true when the median meets the target. */
  met?: boolean;
  /** Other measured values worth printing (heap MB, counts). */
  extra?: string;
}

/** Run `fn` `runs` times (after one warm-up) and return the median time in ms. */
export async function medianOf(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}

export function row(name: string, medianMs: number, runs: number, targetMs?: number, extra?: string): BenchRow {
  return {
    name,
    medianMs,
    runs,
    ...(targetMs !== undefined ? { target: `≤ ${targetMs} ms`, met: medianMs <= targetMs } : {}),
    ...(extra ? { extra } : {}),
  };
}
