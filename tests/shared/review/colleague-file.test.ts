import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBrat } from '../../../shared/formats/brat';
import { toCsv } from '../../../shared/formats/csv';
import { toNewsmarkExport } from '../../../shared/formats/newsmark-json';
import { toW3CCollection } from '../../../shared/formats/w3c';
import type { Annotation, Article } from '../../../shared/model/types';
import { colleagueLabel, detectColleagueFormat, fileStem, readColleagueFile, shortNames, uniqueLabel } from '../../../shared/review/colleague-file';
import { POLNEAR } from '../../corpus/paths';

const NOW = '2026-01-01T00:00:00.000Z';

const text = 'Officials said on Monday that “the talks will resume soon,” according to Reuters.\nThe minister denied it.';
const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
const article: Article = { id: 'art', title: 'Talks', text, source: {}, textHash: `sha256:${'a'.repeat(64)}`, createdAt: NOW, updatedAt: NOW };
const author = { id: 'ana-1', name: 'Ana Ruiz' };
const mine: Annotation[] = [
  { id: 'q1', tag: 'quote', spans: [at('“the talks will resume soon,”')], note: 'check', links: ['a1'], author, createdAt: NOW, updatedAt: NOW },
  { id: 'a1', tag: 'attribution', spans: [at('Officials')], note: '', links: [], author, createdAt: NOW, updatedAt: NOW },
  { id: 'c1', tag: 'claim', spans: [at('The minister denied it')], note: '', links: [], author, createdAt: NOW, updatedAt: NOW },
];
const placedAs = (list: readonly Annotation[]) => list.map((a) => [a.id, a.tag, a.spans, [...a.links].sort()]).sort();

describe('a colleague file, read and placed on the article', () => {
  it('reads Newsmark JSON, W3C and CSV back to the same annotations, naming the colleague', () => {
    const files = [
      ['ana.newsmark.json', JSON.stringify(toNewsmarkExport(article, mine, { includeText: false, exporter: { name: 'Newsmark', version: '0.1.0' }, now: NOW }))],
      ['ana.w3c.json', JSON.stringify(toW3CCollection(article, mine))],
      ['ana.csv', toCsv(text, mine)],
    ] as const;
    const formats = [];
    for (const [name, content] of files) {
      const r = readColleagueFile({ name, content, articleText: text, now: NOW });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) continue;
      formats.push(r.value.format);
      expect(placedAs(r.value.annotations)).toEqual(placedAs(mine));
      expect(r.value.orphans).toEqual([]);
      expect(r.value.counts).toMatchObject({ total: 3, position: 3, orphan: 0 });
      expect(colleagueLabel(name, r.value.author)).toBe('Ana Ruiz');
    }
    expect(formats).toEqual(['newsmark', 'w3c', 'csv']);
  });

  it('re-anchors onto an edited text, lists what it cannot place and drops links to it', () => {
    const exported = JSON.stringify(toNewsmarkExport(article, mine, { includeText: true, exporter: { name: 'Newsmark', version: '0.1.0' }, now: NOW }));
    const edited = `UPDATED ${text.replace('Officials', 'Two officials').replace('The minister denied it.', 'No comment.')}`;
    const r = readColleagueFile({ name: 'ana.json', content: exported, articleText: edited, now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const words = (a: Annotation) => edited.slice(a.spans[0]!.start, a.spans[0]!.end);
    expect(r.value.annotations.map(words).sort()).toEqual(['officials', '“the talks will resume soon,”'].sort());
    expect(r.value.orphans).toEqual([{ id: 'c1', tag: 'claim', text: 'The minister denied it' }]);
    expect(r.value.droppedLinks).toBe(0);
  });

  it('drops links whose attribution could not be placed', () => {
    const exported = JSON.stringify(toNewsmarkExport(article, mine, { includeText: false, exporter: { name: 'Newsmark', version: '0.1.0' }, now: NOW }));
    const r = readColleagueFile({ name: 'ana.json', content: exported, articleText: text.replace('Officials', 'Aides'), now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.orphans.map((o) => o.id)).toEqual(['a1']);
    expect(r.value.annotations.find((a) => a.id === 'q1')!.links).toEqual([]);
    expect(r.value.droppedLinks).toBe(1);
  });

  it('reads a PolNeAR brat file exactly as the brat import does, with stable ids', () => {
    const dir = path.join(POLNEAR, 'train-multi');
    const name = 'usa-today_2016-07-27_michelle-obama-made-america-pay-_4b22.ann';
    const articleText = readFileSync(path.join(dir, 'text', 'usa-today_2016-07-27_michelle-obama-made-america-pay-.txt'), 'utf8');
    const content = readFileSync(path.join(dir, 'attributions', name), 'utf8');
    const r = readColleagueFile({ name: `/some/folder/${name}`, content, articleText, now: NOW });
    const direct = importBrat(articleText, content, { now: NOW, idFor: (t) => `${fileStem(name)}#${t}` });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(placedAs(r.value.annotations)).toEqual(placedAs(direct.annotations));
    expect(r.value.annotations[0]!.id).toMatch(/_4b22#T\d+$/);
    expect(colleagueLabel(name, r.value.author)).toBe(fileStem(name));
  });

  it('places every train-multi and annotator-training brat file on its text, none left out', () => {
    for (const split of ['train-multi', 'annotator-training']) {
      const dir = path.join(POLNEAR, split);
      for (const name of readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann'))) {
        const articleText = readFileSync(path.join(dir, 'text', `${name.replace(/_[0-9a-f]{4}\.ann$/, '')}.txt`), 'utf8');
        const r = readColleagueFile({ name, content: readFileSync(path.join(dir, 'attributions', name), 'utf8'), articleText, now: NOW });
        expect(r.ok && r.value.orphans.length === 0, name).toBe(true);
      }
    }
  });

  it('uses the .txt given with a brat file and re-anchors from it onto an edited article', () => {
    const dir = path.join(POLNEAR, 'train-multi');
    const stem = 'west-journal_2016-04-18_trump-s-son-says-the-battle-agai';
    const original = readFileSync(path.join(dir, 'text', `${stem}.txt`), 'utf8');
    const content = readFileSync(path.join(dir, 'attributions', `${stem}_4b22.ann`), 'utf8');
    const edited = `UPDATED April 19, 2016, 9:14 a.m.\n\n${original.replace('talked politics Monday', 'talked about politics on Monday')}`;
    const r = readColleagueFile({ name: `${stem}_4b22.ann`, content, articleText: edited, bratText: original, now: NOW });
    const direct = importBrat(original, content, { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.counts.total).toBe(direct.annotations.length);
    expect(r.value.counts.position).toBe(0);
    expect(r.value.annotations.length).toBeGreaterThanOrEqual(direct.annotations.length - 2);
    // Every placed span reads, in the edited article, what it read in the original.
    const byId = new Map(direct.annotations.map((a) => [`${stem}_4b22#${a.origin!.originalId}`, a]));
    for (const a of r.value.annotations) {
      const before = byId.get(a.id)!;
      expect(a.spans.map((s) => edited.slice(s.start, s.end))).toEqual(before.spans.map((s) => original.slice(s.start, s.end)));
    }
    // Without the .txt the offsets do not fit, and the message says what to do.
    const bare = readColleagueFile({ name: `${stem}_4b22.ann`, content, articleText: edited, now: NOW });
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(bare.problems[0]!.message).toMatch(/put that \.txt beside the \.ann/);
  });

  it('says where a file is wrong, and refuses one that fits no text here', () => {
    const cases: [string, string, RegExp][] = [
      ['bo.json', '{"format": "newsmark", "version": 1, "annotations": [}', /line 1/],
      ['bo.json', JSON.stringify({ format: 'newsmark', version: 1 }), /\$\.exporter|\$\.article/],
      ['bo.ann', 'T1\tSource 0 9\tOfficials\nR1\tnonsense\n', /line 2/],
      ['bo.ann', 'T1\tSource 0 9\tSomething\n', /the text at its offsets/],
      ['bo.txt', 'just some words', /cannot tell its format/],
      ['bo.json', '   ', /empty/],
      ['bo.csv', 'id,tag,fragment,start,end,exact\nx,rumour,0,0,9,Officials\n', /rumour|tag/],
    ];
    for (const [name, content, expected] of cases) {
      const r = readColleagueFile({ name, content, articleText: text, now: NOW });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(expected);
    }
  });

  it('detects formats by extension, then by content', () => {
    expect(detectColleagueFormat('a.ann', '')).toBe('brat');
    expect(detectColleagueFormat('a.jsonl', '')).toBe('w3c');
    expect(detectColleagueFormat('a.csv', '')).toBe('csv');
    expect(detectColleagueFormat('a.json', '{"format":"newsmark"}')).toBe('newsmark');
    expect(detectColleagueFormat('a.json', '{"@context":"http://www.w3.org/ns/anno.jsonld"}')).toBe('w3c');
    expect(detectColleagueFormat('a', 'T1\tSource 0 1\tx')).toBe('brat');
    expect(detectColleagueFormat('a', 'hello')).toBeNull();
  });

  it('names colleagues: a real author, else the file; unique; short when they share a prefix', () => {
    expect(colleagueLabel('/x/ana.json', { id: 'u1', name: 'Editor' })).toBe('ana');
    expect(colleagueLabel('/x/ana.newsmark.json', undefined)).toBe('ana');
    expect(uniqueLabel('Ana', ['Ana', 'Ana (2)'])).toBe('Ana (3)');
    expect(uniqueLabel('Bo', ['Ana'])).toBe('Bo');
    expect(shortNames(['story_2016-03-20_ted-cruz_4b22', 'story_2016-03-20_ted-cruz_4e07'])).toEqual(['4b22', '4e07']);
    expect(shortNames(['Ana Ruiz', 'Bo Li'])).toEqual(['Ana Ruiz', 'Bo Li']);
    expect(shortNames(['only-one_4b22'])).toEqual(['only-one_4b22']);
    expect(shortNames(['a_x', 'a_x_2'])).toEqual(['x', 'x_2']);
    expect(shortNames(['a_', 'a_b'])).toEqual(['a_', 'a_b']);
  });
});
