import { describe, expect, it } from 'vitest';
import { readPolnear, type Annotated } from './gold';
import { emptyCounts, matchAttributions, prf, scoreFile, trimSpan } from './score';

const none = (): Annotated => ({ spans: { source: [], cue: [], content: [] }, attributions: [] });

describe('trimSpan', () => {
  it('trims white space (with U+00A0) and the listed punctuation at both ends', () => {
    const text = '\u00a0“Hello, world!” — ';
    expect(trimSpan(text, { start: 0, end: text.length })).toEqual({ start: 2, end: 14 });
  });
  it('keeps a span that would vanish', () => {
    expect(trimSpan('a — b', { start: 1, end: 4 })).toEqual({ start: 1, end: 4 });
  });
});

describe('scoreFile', () => {
  // 0         1         2         3         4
  // 0123456789012345678901234567890123456789012345
  const text = 'Smith said that taxes rise. "No," Jones said.';
  it('counts exact spans as sets after trimming, fragments separately', () => {
    const gold = none();
    gold.spans.cue.push([{ start: 6, end: 10 }], [{ start: 40, end: 44 }]);
    gold.spans.content.push([{ start: 16, end: 27 }, { start: 28, end: 33 }]);
    const pred = none();
    pred.spans.cue.push([{ start: 5, end: 11 }]); // " said " trims to 6..10: a hit
    pred.spans.cue.push([{ start: 6, end: 10 }]); // the same span again: a set, counted once
    pred.spans.content.push([{ start: 16, end: 26 }], [{ start: 28, end: 33 }]);
    const c = scoreFile(text, pred, gold);
    expect(c.exact.cue).toEqual({ tp: 1, predicted: 1, gold: 2 });
    // gold "taxes rise" (16..26 after trimming the full stop) and "No" (29..31); predicted the same two
    expect(c.exact.content).toEqual({ tp: 2, predicted: 2, gold: 2 });
    expect(prf(c.exact.cue).f).toBeCloseTo(2 / 3);
  });
  it('scores overlap by characters covered', () => {
    const gold = none();
    gold.spans.source.push([{ start: 0, end: 5 }]); // Smith: 5 chars
    const pred = none();
    pred.spans.source.push([{ start: 0, end: 10 }]); // "Smith said": 10 chars, 5 shared
    const c = scoreFile(text, pred, gold);
    expect(c.overlap.source).toEqual({ tp: 5, predicted: 10, gold: 5 });
    expect(c.exact.source.tp).toBe(0);
  });
});

describe('matchAttributions', () => {
  const text = 'Smith said that taxes rise and rise and rise. Jones said no.';
  const cue = [{ start: 6, end: 10 }];
  const src = [{ start: 0, end: 5 }];
  const content = [{ start: 16, end: 44 }]; // 28 chars
  it('matches on content Jaccard ≥ 0.5 with overlapping cues and sources', () => {
    const half = [{ start: 16, end: 30 }]; // 14 of 28: Jaccard exactly 0.5
    expect(matchAttributions(text, [{ content: half, cue, source: src }], [{ content, cue, source: src }])).toBe(1);
    const less = [{ start: 16, end: 29 }];
    expect(matchAttributions(text, [{ content: less, cue, source: src }], [{ content, cue, source: src }])).toBe(0);
  });
  it('needs the cues to overlap and the sources both absent or overlapping', () => {
    expect(matchAttributions(text, [{ content, cue: [{ start: 46, end: 51 }], source: src }], [{ content, cue, source: src }])).toBe(0);
    expect(matchAttributions(text, [{ content, cue }], [{ content, cue, source: src }])).toBe(0);
    expect(matchAttributions(text, [{ content, cue }], [{ content, cue }])).toBe(1);
    expect(matchAttributions(text, [{ content, cue, source: [{ start: 46, end: 51 }] }], [{ content, cue, source: src }])).toBe(0);
  });
  it('is one-to-one and greedy by Jaccard', () => {
    const gold = [{ content, cue, source: src }];
    const pred = [
      { content: [{ start: 16, end: 34 }], cue, source: src },
      { content, cue, source: src },
    ];
    expect(matchAttributions(text, pred, gold)).toBe(1);
    const c = scoreFile(text, { ...none(), attributions: pred }, { ...none(), attributions: gold }, emptyCounts());
    expect(c.attribution).toEqual({ tp: 1, predicted: 2, gold: 1 });
  });
});

describe('readPolnear', () => {
  it('reads roles, fragments and E lines, code points to UTF-16', () => {
    const text = '😀 Ann said “hi” and “bye”.';
    const ann = [
      'T1\tSource 2 5\tAnn',
      'T2\tCue 6 10\tsaid',
      'T3\tContent 11 15;20 25\t“hi” “bye”',
      'T4\tAttribution 6 10\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      'E2\tAttribution-no-source:T4 Cue:T2 Content:T3',
    ].join('\n');
    const g = readPolnear(text, ann);
    expect(g.spans.source).toEqual([[{ start: 3, end: 6 }]]);
    expect(text.slice(3, 6)).toBe('Ann');
    expect(g.spans.content[0]).toHaveLength(2);
    expect(g.attributions[0]!.source).toEqual([{ start: 3, end: 6 }]);
    expect(g.attributions[1]!.source).toBeUndefined();
  });
});
