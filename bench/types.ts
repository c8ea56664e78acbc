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
  /**
   * The floor measured in the same run and the same browser (a plain-DOM render of the same
   * text, a key press that changes nothing): absolute times differ between machines, the
   * ratio to the floor does not.
   */
  floor?: { name: string; ms: number };
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

/** A browser row judged against its floor: met when `medianMs` ≤ floor × `maxRatio` (+ `plusMs`). */
export function floorRow(name: string, medianMs: number, runs: number, floor: { name: string; ms: number }, limit: { maxRatio?: number; plusMs?: number }, extra?: string): BenchRow {
  const bound = floor.ms * (limit.maxRatio ?? 1) + (limit.plusMs ?? 0);
  const target = limit.plusMs !== undefined ? `≤ floor + ${limit.plusMs} ms` : `≤ ${limit.maxRatio}× floor`;
  return { name, medianMs, runs, target, met: medianMs <= bound, floor, ...(extra ? { extra } : {}) };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
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
