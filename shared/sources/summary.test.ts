import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../model/types';
import { articleSources } from './index';
import { kindsLine, unsourcedLine, weakLine } from './summary';

const author = { id: 'a', name: 'A' };
const ann = (id: string, tag: Tag, start: number, end: number, links: string[] = []): Annotation => ({ id, tag, spans: [{ start, end }], note: '', links, author, createdAt: '', updatedAt: '' });

//            0         1         2         3         4         5         6         7
//            0123456789012345678901234567890123456789012345678901234567890123456789012345
const TEXT = 'Trump said A. Officials said B. It was reported C. Fox News said D. E. F.';

describe('summarise', () => {
  const annotations = [
    ann('t', 'attribution', 0, 10),
    ann('o', 'attribution', 14, 28),
    ann('p', 'attribution', 32, 47),
    ann('f', 'attribution', 51, 64),
    ann('qa', 'quote', 11, 12, ['t']),
    ann('cb', 'claim', 29, 30, ['o']),
    ann('cc', 'claim', 48, 49, ['p', 'o']),
    ann('cd', 'claim', 65, 66, ['f', 'p']),
    ann('ce', 'claim', 68, 69),
    ann('qf', 'quote', 71, 72),
  ];
  const { summary } = articleSources(TEXT, annotations);

  it('counts attributions per kind', () => {
    expect(summary.attributions).toBe(4);
    expect(summary.byKind).toMatchObject({ person: 1, anonymous: 1, passive: 1, media: 1, organisation: 0 });
    expect(kindsLine(summary)).toBe('4 attributions: 1 person, 1 media, 1 anonymous, 1 passive');
  });

  it('a content rests only on weak sources when every attribution it has is anonymous or passive', () => {
    expect(summary.attributed).toBe(4);
    expect(summary.weaklySourced).toEqual(['cb', 'cc']); // cd also rests on Fox News
    expect(summary.weakShare).toBe(0.5);
    expect(weakLine(summary)).toBe('2 of 4 attributed quotes and claims (50%) rest only on anonymous or passive sources');
  });

  it('lists quotes and claims with no source', () => {
    expect(summary.unsourcedClaims).toEqual(['ce']);
    expect(summary.unsourcedQuotes).toEqual(['qf']);
    expect(unsourcedLine(summary)).toBe('1 claim and 1 quote with no source');
  });

  it('an article with no attributions says so and lists every claim', () => {
    const s = articleSources(TEXT, [ann('x', 'claim', 0, 5), ann('y', 'claim', 6, 10)]).summary;
    expect(kindsLine(s)).toBe('No attributions');
    expect(weakLine(s)).toBe('No quote or claim is attributed');
    expect(unsourcedLine(s)).toBe('2 claims with no source');
    expect(s.weakShare).toBe(0);
  });
});
