import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBrat } from '../../../shared/formats/brat';
import { TAGS, type Annotation, type Tag } from '../../../shared/model/types';
import { consensus, groupSpans } from '../../../shared/review/curation';
import { spansKey } from '../../../shared/review/intervals';
import { agreement, multiAgreement } from '../../../shared/review/metrics';
import { pairAnnotations } from '../../../shared/review/pair';
import { tokenize } from '../../../shared/review/tokens';
import { POLNEAR } from '../../corpus/paths';

/**
 * Real colleagues: PolNeAR articles annotated independently by 5–6 trained annotators.
 * Every pair of annotators is compared both ways and against itself, and token kappa is
 * recomputed by a brute-force implementation that shares no code with shared/review.
 */
const SPLITS = ['train-multi', 'annotator-training'];

interface Article {
  name: string;
  text: string;
  annotators: { id: string; annotations: Annotation[] }[];
}

function loadSplit(split: string): Article[] {
  const dir = path.join(POLNEAR, split);
  const files = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const byArticle = new Map<string, string[]>();
  for (const f of files) {
    const m = /^(.*)_([0-9a-f]{4})\.ann$/.exec(f)!;
    byArticle.set(m[1]!, [...(byArticle.get(m[1]!) ?? []), f]);
  }
  return [...byArticle].map(([name, anns]) => {
    const text = readFileSync(path.join(dir, 'text', `${name}.txt`), 'utf8');
    return {
      name,
      text,
      annotators: anns.map((f) => ({
        id: /_([0-9a-f]{4})\.ann$/.exec(f)![1]!,
        annotations: importBrat(text, readFileSync(path.join(dir, 'attributions', f), 'utf8'), { file: f, idFor: (id) => id }).annotations,
      })),
    };
  });
}

// ---- the independent implementation: character walk, per-token loops, counting tables ----

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const JOINERS = new Set(["'", '’', '-', '‐', '.', ',']);

/** Tokens as [start, end) in UTF-16 units, walking code point by code point. */
function bruteTokens(text: string): [number, number][] {
  const chars: { at: number; word: boolean; ch: string }[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    chars.push({ at: i, word: WORD_CHAR.test(ch), ch });
    i += ch.length;
  }
  const out: [number, number][] = [];
  let start = -1;
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    const joins = start >= 0 && JOINERS.has(c.ch) && chars[k - 1]?.word && chars[k + 1]?.word;
    if (c.word || joins) {
      if (start < 0) start = c.at;
    } else if (start >= 0) {
      out.push([start, c.at]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, text.length]);
  return out;
}

const RANK: Record<Tag | 'none', number> = { none: 0, claim: 1, quote: 2, attribution: 3 };

function bruteLabels(tokens: [number, number][], annotations: readonly Annotation[], only?: Tag): string[] {
  return tokens.map(([ts, te]) => {
    let best: Tag | 'none' = 'none';
    for (const a of annotations) {
      if (only && a.tag !== only) continue;
      if (a.spans.some((s) => s.start < te && ts < s.end) && RANK[a.tag] > RANK[best]) best = a.tag;
    }
    return only ? (best === 'none' ? 'no' : 'yes') : best;
  });
}

function bruteCohen(a: string[], b: string[]): number {
  const table = new Map<string, number>();
  const rowA = new Map<string, number>();
  const rowB = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  a.forEach((x, i) => {
    bump(table, `${x}/${b[i]}`);
    bump(rowA, x);
    bump(rowB, b[i]!);
  });
  const n = a.length;
  let po = 0;
  for (const k of new Set([...rowA.keys(), ...rowB.keys()])) po += (table.get(`${k}/${k}`) ?? 0) / n;
  let pe = 0;
  for (const [k, c] of rowA) pe += (c / n) * ((rowB.get(k) ?? 0) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

function bruteFleiss(raters: string[][]): number {
  const r = raters.length;
  const n = raters[0]!.length;
  const totals = new Map<string, number>();
  let pBar = 0;
  for (let i = 0; i < n; i++) {
    const counts = new Map<string, number>();
    for (const rater of raters) counts.set(rater[i]!, (counts.get(rater[i]!) ?? 0) + 1);
    let s = 0;
    for (const [k, c] of counts) {
      s += c * (c - 1);
      totals.set(k, (totals.get(k) ?? 0) + c);
    }
    pBar += s / (r * (r - 1)) / n;
  }
  let pe = 0;
  for (const c of totals.values()) pe += (c / (n * r)) ** 2;
  return pe === 1 ? 1 : (pBar - pe) / (1 - pe);
}

// ---- the tests ----

for (const split of SPLITS) {
  describe(`PolNeAR ${split}: every annotator pair`, () => {
    const articles = loadSplit(split);
    const kappas: number[] = [];
    let unanimousTotal = 0;

    it('has articles with 5–6 annotators each, and every file imports annotations of all three tags overall', () => {
      expect(articles.length).toBeGreaterThanOrEqual(4);
      for (const a of articles) expect(a.annotators.length).toBeGreaterThanOrEqual(5);
      const tags = new Set(articles.flatMap((a) => a.annotators.flatMap((x) => x.annotations.map((y) => y.tag))));
      expect([...tags].sort()).toEqual([...TAGS].sort());
    });

    for (const article of articles) {
      it(article.name, () => {
        const tokens = tokenize(article.text);
        const brute = bruteTokens(article.text);
        expect(Array.from(tokens.starts, (s, i) => [s, tokens.ends[i]])).toEqual(brute);

        const labels = article.annotators.map((x) => bruteLabels(brute, x.annotations));
        for (const [i, a] of article.annotators.entries()) {
          const self = agreement(article.text, a.annotations, a.annotations, { tokens });
          expect([self.overall.exact.f1, self.overall.overlap.f1, self.overall.kappa, self.links.f1]).toEqual([1, 1, 1, 1]);
          for (const tag of TAGS) {
            // a tag the annotator never used has nothing to compare: null, not 1
            const want = a.annotations.some((x) => x.tag === tag) ? 1 : null;
            expect([self.perTag[tag].exact.f1, self.perTag[tag].overlap.f1, self.perTag[tag].kappa]).toEqual([want, want, want]);
          }

          for (const [j, b] of article.annotators.entries()) {
            if (j <= i) continue;
            const pairing = pairAnnotations(a.annotations, b.annotations);
            expect(pairing.pairs.filter((p) => p.mine)).toHaveLength(a.annotations.length);
            expect(pairing.pairs.filter((p) => p.theirs)).toHaveLength(b.annotations.length);

            const ab = agreement(article.text, a.annotations, b.annotations, { tokens, pairing });
            const ba = agreement(article.text, b.annotations, a.annotations, { tokens });
            expect(ba.overall.kappa).toBe(ab.overall.kappa);
            expect(ba.overall.exact.f1).toBe(ab.overall.exact.f1);
            expect(ba.overall.overlap.f1).toBe(ab.overall.overlap.f1);
            expect(ba.links.f1).toBe(ab.links.f1);
            expect([ba.overall.exact.precision, ba.overall.exact.recall]).toEqual([ab.overall.exact.recall, ab.overall.exact.precision]);
            for (const tag of TAGS) {
              expect([ba.perTag[tag].exact.f1, ba.perTag[tag].overlap.f1, ba.perTag[tag].kappa]).toEqual([
                ab.perTag[tag].exact.f1,
                ab.perTag[tag].overlap.f1,
                ab.perTag[tag].kappa,
              ]);
              const used = [...a.annotations, ...b.annotations].some((x) => x.tag === tag);
              if (!used) expect(ab.perTag[tag].kappa).toBeNull();
              else expect(ab.perTag[tag].kappa).toBeCloseTo(bruteCohen(bruteLabels(brute, a.annotations, tag), bruteLabels(brute, b.annotations, tag)), 12);
            }
            expect(ab.overall.kappa).toBeCloseTo(bruteCohen(labels[i]!, labels[j]!), 12);
            expect(ab.overall.kappa).toBeGreaterThanOrEqual(-1);
            expect(ab.overall.kappa).toBeLessThanOrEqual(1);
            kappas.push(ab.overall.kappa!);
          }
        }

        // Curation: what all n agree on is in every file; k = 1 is every distinct (spans, tag).
        const files = article.annotators.map((x) => ({ annotator: x.id, annotations: x.annotations }));
        const groups = groupSpans(files);
        const keys = (list: readonly { spans: readonly { start: number; end: number }[]; tag: string }[]) => new Set(list.map((a) => `${a.tag} ${spansKey(a.spans)}`));
        const unanimous = consensus(groups, files.length);
        unanimousTotal += unanimous.length;
        for (const x of article.annotators) expect(keys(x.annotations)).toEqual(new Set([...keys(x.annotations), ...keys(unanimous)]));
        expect(consensus(groups, 1)).toHaveLength(keys(article.annotators.flatMap((x) => x.annotations)).size);
        const majority = consensus(groups, Math.ceil(files.length / 2)).length;
        expect(majority).toBeGreaterThanOrEqual(unanimous.length);
        expect(majority).toBeLessThanOrEqual(consensus(groups, 1).length);

        const multi = multiAgreement(article.text, article.annotators.map((x) => x.annotations), tokens);
        expect(multi.kappa).toBeCloseTo(bruteFleiss(labels), 12);
      });
    }

    it('real colleagues mostly agree, but not perfectly (runs after the articles)', () => {
      const perfect = kappas.filter((k) => k === 1).length;
      expect(kappas.length).toBeGreaterThan(50);
      expect(perfect).toBeLessThan(kappas.length / 2);
      const mean = kappas.reduce((x, y) => x + y, 0) / kappas.length;
      expect(mean).toBeGreaterThan(0.3);
      expect(unanimousTotal).toBeGreaterThan(10);
    });
  });
}
