/**
 * Edit distance from `pattern` to the closest prefix of `text` (the end of `text` is
 * free): how much of an expected context survives next to a candidate even when words
 * were inserted into or deleted from that context. Two rows; strings are ≤ ~64 units.
 */
export function prefixDistance(pattern: string, text: string): number {
  if (pattern.length === 0) return 0;
  let prev = new Uint32Array(text.length + 1);
  let cur = new Uint32Array(text.length + 1);
  // prev[j]: distance between pattern[0..i) and text[0..j)
  for (let j = 0; j <= text.length; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    cur[0] = i;
    const c = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j++) {
      const cost = c === text.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  let best = pattern.length;
  for (let j = 0; j <= text.length; j++) best = Math.min(best, prev[j]!);
  return best;
}

/** 1 when `text` starts with `pattern`, towards 0 as more of it must be edited. */
export function leadingSimilarity(pattern: string, text: string): number {
  if (pattern.length === 0) return 1;
  if (text.startsWith(pattern)) return 1;
  return Math.max(0, 1 - prefixDistance(pattern, text) / pattern.length);
}

export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Plain Levenshtein distance (two rows); used to compare a few candidate edges of one match. */
export function editDistance(a: string, b: string): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
