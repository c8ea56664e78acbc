import { describe, expect, it } from 'vitest';
import { textHash } from '../hash';
import type { Annotation } from '../model/types';
import { exportBrat } from './brat';
import { parseBratLine } from './brat-lines';
import { readCsv, toCsv } from './csv';
import { toNewsmarkExport } from './newsmark-json';
import { readW3C, toW3CCollection } from './w3c';

/** Text outside the BMP: every export must count code points, not UTF-16 units. */
const TEXT = '😀 Emoji first, then 𠀀𠀁 (CJK extension B), then 𝐀𝐁𝐂 letters said 👍🏽 “quoted” words.';
const WORDS = ['Emoji', '𠀀𠀁', '𝐀𝐁𝐂', 'said', '👍🏽', '“quoted”'];
const NOW = '2025-12-01T12:00:00.000Z';
const annotations: Annotation[] = WORDS.map((w, i) => {
  const start = TEXT.indexOf(w);
  return { id: `w${i}`, tag: 'claim', spans: [{ start, end: start + w.length }], note: '', links: [], author: { id: 'u', name: 'U' }, createdAt: NOW, updatedAt: NOW };
});
const cpSlice = (start: number, end: number) => Array.from(TEXT).slice(start, end).join('');

describe('exported offsets count code points', () => {
  it('Newsmark JSON', async () => {
    const e = toNewsmarkExport({ id: 'a', title: 't', text: TEXT, source: {}, textHash: await textHash(TEXT), createdAt: NOW, updatedAt: NOW }, annotations, { exporter: { name: 'n', version: '1' }, now: NOW });
    expect(e.annotations.map((a) => cpSlice(a.spans[0]!.start, a.spans[0]!.end))).toEqual(WORDS);
    expect(e.article.length).toBe(Array.from(TEXT).length);
  });

  it('W3C TextPositionSelector', () => {
    const r = readW3C(JSON.stringify(toW3CCollection({ id: 'a', text: TEXT }, annotations)));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.map((a) => cpSlice(a.spans[0]!.start, a.spans[0]!.end))).toEqual(WORDS);
  });

  it('brat', () => {
    const lines = exportBrat(TEXT, annotations).ann.trim().split('\n');
    const got = lines.map((l, i) => {
      const v = parseBratLine(l, i + 1);
      if (!v.ok || v.value?.kind !== 'T') throw new Error(l);
      return cpSlice(v.value.fragments[0]!.start, v.value.fragments[0]!.end);
    });
    expect(got).toEqual(WORDS);
  });

  it('CSV', () => {
    const r = readCsv(toCsv(TEXT, annotations));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.map((a) => cpSlice(a.spans[0]!.start, a.spans[0]!.end))).toEqual(WORDS);
  });
});
