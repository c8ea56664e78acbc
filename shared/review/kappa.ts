/**
 * Chance-corrected agreement over items that each get one categorical label (codes
 * 0..k-1). Both kappas are (observed − expected) / (1 − expected). When expected agreement
 * is 1 — every rater used one and the same label throughout, or there are no items — the
 * formula is 0/0; we define it as 1, since the ratings are identical. (Raters that are
 * constant with *different* labels get expected 0, observed 0, kappa 0 from the formula.)
 */

/** Cohen's kappa of two raters over the same items. Symmetric in a and b. */
export function cohenKappa(a: Uint8Array, b: Uint8Array, categories: number): number {
  if (a.length !== b.length) throw new RangeError(`rater lengths differ: ${a.length} vs ${b.length}`);
  const n = a.length;
  if (n === 0) return 1;
  const ca = new Float64Array(categories);
  const cb = new Float64Array(categories);
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    ca[x]!++;
    cb[y]!++;
    if (x === y) agree++;
  }
  let expected = 0;
  for (let k = 0; k < categories; k++) expected += ca[k]! * cb[k]!;
  // In integer counts until here so a file against itself gives exactly 1.
  return kappaFrom(agree * n, expected, n * n);
}

/** (po − pe) / (1 − pe) with po = observed/scale, pe = expected/scale, computed without dividing early. */
function kappaFrom(observed: number, expected: number, scale: number): number {
  if (expected === scale) return 1;
  return (observed - expected) / (scale - expected);
}

/**
 * Fleiss' kappa of `raters.length` ≥ 2 raters over the same items (every item rated by all).
 * P_i = (Σ_j n_ij² − r) / (r(r − 1)), P̄ = mean P_i, p_j = Σ_i n_ij / (N r), P̄e = Σ_j p_j².
 */
export function fleissKappa(raters: readonly Uint8Array[], categories: number): number {
  const r = raters.length;
  if (r < 2) throw new RangeError('Fleiss kappa needs at least two raters');
  const n = raters[0]!.length;
  for (const x of raters) if (x.length !== n) throw new RangeError('raters rated different numbers of items');
  if (n === 0) return 1;
  const totals = new Float64Array(categories);
  const counts = new Int32Array(categories);
  let sumSquares = 0; // Σ_i Σ_j n_ij²
  for (let i = 0; i < n; i++) {
    counts.fill(0);
    for (const x of raters) counts[x[i]!]!++;
    for (let k = 0; k < categories; k++) {
      const c = counts[k]!;
      sumSquares += c * c;
      totals[k]! += c;
    }
  }
  const pBar = (sumSquares - n * r) / (n * r * (r - 1));
  // pe = Σ_k totals_k² / (N r)²; kept as integers so identical raters give exactly 1.
  let sumTotalsSq = 0;
  for (let k = 0; k < categories; k++) sumTotalsSq += totals[k]! * totals[k]!;
  const scale = n * r * (n * r);
  return kappaFrom(pBar * scale, sumTotalsSq, scale);
}
