import { comparePairs, isDisagreement, type Pair, type Pairing } from './pair';

/** The pairs a reviewer steps through with N / P, in document order. */
export function disagreements(pairing: Pairing): Pair[] {
  return pairing.pairs.filter(isDisagreement);
}

export interface StepOptions {
  /** Wrap from the last to the first (and back), like "next change" in editors. Default true. */
  wrap?: boolean;
  /** Pairs to pass over, e.g. those already decided. */
  skip?: (pair: Pair) => boolean;
}

/**
 * The next (or previous) pair after `from` in document order. `from` need not be in the
 * list — it may have just been decided and filtered out — so position is found by
 * comparing, not by index. No `from` starts at the top (or bottom).
 */
export function step(pairs: readonly Pair[], from: Pair | undefined, direction: 'next' | 'previous', options: StepOptions = {}): Pair | undefined {
  const { wrap = true, skip } = options;
  const n = pairs.length;
  if (n === 0) return undefined;
  // First index whose pair comes after `from` (or at it, going backwards).
  let lo = 0;
  let hi = n;
  while (from && lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = comparePairs(pairs[mid]!, from);
    if (direction === 'next' ? c <= 0 : c < 0) lo = mid + 1;
    else hi = mid;
  }
  const first = from ? (direction === 'next' ? lo : lo - 1) : direction === 'next' ? 0 : n - 1;
  const delta = direction === 'next' ? 1 : -1;
  for (let k = 0; k < n; k++) {
    let i = first + k * delta;
    if (i < 0 || i >= n) {
      if (!wrap) return undefined;
      i = ((i % n) + n) % n;
    }
    const p = pairs[i]!;
    if (p.id !== from?.id && !skip?.(p)) return p;
  }
  return undefined;
}
