/**
 * Features of each token, as strings the perceptron weighs: the word and its neighbours,
 * shape, affixes, quotation-mark state, membership of the cue lexicon learned from training,
 * distance to the nearest lexicon cue, and position in the sentence.
 */
import type { Doc } from './tokenize';

/** Lowercased words that are often a cue in training, with how often (tier 2 ≥ 50 %, 1 ≥ 15 %). */
export type CueLexicon = ReadonlyMap<string, 1 | 2>;

const OPEN = new Set(['“', '«', '„', '``']);
const CLOSE = new Set(['”', '»', "''"]);
export const isQuoteMark = (t: string) => OPEN.has(t) || CLOSE.has(t) || t === '"';

export function shape(w: string): string {
  let s = '';
  for (const c of w) {
    const k = /\p{Lu}/u.test(c) ? 'X' : /\p{Ll}/u.test(c) ? 'x' : /\p{N}/u.test(c) ? 'd' : c;
    if (s[s.length - 1] !== k || s.length < 2 || s[s.length - 2] !== k) s += k;
  }
  return s.length > 6 ? s.slice(0, 6) : s;
}

/**
 * Inside-quotation state per token, per paragraph: 1 inside (marks included), 0 outside.
 * “ « „ `` open, ” » '' close, a straight " toggles; a quote open at paragraph end runs to it.
 */
export function quoteState(doc: Doc): { inside: Uint8Array; quoteId: Int32Array } {
  const n = doc.tokens.length;
  const inside = new Uint8Array(n);
  const quoteId = new Int32Array(n).fill(-1);
  let open = -1;
  let id = 0;
  for (let i = 0; i <= n; i++) {
    const newPara = i === n || (i > 0 && doc.paragraph[i] !== doc.paragraph[i - 1]);
    if (newPara && open !== -1) {
      for (let k = open; k < i; k++) {
        inside[k] = 1;
        quoteId[k] = id;
      }
      id++;
      open = -1;
    }
    if (i === n) break;
    const t = doc.tokens[i]!.text;
    if (open === -1 && (OPEN.has(t) || t === '"')) open = i;
    else if (open !== -1 && (CLOSE.has(t) || t === '"')) {
      for (let k = open; k <= i; k++) {
        inside[k] = 1;
        quoteId[k] = id;
      }
      id++;
      open = -1;
    }
  }
  return { inside, quoteId };
}

const bucket = (d: number) => (d <= 0 ? 'none' : d === 1 ? '1' : d === 2 ? '2' : d <= 4 ? '3-4' : d <= 8 ? '5-8' : d <= 16 ? '9-16' : 'far');

/** Every token's features. */
export function docFeatures(doc: Doc, lexicon: CueLexicon): string[][] {
  const toks = doc.tokens;
  const n = toks.length;
  const low = toks.map((t) => t.text.toLowerCase());
  const shapes = toks.map((t) => shape(t.text));
  const { inside, quoteId } = quoteState(doc);
  const cue = low.map((w) => lexicon.get(w) ?? 0);
  // Distance to the nearest strong lexicon cue left and right within the sentence.
  const left = new Int32Array(n);
  const right = new Int32Array(n);
  const commasLeft = new Int32Array(n);
  for (const [a, b] of doc.sentences) {
    let last = -1;
    let commas = 0;
    for (let i = a; i < b; i++) {
      left[i] = last === -1 ? 0 : i - last;
      commasLeft[i] = commas;
      if (cue[i] === 2) {
        last = i;
        commas = 0;
      }
      if (low[i] === ',') commas++;
    }
    last = -1;
    for (let i = b - 1; i >= a; i--) {
      right[i] = last === -1 ? 0 : last - i;
      if (cue[i] === 2) last = i;
    }
  }
  // A quotation with a lexicon cue within four tokens of either end is likely attributed.
  const attributedQuote = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (quoteId[i] === -1 || inside[i] === 0) continue;
    const q = quoteId[i]!;
    const endOfQuote = i + 1 >= n || quoteId[i + 1] !== q;
    const startOfQuote = i === 0 || quoteId[i - 1] !== q;
    if (endOfQuote) for (let k = i + 1; k <= i + 4 && k < n; k++) if (cue[k]) attributedQuote.add(q);
    if (startOfQuote) for (let k = i - 1; k >= i - 4 && k >= 0; k--) if (cue[k]) attributedQuote.add(q);
  }
  const w = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : low[i]!);
  const out: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = doc.sentence[i]!;
    const [a, b] = doc.sentences[s]!;
    const first = i === a;
    const last = i === b - 1;
    const wi = low[i]!;
    const q = inside[i] ? (attributedQuote.has(quoteId[i]!) ? 'qa' : 'q') : 'o';
    const p = i - 1 >= a ? low[i - 1]! : '<s>';
    const nx = i + 1 < b ? low[i + 1]! : '</s>';
    const rel = b - a > 1 ? Math.floor((4 * (i - a)) / (b - a)) : 0;
    const f = [
      'b',
      `w=${wi}`,
      `w-1=${p}`,
      `w+1=${nx}`,
      `w-2=${i - 2 >= a ? w(i - 2) : '<s>'}`,
      `w+2=${i + 2 < b ? w(i + 2) : '</s>'}`,
      `w-1w=${p}|${wi}`,
      `ww+1=${wi}|${nx}`,
      `sh=${shapes[i]}`,
      `sh-1=${i > a ? shapes[i - 1] : '<s>'}`,
      `sh+1=${i + 1 < b ? shapes[i + 1] : '</s>'}`,
      `p3=${wi.slice(0, 3)}`,
      `s3=${wi.slice(-3)}`,
      `s2=${wi.slice(-2)}`,
      `q=${q}`,
      `qw=${q}|${wi}`,
      `cue=${cue[i]}`,
      `cue-1=${i > 0 ? cue[i - 1] : 0}`,
      `cue+1=${i + 1 < n ? cue[i + 1] : 0}`,
      `cueL=${bucket(left[i]!)}`,
      `cueR=${bucket(right[i]!)}`,
      `cueLR=${bucket(left[i]!)}|${bucket(right[i]!)}|${q}`,
      `commaL=${Math.min(commasLeft[i]!, 2)}|${left[i] ? 1 : 0}`,
      `pos=${first ? 'F' : last ? 'L' : rel}`,
      `sent=${Math.min(s, 3)}`,
      `shq=${shapes[i]}|${q}`,
    ];
    if (first) f.push(`first=${wi}`);
    if (inside[i] && (i === 0 || quoteId[i - 1] !== quoteId[i])) f.push('qopen');
    if (inside[i] && (i + 1 >= n || quoteId[i + 1] !== quoteId[i])) f.push('qclose');
    out[i] = f;
  }
  return out;
}
