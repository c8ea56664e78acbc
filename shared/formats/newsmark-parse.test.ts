import { describe, expect, it } from 'vitest';
import { textHash } from '../hash';
import type { Annotation, Article } from '../model/types';
import { toNewsmarkExport } from './newsmark-json';
import { newsmarkAnnotations, parseNewsmarkExport } from './newsmark-parse';

const NOW = '2025-12-01T12:00:00.000Z';
const TEXT = 'The mayor said “we will win,” and 😀 critics said no.';
const a = (id: string, s: string, links: string[] = [], tag: Annotation['tag'] = 'quote'): Annotation => {
  const start = TEXT.indexOf(s);
  return { id, tag, spans: [{ start, end: start + s.length }], note: '', links, author: { id: 'u', name: 'U' }, createdAt: NOW, updatedAt: NOW };
};

async function sample(includeText = false) {
  const article: Article = { id: 'art', title: 'T', text: TEXT, source: {}, textHash: await textHash(TEXT), createdAt: NOW, updatedAt: NOW };
  return toNewsmarkExport(article, [a('cue', 'said', [], 'attribution'), a('q', '“we will win,”', ['cue']), a('c', 'critics said no')], { exporter: { name: 'Newsmark', version: '0.1.0' }, now: NOW, includeText });
}

const problemsOf = (raw: string) => {
  const r = parseNewsmarkExport(raw);
  return r.ok ? [] : r.problems;
};

describe('parseNewsmarkExport', () => {
  it('accepts its own export and anchors it back onto the text', async () => {
    const r = parseNewsmarkExport(JSON.stringify(await sample(true)));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const placed = newsmarkAnnotations(r.value, TEXT, 'x.json').placed.map((p) => p.annotation);
    expect(placed.map((p) => TEXT.slice(p.spans[0]!.start, p.spans[0]!.end))).toEqual(['said', '“we will win,”', 'critics said no']);
    expect(placed[0]!.origin).toEqual({ kind: 'import', file: 'x.json' });
  });

  it('locates syntax errors by line and column', () => {
    const [p, ...rest] = problemsOf('{\n  "format": "newsmark",\n  "version": 1,,\n}');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ where: 'line 3 column 16', message: expect.stringMatching(/^invalid JSON: \S/), excerpt: '  "version": 1,,\n               ^' });
    expect(problemsOf('{"format": "newsmark"')[0]!.where).toBe('line 1 column 22');
  });

  it('names the JSON path of schema problems', async () => {
    const e = JSON.parse(JSON.stringify(await sample()));
    e.annotations[1].spans[0].end = 'ten';
    e.annotations[2].tag = 'opinion';
    expect(problemsOf(JSON.stringify(e)).map((p) => p.where)).toEqual(['$.annotations[1].spans[0].end', '$.annotations[2].tag']);
  });

  it('checks offsets, order, ids, links and quotes against each other', async () => {
    const e = JSON.parse(JSON.stringify(await sample()));
    e.annotations[0].spans[0].end = 999;
    e.annotations[1].id = 'c';
    e.annotations[2].links = ['ghost'];
    e.annotations.push({ ...e.annotations[1], id: 'z', spans: [e.annotations[2].spans[0], e.annotations[1].spans[0]] });
    const where = problemsOf(JSON.stringify(e)).map((p) => p.where);
    expect(where).toEqual(expect.arrayContaining(['$.annotations[0]', '$.annotations[2].id', '$.annotations[2].links[0]', '$.annotations[3]', '$.annotations[0].spans[0].exact']));
  });

  it('refuses __proto__ keys, huge numbers and deep nesting without crashing', async () => {
    const e = JSON.stringify(await sample());
    expect(problemsOf(e.replace('"exporter":', '"__proto__": {"polluted": true}, "exporter":'))).toEqual([{ where: '$.__proto__', message: 'the key "__proto__" is not allowed' }]);
    expect(problemsOf(e.replace(/"length":\d+/, '"length":1e400'))).toEqual([{ where: '$.article.length', message: 'number is too large' }]);
    expect(problemsOf(`${'['.repeat(100000)}${']'.repeat(100000)}`)[0]!.message).toBe('nested deeper than 64 levels');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says when a file is not a Newsmark export at all', () => {
    expect(problemsOf('[]')).toEqual([{ where: '$', message: 'expected a JSON object (a Newsmark export)' }]);
    expect(problemsOf('{"format":"w3c"}')[0]!.where).toBe('$.format');
    expect(problemsOf('  ')[0]!.message).toMatch(/empty/);
  });
});
