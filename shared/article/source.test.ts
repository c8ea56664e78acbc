import { describe, expect, it } from 'vitest';
import { cleanSource, composePublished, detailsProblems, isWebUrl, publishedParts } from './source';

describe('article details', () => {
  it('takes only absolute http(s) URLs', () => {
    expect(isWebUrl('https://example.com/a?b=1')).toBe(true);
    expect(isWebUrl('http://localhost:8080/')).toBe(true);
    for (const bad of ['example.com/story', 'javascript:alert(1)', 'file:///etc/passwd', 'mailto:a@b.c', 'https://', '']) expect(isWebUrl(bad), bad).toBe(false);
  });

  it('reads the published forms imports and the dateline give, and refuses impossible dates', () => {
    expect(publishedParts('2025-12-01')).toEqual({ date: '2025-12-01' });
    expect(publishedParts('2025-12-01T13:06')).toEqual({ date: '2025-12-01', time: '13:06' });
    expect(publishedParts('2025-03-14T07:45:00+00:00')).toEqual({ date: '2025-03-14', time: '07:45', rest: ':00+00:00' });
    expect(publishedParts('2025-03-14T07:45:30.120Z')).toEqual({ date: '2025-03-14', time: '07:45', rest: ':30.120Z' });
    for (const bad of ['2025-02-30', '2025-13-01', '2025-01-01T24:00', 'yesterday', '14.03.2025', '0999-01-01']) expect(publishedParts(bad), bad).toBeUndefined();
  });

  it('puts the date and time fields back together, keeping a zone the user did not touch', () => {
    expect(composePublished('', '10:00')).toBeUndefined();
    expect(composePublished('2025-03-14', '')).toBe('2025-03-14');
    expect(composePublished('2025-03-14', '09:30')).toBe('2025-03-14T09:30');
    expect(composePublished('2025-03-14', '07:45', '2025-03-14T07:45:00+00:00')).toBe('2025-03-14T07:45:00+00:00');
    expect(composePublished('2025-03-15', '08:00', '2025-03-14T07:45:00+00:00')).toBe('2025-03-15T08:00:00+00:00');
    expect(composePublished('2025-03-15', '', '2025-03-14T07:45:00+00:00')).toBe('2025-03-15');
  });

  it('names the field of every problem', () => {
    expect(detailsProblems({ title: 'Fine', source: { url: 'https://a.example/', published: '2025-01-02T03:04' } })).toEqual([]);
    const problems = detailsProblems({ title: '  ', source: { url: 'www.example.com', published: 'soon', byline: 'b'.repeat(501), outlet: 'o'.repeat(501) } });
    expect(problems.map((p) => p.where)).toEqual(['title', 'outlet', 'byline', 'url', 'published']);
    expect(problems.find((p) => p.where === 'url')!.message).toMatch(/http:\/\/ or https:\/\//);
    expect(problems.find((p) => p.where === 'published')!.message).toMatch(/“soon” is not a date/);
  });

  it('cleans a source: trimmed, empty fields left out', () => {
    expect(cleanSource({ outlet: '  Wire ', url: '', byline: ' ', published: '2025-01-01' })).toEqual({ outlet: 'Wire', published: '2025-01-01' });
  });
});
