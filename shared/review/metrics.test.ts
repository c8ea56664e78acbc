import { describe, expect, it } from 'vitest';
import { TAGS } from '../model/types';
import { cohenKappa, fleissKappa } from './kappa';
import { agreement, formatScore, multiAgreement, prf } from './metrics';
import { ann, linked, syntheticPair } from './test-support';
import { tokenize, tokenLabels } from './tokens';

const codes = (s: string): Uint8Array => Uint8Array.from(s, Number);

describe('tokenize', () => {
  const words = (text: string): string[] => {
    const t = tokenize(text);
    return Array.from(t.starts, (s, i) => text.slice(s, t.ends[i]));
  };

  it('keeps words with inner apostrophes, hyphens, periods and commas; drops punctuation', () => {
    expect(words('Maduro’s "global amnesty," U.S. officials said 2,500 al-Assad 3.5% — ok.')).toEqual([
      'Maduro’s', 'global', 'amnesty', 'U.S', 'officials', 'said', '2,500', 'al-Assad', '3.5', 'ok',
    ]);
  });

  it('handles letters outside the BMP and combining marks, in UTF-16 offsets', () => {
    const text = 'x 𝐀𝐁c Nicola\u0301s';
    const t = tokenize(text);
    expect(words(text)).toEqual(['x', '𝐀𝐁c', 'Nicola\u0301s']);
    expect([t.starts[1], t.ends[1]]).toEqual([2, 7]);
  });

  it('labels by the most specific tag covering a token: attribution > quote > claim', () => {
    const text = 'aa bb cc dd ee';
    const tokens = tokenize(text);
    const labels = tokenLabels(tokens, [ann('c', 'claim', [0, 14]), ann('q', 'quote', [3, 11]), ann('a', 'attribution', [6, 8])]);
    expect(Array.from(labels)).toEqual([1, 2, 3, 2, 1]);
    // A span that cuts into a word still covers that word; one that only touches does not.
    expect(Array.from(tokenLabels(tokens, [ann('x', 'quote', [4, 6])]))).toEqual([0, 2, 0, 0, 0]);
    expect(Array.from(tokenLabels(tokens, [ann('x', 'quote', [2, 3])]))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('kappa', () => {
  it("Cohen's kappa matches the textbook example (20/5/10/15 → 0.4)", () => {
    const a = codes('1'.repeat(25) + '0'.repeat(25));
    const b = codes('1'.repeat(20) + '0'.repeat(5) + '1'.repeat(10) + '0'.repeat(15));
    expect(cohenKappa(a, b, 2)).toBeCloseTo(0.4, 12);
    expect(cohenKappa(b, a, 2)).toBe(cohenKappa(a, b, 2));
  });

  it('constant raters: 1 when identical, 0 when they differ; no items gives 1', () => {
    expect(cohenKappa(codes('000'), codes('000'), 4)).toBe(1);
    expect(cohenKappa(codes('000'), codes('111'), 4)).toBe(0);
    expect(cohenKappa(codes(''), codes(''), 4)).toBe(1);
    expect(fleissKappa([codes('22'), codes('22'), codes('22')], 4)).toBe(1);
  });

  it("Fleiss' kappa matches the Wikipedia example (14 raters, 10 items → 0.210)", () => {
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const raters = Array.from({ length: 14 }, () => new Uint8Array(10));
    table.forEach((row, item) => {
      let r = 0;
      row.forEach((count, category) => {
        for (let k = 0; k < count; k++) raters[r++]![item] = category;
      });
    });
    expect(fleissKappa(raters, 5)).toBeCloseTo(0.20993, 4);
  });

  it("Fleiss' kappa of two raters is close to Cohen's (Scott's pi) and 1 for identical raters", () => {
    const a = codes('0012301230');
    expect(fleissKappa([a, a, a], 4)).toBe(1);
    // Two raters with equal marginals: Scott's pi equals Cohen's kappa.
    const b = codes('0012301203');
    expect(fleissKappa([a, b], 4)).toBeCloseTo(cohenKappa(a, b, 4), 12);
  });
});

describe('prf', () => {
  it('nothing on either side is no comparison (null), not agreement; one empty side is 0', () => {
    expect(prf(0, 0, 0, 0)).toEqual({ precision: null, recall: null, f1: null });
    expect(prf(0, 0, 0, 3)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf(1, 2, 1, 4)).toEqual({ precision: 0.5, recall: 0.25, f1: 1 / 3 });
  });
});

describe('agreement', () => {
  const text = 'Officials said the talks would resume soon, according to state media on Monday.';

  it('exact and overlap F1 per tag', () => {
    const mine = [ann('m1', 'claim', [15, 42]), ann('m2', 'attribution', [44, 66]), ann('m3', 'quote', [70, 79])];
    const theirs = [ann('t1', 'claim', [15, 36]), ann('t2', 'attribution', [44, 66])];
    const r = agreement(text, mine, theirs);
    expect(r.counts).toEqual({ agree: 1, 'tag-conflict': 0, 'boundary-conflict': 1, 'only-mine': 1, 'only-theirs': 0 });
    expect(r.perTag.claim.exact).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(r.perTag.claim.overlap).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(r.perTag.attribution.exact.f1).toBe(1);
    expect(r.perTag.quote).toMatchObject({ mine: 1, theirs: 0, exact: { f1: 0 }, overlap: { f1: 0 } });
    // Overall exact: 1 match, 2 of theirs, 3 of mine.
    expect(r.overall.exact).toEqual(prf(1, 2, 1, 3));
    expect(r.overall.overlap).toEqual(prf(2, 2, 2, 3));
  });

  it('overlap needs the same tag', () => {
    const r = agreement(text, [ann('m', 'claim', [0, 20])], [ann('t', 'quote', [0, 20])]);
    expect(r.counts['tag-conflict']).toBe(1);
    expect(r.overall.overlap.f1).toBe(0);
  });

  it('token kappa overall and per tag', () => {
    // 13 tokens; mine marks tokens 2–6 as claim, theirs 2–5 (its end cuts into "resume").
    const r = agreement(text, [ann('m', 'claim', [15, 42])], [ann('t', 'claim', [15, 36])]);
    expect(r.tokens).toBe(13);
    const a = codes('0011111000000');
    const b = codes('0011110000000');
    expect(r.overall.kappa).toBeCloseTo(cohenKappa(a, b, 2), 12);
    expect(r.perTag.claim.kappa).toBeCloseTo(cohenKappa(a, b, 2), 12);
    expect(r.perTag.quote.kappa).toBeNull(); // neither marked a quote
  });

  it('link F1 goes through the pairing of both ends', () => {
    const mine = [ann('ma', 'attribution', [44, 66]), linked(ann('mq', 'claim', [15, 42]), 'ma'), linked(ann('mr', 'quote', [70, 79]), 'ma')];
    const theirs = [ann('ta', 'attribution', [44, 60]), linked(ann('tq', 'claim', [15, 42]), 'ta')];
    const r = agreement(text, mine, theirs);
    expect(r.links).toMatchObject({ mine: 2, theirs: 1, matched: 1, precision: 1, recall: 0.5 });
    const swapped = agreement(text, theirs, mine);
    expect(swapped.links).toMatchObject({ mine: 1, theirs: 2, matched: 1, precision: 0.5, recall: 1 });
  });

  it('a tag neither side used scores null (shown "—"), and adds nothing to the overall numbers', () => {
    const mine = [ann('m1', 'claim', [15, 42]), ann('m2', 'attribution', [44, 66])];
    const theirs = [ann('t1', 'claim', [15, 36]), ann('t2', 'attribution', [44, 66])];
    const r = agreement(text, mine, theirs);
    expect(r.perTag.quote).toEqual({ mine: 0, theirs: 0, exact: { precision: null, recall: null, f1: null }, overlap: { precision: null, recall: null, f1: null }, kappa: null });
    expect(r.overall.exact).toEqual(prf(1, 2, 1, 2));
    expect(r.overall.exact.f1).toBe(0.5);
    expect(r.links).toMatchObject({ precision: null, recall: null, f1: null });
    expect(formatScore(r.perTag.quote.exact.f1)).toBe('—');
    expect(formatScore(r.overall.exact.f1)).toBe('0.500');
    const empty = agreement(text, [], []);
    expect(empty.overall).toEqual({ exact: prf(0, 0, 0, 0), overlap: prf(0, 0, 0, 0), kappa: null });
    expect(JSON.parse(JSON.stringify(r.perTag.quote.exact))).toEqual({ precision: null, recall: null, f1: null });
  });

  it('a file against itself is exactly 1 for every tag it used; swapping keeps F1 and kappa', () => {
    const { text: t, mine, theirs } = syntheticPair(400, 4000, 3);
    const self = agreement(t, mine, mine);
    expect(self.overall).toEqual({ exact: prf(1, 1, 1, 1), overlap: prf(1, 1, 1, 1), kappa: 1 });
    for (const tag of TAGS) expect([self.perTag[tag].exact.f1, self.perTag[tag].overlap.f1, self.perTag[tag].kappa]).toEqual([1, 1, 1]);
    expect(self.links.f1).toBe(1);

    const ab = agreement(t, mine, theirs);
    const ba = agreement(t, theirs, mine);
    expect(ab.overall.kappa).toBeLessThan(1);
    expect(ba.overall.kappa).toBe(ab.overall.kappa);
    expect(ba.overall.exact.f1).toBe(ab.overall.exact.f1);
    expect(ba.overall.overlap.f1).toBe(ab.overall.overlap.f1);
    expect(ba.links.f1).toBe(ab.links.f1);
    expect(ba.overall.exact.precision).toBe(ab.overall.exact.recall);
    for (const tag of TAGS) {
      expect(ba.perTag[tag].exact.f1).toBe(ab.perTag[tag].exact.f1);
      expect(ba.perTag[tag].overlap.f1).toBe(ab.perTag[tag].overlap.f1);
      expect(ba.perTag[tag].kappa).toBe(ab.perTag[tag].kappa);
    }
  });
});

describe('multiAgreement', () => {
  it('Fleiss kappa over three annotators: 1 when all agree, lower when one differs', () => {
    const a = [ann('a', 'quote', [15, 42])];
    expect(multiAgreement(text(), [a, a, a]).kappa).toBe(1);
    const r = multiAgreement(text(), [a, a, [ann('b', 'claim', [15, 42])]]);
    expect(r.kappa).toBeLessThan(1);
    expect(r.perTag.attribution).toBeNull(); // nobody used it
    expect(multiAgreement(text(), [[], [], []])).toMatchObject({ kappa: null, perTag: { claim: null, quote: null, attribution: null } });
    expect(r.annotators).toBe(3);
  });
  function text(): string {
    return 'Officials said the talks would resume soon, according to state media on Monday.';
  }
});
