import { describe, expect, it } from 'vitest';
import { contextAfter, contextBefore, exportedWhat, formatLabel, importSummary } from './labels';

describe('transfer labels', () => {
  it('says how many were placed exactly, fuzzily and left unplaced', () => {
    expect(importSummary('story.ann', { total: 18, exact: 13, fuzzy: 1, unplaced: 4, duplicates: 0, renamed: 0 })).toBe(
      'Imported 18 annotations from story.ann: 13 placed exactly, 1 placed fuzzily, 4 left unplaced.',
    );
    expect(importSummary('a.csv', { total: 1, exact: 0, fuzzy: 0, unplaced: 0, duplicates: 1, renamed: 0 })).toBe(
      'Imported 1 annotation from a.csv: 0 placed exactly, 0 placed fuzzily, 0 left unplaced. 1 was already on this article and not added again.',
    );
    expect(importSummary('b.json', { total: 2, exact: 2, fuzzy: 0, unplaced: 0, duplicates: 0, renamed: 2 })).toContain('2 ids clashed with this article’s and got new ones.');
    expect(importSummary('e.json', { total: 0, exact: 0, fuzzy: 0, unplaced: 0, duplicates: 0, renamed: 0 })).toBe('e.json has no annotations; nothing was imported.');
  });

  it('names formats', () => {
    expect(formatLabel('newsmark', true)).toBe('Newsmark JSON with the article text');
    expect(formatLabel('w3c-jsonl')).toBe('W3C Web Annotation, JSON Lines');
  });

  it('says what an exported file holds: W3C counts its linking annotations too', () => {
    const anns = [...Array.from({ length: 12 }, () => ({ links: [] })), { links: ['a'] }, { links: ['b'] }];
    expect(exportedWhat('w3c', anns)).toBe('16 annotations (14 spans, 2 links)');
    expect(exportedWhat('w3c-jsonl', anns)).toBe('16 annotations (14 spans, 2 links)');
    expect(exportedWhat('w3c', [{ links: ['a'] }])).toBe('2 annotations (1 span, 1 link)');
    expect(exportedWhat('w3c', [{ links: [] }])).toBe('1 annotation');
    expect(exportedWhat('newsmark', anns)).toBe('14 annotations');
    expect(exportedWhat('brat', anns)).toBe('14 annotations');
  });

  it('cuts context at whole words', () => {
    expect(contextBefore('efore cops could accompany her, ')).toBe('…cops could accompany her, ');
    expect(contextBefore('Title\n\n')).toBe('Title ');
    expect(contextAfter(' said. Clinton had told police o')).toBe(' said. Clinton had told police…');
    expect(contextAfter(' said.')).toBe(' said.');
  });
});
