/**
 * From text to proposals: tokenise, tag sources and cues (one layer) and contents (another,
 * so a content may contain a nested attribution), then resolve: each content to its nearest
 * cue, each cue to its nearest source, and a quote split by its cue joined into one proposal.
 */
import type { Span } from '../model/types';
import { docFeatures, quoteState } from './features';
import type { Model } from './model';
import { allowedTransitions, emissions, marginals, spansOf, viterbi, type Layer } from './tagger';
import { paragraphs } from './train';
import { tokenize, type Doc } from './tokenize';
import type { Proposal, SuggestOptions } from './types';

/** Longer texts are read up to here: keeps any input within about two seconds. */
export const MAX_SUGGEST_CHARS = 600_000;

export interface Item {
  type: string;
  first: number;
  last: number;
  confidence: number;
}

export interface Tagged {
  doc: Doc;
  sources: Item[];
  cues: Item[];
  contents: Item[];
}

const allowedCache = new WeakMap<Layer, Uint8Array>();
function allowedFor(layer: Layer): Uint8Array {
  let a = allowedCache.get(layer);
  if (!a) allowedCache.set(layer, (a = allowedTransitions(layer.labels)));
  return a;
}

function tagLayer(model: Model, layer: Layer, feats: string[][], doc: Doc): Item[] {
  const L = layer.labels.length;
  const allowed = allowedFor(layer);
  const out: Item[] = [];
  for (const [a, b] of paragraphs(doc)) {
    const n = b - a;
    const em = emissions(layer, feats, a, b);
    const path = viterbi(em, n, L, layer.transitions, allowed);
    const m = marginals(em, n, L, layer.transitions, allowed, model.temperature);
    for (const s of spansOf(layer.labels, path, n)) {
      let conf = 0;
      for (let i = s.first; i <= s.last; i++) conf += m[i * L + path[i]!]!;
      out.push({ type: s.type, first: s.first + a, last: s.last + a, confidence: conf / (s.last - s.first + 1) });
    }
  }
  return out;
}

/** Grow contents to their sentence's edge when they stop just short of it. */
function snap(doc: Doc, items: Item[], model: Model): void {
  const { snapToSentenceEnd: e, snapToSentenceStart: s } = model.decoder;
  const word = (i: number) => /[\p{L}\p{N}]/u.test(doc.tokens[i]!.text);
  for (const it of items) {
    const [a, b] = doc.sentences[doc.sentence[it.last]!]!;
    if (e > 0) {
      let words = 0;
      for (let i = it.last + 1; i < b; i++) if (word(i)) words++;
      if (words > 0 && words <= e) it.last = b - 1;
    }
    const [a2] = doc.sentences[doc.sentence[it.first]!]!;
    if (s > 0) {
      let words = 0;
      for (let i = a2; i < it.first; i++) if (word(i)) words++;
      if (words > 0 && words <= s) it.first = a2;
    }
    void a;
  }
}

/** A content the tagger broke in two ("… the U.S. [gap] intelligence …") is one content. */
function merge(doc: Doc, contents: Item[], cues: Item[], maxGap: number): Item[] {
  if (maxGap <= 0) return contents;
  const out: Item[] = [];
  for (const c of contents) {
    const prev = out[out.length - 1];
    if (prev && c.first - prev.last - 1 <= maxGap && doc.paragraph[c.first] === doc.paragraph[prev.last] && !cues.some((q) => q.first > prev.last && q.last < c.first)) {
      const n1 = prev.last - prev.first + 1;
      const n2 = c.last - c.first + 1;
      prev.confidence = (prev.confidence * n1 + c.confidence * n2) / (n1 + n2);
      prev.last = c.last;
    } else out.push({ ...c });
  }
  return out;
}

export function tag(model: Model, text: string): Tagged {
  const doc = tokenize(text.length > MAX_SUGGEST_CHARS ? text.slice(0, MAX_SUGGEST_CHARS) : text);
  const feats = docFeatures(doc, model.lexicon);
  const roles = tagLayer(model, model.roles, feats, doc);
  const contents = tagLayer(model, model.content, feats, doc);
  const cues = roles.filter((r) => r.type === 'C');
  snap(doc, contents, model);
  return { doc, sources: roles.filter((r) => r.type === 'S'), cues, contents: merge(doc, contents, cues, model.decoder.mergeGap) };
}

const gap = (x: Item, y: Item) => (x.last < y.first ? y.first - x.last : x.first > y.last ? x.first - y.last : 0);

interface Link {
  content: Item[];
  cue?: number;
}

/** Which cue each content belongs to, and which source each cue has. */
export function resolve(t: Tagged, model: Model): { links: Link[]; sourceOf: Map<number, number>; orphanSources: number[] } {
  const { doc } = t;
  const para = (i: Item) => doc.paragraph[i.first];
  const links: Link[] = [];
  for (const c of t.contents) {
    let best = -1;
    let bestD = Infinity;
    t.cues.forEach((q, k) => {
      if (para(q) !== para(c) || (q.first >= c.first && q.last <= c.last)) return;
      const d = gap(q, c) + (q.first > c.last ? 0 : 0.5); // a tie goes to the cue after
      if (d <= model.decoder.maxCueDistance && d < bestD) {
        bestD = d;
        best = k;
      }
    });
    const prev = links[links.length - 1];
    const cue = t.cues[best];
    // “We will win,” he said, “and win big.”: one content in two fragments.
    if (model.decoder.joinSplitContents && prev && best !== -1 && prev.cue === best && cue && prev.content[prev.content.length - 1]!.last < cue.first && cue.last < c.first) {
      prev.content.push(c);
      continue;
    }
    links.push({ content: [c], ...(best !== -1 ? { cue: best } : {}) });
  }
  const sourceOf = new Map<number, number>();
  const orphanSources: number[] = [];
  const distOf = new Map<number, number>();
  t.sources.forEach((s, k) => {
    let best = -1;
    let bestD = Infinity;
    t.cues.forEach((q, j) => {
      if (doc.sentence[q.first] !== doc.sentence[s.first] && doc.sentence[q.first] !== doc.sentence[s.last]) return;
      const d = gap(q, s);
      if (d <= model.decoder.maxSourceDistance && d < bestD) {
        bestD = d;
        best = j;
      }
    });
    if (best === -1) orphanSources.push(k);
    else if (!sourceOf.has(best) || distOf.get(best)! > bestD) {
      if (sourceOf.has(best)) orphanSources.push(sourceOf.get(best)!);
      sourceOf.set(best, k);
      distOf.set(best, bestD);
    } else orphanSources.push(k);
  });
  return { links, sourceOf, orphanSources };
}

const spanOf = (doc: Doc, i: Item): Span => ({ start: doc.tokens[i.first]!.start, end: doc.tokens[i.last]!.end });

/** Every proposal for a text, keys in document order. */
export function propose(model: Model, text: string, options: SuggestOptions = {}): Proposal[] {
  const t = tag(model, text);
  const { doc } = t;
  const { links, sourceOf, orphanSources } = resolve(t, model);
  const { inside } = quoteState(doc);
  type Draft = Omit<Proposal, 'key' | 'attributionKey'> & { cueIndex?: number; ownCue?: number };
  const drafts: Draft[] = [];
  t.cues.forEach((q, k) => {
    const src = sourceOf.get(k);
    const parts: { span: Span; role: 'source' | 'cue'; conf: number; n: number }[] = [{ span: spanOf(doc, q), role: 'cue', conf: q.confidence, n: q.last - q.first + 1 }];
    if (src !== undefined) {
      const s = t.sources[src]!;
      parts.push({ span: spanOf(doc, s), role: 'source', conf: s.confidence, n: s.last - s.first + 1 });
    }
    parts.sort((a, b) => a.span.start - b.span.start);
    const n = parts.reduce((x, p) => x + p.n, 0);
    drafts.push({ tag: 'attribution', spans: parts.map((p) => p.span), roles: parts.map((p) => p.role), confidence: parts.reduce((x, p) => x + p.conf * p.n, 0) / n, ownCue: k });
  });
  for (const k of orphanSources) {
    const s = t.sources[k]!;
    drafts.push({ tag: 'attribution', spans: [spanOf(doc, s)], roles: ['source'], confidence: s.confidence });
  }
  for (const link of links) {
    let words = 0;
    let quoted = 0;
    let conf = 0;
    let n = 0;
    for (const c of link.content) {
      for (let i = c.first; i <= c.last; i++) {
        if (!/[\p{L}\p{N}]/u.test(doc.tokens[i]!.text)) continue;
        words++;
        quoted += inside[i]!;
      }
      conf += c.confidence * (c.last - c.first + 1);
      n += c.last - c.first + 1;
    }
    drafts.push({
      tag: words > 0 && quoted * 2 >= words ? 'quote' : 'claim',
      spans: link.content.map((c) => spanOf(doc, c)),
      confidence: conf / n,
      ...(link.cue !== undefined ? { cueIndex: link.cue } : {}),
    });
  }
  const min = options.minConfidence ?? 0;
  const kept = drafts.filter((d) => d.confidence >= min).sort((a, b) => a.spans[0]!.start - b.spans[0]!.start || (a.tag === 'attribution' ? 1 : -1));
  const keyOfCue = new Map<number, string>();
  kept.forEach((d, i) => {
    if (d.ownCue !== undefined) keyOfCue.set(d.ownCue, `p${i + 1}`);
  });
  return kept.map((d, i) => {
    const { cueIndex, ownCue, ...rest } = d;
    void ownCue;
    const key = cueIndex !== undefined ? keyOfCue.get(cueIndex) : undefined;
    return { key: `p${i + 1}`, ...rest, confidence: Math.round(rest.confidence * 1000) / 1000, ...(key ? { attributionKey: key } : {}) };
  });
}
