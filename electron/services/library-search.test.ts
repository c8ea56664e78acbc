import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/ipc/contract';
import { SearchIndex, snippetAt } from './library-search';

const summary = (id: string, title: string) => ({ id, title }) as ArticleSummary;

describe('SearchIndex', () => {
  it('finds terms in titles or texts, every term, and forgets deleted articles', () => {
    const index = new SearchIndex();
    index.set('a', 'The harbour pilots voted to strike.\nThe union’s secretary spoke.');
    index.set('b', 'Nothing about boats here.');
    const all = [summary('a', 'Pilots strike'), summary('b', 'Boats')];
    expect(index.search('pilots', all)).toEqual([{ id: 'a', in: 'title' }]);
    expect(index.search("boats union's", all)).toEqual([]);
    expect(index.search('"union\'s secretary"', all)).toEqual([{ id: 'a', in: 'text', snippet: { before: 'The harbour pilots voted to strike. The ', match: 'union’s secretary', after: ' spoke.' } }]);
    index.delete('a');
    expect(index.search('secretary', all)).toEqual([]);
  });
});

describe('snippetAt', () => {
  it('keeps whole words around the hit, on one line, with … where it cut', () => {
    const text = `${'word '.repeat(40)}NEEDLE${' tail'.repeat(40)}`;
    const s = snippetAt(text, text.indexOf('NEEDLE'), 6);
    expect(s.match).toBe('NEEDLE');
    expect(s.before.startsWith('…word')).toBe(true);
    expect(s.after.endsWith('tail…')).toBe(true);
    expect(snippetAt('Short text.', 0, 5)).toEqual({ before: '', match: 'Short', after: ' text.' });
  });
});
