import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from '../../../shared/anchoring/anchor';
import type { Annotation } from '../../../shared/model/types';
import { importBrat } from '../../../shared/formats/brat';
import { readCsv, toCsv } from '../../../shared/formats/csv';
import { readW3C, toW3CCollection, toW3CJsonLines } from '../../../shared/formats/w3c';
import { POLNEAR } from '../../corpus/paths';

const NOW = '2025-12-01T12:00:00.000Z';

/** The PolNeAR dev and train-multi files as Newsmark annotations (ids stable per file). */
function corpus(): { name: string; text: string; annotations: Annotation[] }[] {
  const out: { name: string; text: string; annotations: Annotation[] }[] = [];
  for (const split of ['dev', 'train-multi']) {
    for (const f of fs.readdirSync(path.join(POLNEAR, split, 'attributions')).sort()) {
      const text = fs.readFileSync(path.join(POLNEAR, split, 'text', `${f.replace(/_[^_]+\.ann$/, '')}.txt`), 'utf8');
      const r = importBrat(text, fs.readFileSync(path.join(POLNEAR, split, 'attributions', f), 'utf8'), {
        now: NOW,
        idFor: (t) => `${f}#${t}`,
        author: { id: f.slice(-8, -4), name: `Annotator ${f.slice(-8, -4)}` },
      });
      // notes on every fifth annotation, with the characters CSV and JSON must escape
      r.annotations.forEach((a, i) => {
        if (i % 5 === 0) a.note = `checked, "twice"\nline two; =SUM(A1) ${i}`;
      });
      out.push({ name: `${split}/${f}`, text, annotations: r.annotations });
    }
  }
  return out;
}

/** What must survive: id, tag, spans, links, note, author, dates. Origin is Newsmark's own business. */
function essence(anns: readonly Annotation[]) {
  return [...anns]
    .map((a) => ({ id: a.id, tag: a.tag, spans: a.spans, links: [...a.links].sort(), note: a.note, author: a.author, createdAt: a.createdAt, updatedAt: a.updatedAt }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

describe('lossless round trips on PolNeAR annotations', () => {
  const files = corpus();

  it('Newsmark → W3C collection → Newsmark', () => {
    expect(files.length).toBeGreaterThan(150);
    for (const f of files) {
      const json = JSON.stringify(toW3CCollection({ id: f.name, text: f.text }, f.annotations));
      const back = readW3C(json, f.text);
      if (!back.ok) throw new Error(`${f.name}: ${JSON.stringify(back.problems.slice(0, 3))}`);
      const anchored = anchorAnnotations(f.text, back.value);
      expect(anchored.counts.position, f.name).toBe(f.annotations.length);
      expect(essence(anchored.placed.map((p) => p.annotation)), f.name).toEqual(essence(f.annotations));
    }
  });

  it('Newsmark → W3C JSON Lines → Newsmark', () => {
    for (const f of files.slice(0, 20)) {
      const back = readW3C(toW3CJsonLines({ id: f.name, text: f.text }, f.annotations), f.text);
      if (!back.ok) throw new Error(`${f.name}: ${JSON.stringify(back.problems.slice(0, 3))}`);
      expect(essence(anchorAnnotations(f.text, back.value).placed.map((p) => p.annotation)), f.name).toEqual(essence(f.annotations));
    }
  });

  it('Newsmark → CSV → Newsmark', () => {
    for (const f of files) {
      const back = readCsv(toCsv(f.text, f.annotations));
      if (!back.ok) throw new Error(`${f.name}: ${JSON.stringify(back.problems.slice(0, 3))}`);
      const anchored = anchorAnnotations(f.text, back.value);
      expect(anchored.counts.position, f.name).toBe(f.annotations.length);
      expect(essence(anchored.placed.map((p) => p.annotation)), f.name).toEqual(essence(f.annotations));
    }
  });
});
