/**
 * A first-order linear-chain tagger: emission weights per feature and label, transition
 * weights per label pair, Viterbi decoding with BIO constraints (I-x only after B-x or I-x),
 * and forward–backward marginals for confidence.
 */
export interface Layer {
  /** "O", then "B-x", "I-x" pairs. */
  labels: readonly string[];
  /** Row of each feature in `weights` (shared by the layers of one model). */
  index: ReadonlyMap<string, number>;
  /** rows × labels weights. */
  weights: ArrayLike<number>;
  /** (labels + 1) × labels: row `labels.length` is the start of a sequence. */
  transitions: ArrayLike<number>;
}

/** Which transitions BIO allows: allowed[prev * L + cur]; prev = L is the start. */
export function allowedTransitions(labels: readonly string[]): Uint8Array {
  const L = labels.length;
  const ok = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let c = 0; c < L; c++) {
      const cur = labels[c]!;
      if (!cur.startsWith('I-')) ok[p * L + c] = 1;
      else if (p < L && labels[p]!.slice(2) === cur.slice(2) && labels[p] !== 'O') ok[p * L + c] = 1;
    }
  }
  return ok;
}

export function emissions(layer: Layer, feats: readonly (readonly string[])[], from = 0, to = feats.length): Float64Array {
  const L = layer.labels.length;
  const em = new Float64Array((to - from) * L);
  for (let i = from; i < to; i++) {
    const o = (i - from) * L;
    for (const f of feats[i] ?? []) {
      const row = layer.index.get(f);
      if (row === undefined) continue;
      const base = row * L;
      for (let l = 0; l < L; l++) em[o + l] = em[o + l]! + layer.weights[base + l]!;
    }
  }
  return em;
}

const NEG = -1e30;

/** Best label sequence for emission scores `em` (n × L). */
export function viterbi(em: ArrayLike<number>, n: number, L: number, trans: ArrayLike<number>, allowed: Uint8Array): Int32Array {
  const out = new Int32Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let c = 0; c < L; c++) score[c] = allowed[L * L + c] ? trans[L * L + c]! + em[c]! : NEG;
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < L; c++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed[p * L + c]) continue;
        const s = score[(i - 1) * L + p]! + trans[p * L + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + c] = best + em[i * L + c]!;
      back[i * L + c] = arg;
    }
  }
  let best = NEG;
  for (let c = 0; c < L; c++) {
    if (score[(n - 1) * L + c]! > best) {
      best = score[(n - 1) * L + c]!;
      out[n - 1] = c;
    }
  }
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]!]!;
  return out;
}

/** Per-token label marginals (n × L) of the scores scaled by 1/temperature. */
export function marginals(em: ArrayLike<number>, n: number, L: number, trans: ArrayLike<number>, allowed: Uint8Array, temperature: number): Float64Array {
  const m = new Float64Array(n * L);
  if (n === 0) return m;
  const t = 1 / temperature;
  const alpha = new Float64Array(n * L);
  const beta = new Float64Array(n * L);
  const xs = new Float64Array(L);
  let k = 0;
  const lse = () => {
    let mx = NEG;
    for (let j = 0; j < k; j++) if (xs[j]! > mx) mx = xs[j]!;
    if (mx <= NEG) return NEG;
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(xs[j]! - mx);
    return mx + Math.log(s);
  };
  for (let c = 0; c < L; c++) alpha[c] = allowed[L * L + c] ? t * (trans[L * L + c]! + em[c]!) : NEG;
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < L; c++) {
      k = 0;
      for (let p = 0; p < L; p++) if (allowed[p * L + c]) xs[k++] = alpha[(i - 1) * L + p]! + t * trans[p * L + c]!;
      alpha[i * L + c] = lse() + t * em[i * L + c]!;
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < L; p++) {
      k = 0;
      for (let c = 0; c < L; c++) if (allowed[p * L + c]) xs[k++] = beta[(i + 1) * L + c]! + t * (trans[p * L + c]! + em[(i + 1) * L + c]!);
      beta[i * L + p] = lse();
    }
  }
  k = 0;
  for (let c = 0; c < L; c++) xs[k++] = alpha[(n - 1) * L + c]!;
  const z = lse();
  for (let j = 0; j < n * L; j++) m[j] = alpha[j]! <= NEG ? 0 : Math.exp(alpha[j]! + beta[j]! - z);
  return m;
}

/** Token ranges [first, last] of each labelled span, with its type ("S", "C", "T"). */
export function spansOf(labels: readonly string[], path: ArrayLike<number>, n: number): { type: string; first: number; last: number }[] {
  const out: { type: string; first: number; last: number }[] = [];
  for (let i = 0; i < n; i++) {
    const l = labels[path[i]!]!;
    if (l === 'O') continue;
    const type = l.slice(2);
    const prev = out[out.length - 1];
    if (l.startsWith('I-') && prev && prev.last === i - 1 && prev.type === type) prev.last = i;
    else out.push({ type, first: i, last: i });
  }
  return out;
}
