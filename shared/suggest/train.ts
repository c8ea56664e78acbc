/**
 * Training: an averaged structured perceptron per layer (source/cue, content), seeded and
 * deterministic. Pure TypeScript; scripts/train-suggest.ts reads the corpus and writes the file.
 */
import { prng } from '../prng';
import { docFeatures, type CueLexicon } from './features';
import type { Annotated } from './gold';
import { CONTENT_LABELS, DEFAULT_DECODER, MODEL_FORMAT, MODEL_FORMAT_VERSION, ROLE_LABELS, type DecoderOptions, type LayerJson, type ModelJson } from './model';
import { trimSpan } from './score';
import { allowedTransitions, viterbi } from './tagger';
import { tokenize, type Doc } from './tokenize';

export interface TrainDoc {
  text: string;
  gold: Annotated;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features whose weights are all below this are dropped from the file. */
  prune: number;
  /** Features seen fewer times than this in training are not learnt at all. */
  minCount: number;
  scale: number;
  version: string;
  decoder?: DecoderOptions;
  log?: (line: string) => void;
}

/** Lowercased words that are inside a Cue span often enough (tier 2 ≥ 30 %, tier 1 ≥ 5 %). */
export function learnLexicon(docs: readonly { doc: Doc; gold: Annotated }[]): Map<string, 1 | 2> {
  const seen = new Map<string, [number, number]>();
  for (const { doc, gold } of docs) {
    const inCue = labelTokens(doc, gold.spans.cue.flat(), doc.text);
    doc.tokens.forEach((t, i) => {
      const w = t.text.toLowerCase();
      const c = seen.get(w) ?? [0, 0];
      c[0] += inCue[i]! ? 1 : 0;
      c[1]++;
      seen.set(w, c);
    });
  }
  const lex = new Map<string, 1 | 2>();
  for (const [w, [cue, all]] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (cue < 3 || !/\p{L}/u.test(w)) continue;
    if (cue / all >= 0.3) lex.set(w, 2);
    else if (cue / all >= 0.05) lex.set(w, 1);
  }
  return lex;
}

/** For each token, 1 + index of the first span that covers it (0 = none); B where a span starts. */
function labelTokens(doc: Doc, spans: readonly { start: number; end: number }[], text: string): Int32Array {
  const out = new Int32Array(doc.tokens.length);
  const trimmed = spans.map((s) => trimSpan(text, s));
  // Longest first, so an outer content keeps its tokens and a nested one is left out.
  const order = trimmed.map((_, i) => i).sort((a, b) => trimmed[b]!.end - trimmed[b]!.start - (trimmed[a]!.end - trimmed[a]!.start) || a - b);
  for (const k of order) {
    const s = trimmed[k]!;
    let free = true;
    const hits: number[] = [];
    for (let i = 0; i < doc.tokens.length; i++) {
      const t = doc.tokens[i]!;
      if (t.end <= s.start) continue;
      if (t.start >= s.end) break;
      if (out[i]) free = false;
      hits.push(i);
    }
    if (!free) continue;
    for (const i of hits) out[i] = k + 1;
  }
  return out;
}

/** Gold BIO label indices of both layers. */
export function goldLabels(doc: Doc, gold: Annotated): { roles: Int32Array; content: Int32Array } {
  const n = doc.tokens.length;
  const roles = new Int32Array(n);
  const content = new Int32Array(n);
  const src = labelTokens(doc, gold.spans.source.flat(), doc.text);
  const cue = labelTokens(doc, gold.spans.cue.flat(), doc.text);
  const con = labelTokens(doc, gold.spans.content.flat(), doc.text);
  for (let i = 0; i < n; i++) {
    const begins = (a: Int32Array) => a[i]! && (i === 0 || a[i - 1] !== a[i] || doc.paragraph[i - 1] !== doc.paragraph[i]);
    if (cue[i]) roles[i] = begins(cue) ? 3 : 4;
    else if (src[i]) roles[i] = begins(src) ? 1 : 2;
    if (con[i]) content[i] = begins(con) ? 1 : 2;
  }
  return { roles, content };
}

interface Seq {
  ids: Int32Array;
  offs: Int32Array;
  gold: Int32Array;
}

/** Paragraphs: the sequences Viterbi runs over. */
export function paragraphs(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  for (let i = 1; i <= doc.tokens.length; i++) {
    if (i === doc.tokens.length || doc.paragraph[i] !== doc.paragraph[i - 1]) {
      if (i > a) out.push([a, i]);
      a = i;
    }
  }
  return out;
}

const add = (a: Float64Array, k: number, v: number) => {
  a[k] = a[k]! + v;
};

function trainLayer(seqs: readonly Seq[], labels: readonly string[], nFeat: number, epochs: number, seed: number, log: (l: string) => void, name: string) {
  const L = labels.length;
  const allowed = allowedTransitions(labels);
  const w = new Float64Array(nFeat * L);
  const u = new Float64Array(nFeat * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  let c = 1;
  const rand = prng(seed);
  const order = seqs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    for (const k of order) {
      const s = seqs[k]!;
      const n = s.gold.length;
      const em = new Float64Array(n * L);
      for (let i = 0; i < n; i++) {
        for (let f = s.offs[i]!; f < s.offs[i + 1]!; f++) {
          const base = s.ids[f]! * L;
          for (let l = 0; l < L; l++) add(em, i * L + l, w[base + l]!);
        }
      }
      const path = viterbi(em, n, L, tw, allowed);
      total += n;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i]!;
        const p = path[i]!;
        const gp = i ? s.gold[i - 1]! : L;
        const pp = i ? path[i - 1]! : L;
        if (g !== p) {
          errors++;
          for (let f = s.offs[i]!; f < s.offs[i + 1]!; f++) {
            const base = s.ids[f]! * L;
            add(w, base + g, 1);
            add(u, base + g, c);
            add(w, base + p, -1);
            add(u, base + p, -c);
          }
        }
        if (g !== p || gp !== pp) {
          add(tw, gp * L + g, 1);
          add(tu, gp * L + g, c);
          add(tw, pp * L + p, -1);
          add(tu, pp * L + p, -c);
        }
      }
      c++;
    }
    log(`  ${name} epoch ${epoch + 1}/${epochs}: ${((100 * errors) / Math.max(total, 1)).toFixed(2)} % tokens wrong`);
  }
  for (let k = 0; k < w.length; k++) w[k] = w[k]! - u[k]! / c;
  for (let k = 0; k < tw.length; k++) tw[k] = tw[k]! - tu[k]! / c;
  return { w, tw };
}

function layerJson(labels: readonly string[], keep: readonly number[], w: Float64Array, tw: Float64Array, scale: number): LayerJson {
  const L = labels.length;
  const weights: number[] = [];
  for (const f of keep) for (let l = 0; l < L; l++) weights.push(Math.round(w[f * L + l]! * scale));
  return { labels: [...labels], transitions: Array.from(tw, (x) => Math.round(x * scale)), weights };
}

/** Features whose quantised weights are all below `prune` in both layers are left out. */
function kept(names: readonly string[], layers: { w: Float64Array; L: number }[], prune: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < names.length; f++) {
    if (layers.some(({ w, L }) => Array.from(w.subarray(f * L, f * L + L)).some((x) => Math.abs(x) >= prune))) out.push(f);
  }
  return out;
}

export interface Prepared {
  doc: Doc;
  gold: Annotated;
}

export function prepare(docs: readonly TrainDoc[]): Prepared[] {
  return docs.map((d) => ({ doc: tokenize(d.text), gold: d.gold }));
}

export function trainModel(docs: readonly Prepared[], options: TrainOptions): ModelJson {
  const log = options.log ?? (() => {});
  const lexicon: CueLexicon = learnLexicon(docs);
  log(`cue lexicon: ${lexicon.size} words`);
  const counts = new Map<string, number>();
  for (const { doc } of docs) for (const fs of docFeatures(doc, lexicon)) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  const names: string[] = [];
  const roleSeqs: Seq[] = [];
  const contentSeqs: Seq[] = [];
  for (const { doc, gold } of docs) {
    const feats = docFeatures(doc, lexicon);
    const labels = goldLabels(doc, gold);
    for (const [a, b] of paragraphs(doc)) {
      const offs = new Int32Array(b - a + 1);
      const ids: number[] = [];
      for (let i = a; i < b; i++) {
        for (const f of feats[i]!) {
          if (counts.get(f)! < options.minCount) continue;
          let id = index.get(f);
          if (id === undefined) {
            id = names.length;
            index.set(f, id);
            names.push(f);
          }
          ids.push(id);
        }
        offs[i - a + 1] = ids.length;
      }
      const idArr = Int32Array.from(ids);
      roleSeqs.push({ ids: idArr, offs, gold: labels.roles.slice(a, b) });
      contentSeqs.push({ ids: idArr, offs, gold: labels.content.slice(a, b) });
    }
  }
  log(`${docs.length} documents, ${roleSeqs.length} paragraphs, ${names.length} features`);
  const roles = trainLayer(roleSeqs, ROLE_LABELS, names.length, options.epochs, options.seed, log, 'source/cue');
  const content = trainLayer(contentSeqs, CONTENT_LABELS, names.length, options.epochs, options.seed + 1, log, 'content');
  const keep = kept(names, [{ w: roles.w, L: ROLE_LABELS.length }, { w: content.w, L: CONTENT_LABELS.length }], options.prune);
  log(`${keep.length} features kept in the file`);
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    version: options.version,
    scale: options.scale,
    temperature: 1,
    lexicon: Object.fromEntries(lexicon),
    decoder: options.decoder ?? DEFAULT_DECODER,
    features: keep.map((f) => names[f]!),
    layers: {
      roles: layerJson(ROLE_LABELS, keep, roles.w, roles.tw, options.scale),
      content: layerJson(CONTENT_LABELS, keep, content.w, content.tw, options.scale),
    },
  };
}
