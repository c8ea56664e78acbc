import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textHash } from '../../../shared/hash';
import type { Article } from '../../../shared/model/types';
import { exportBrat, importBrat } from '../../../shared/formats/brat';
import { parseBratLine } from '../../../shared/formats/brat-lines';
import { toNewsmarkExport } from '../../../shared/formats/newsmark-json';
import { newsmarkAnnotations, parseNewsmarkExport } from '../../../shared/formats/newsmark-parse';
import { POLNEAR } from '../../corpus/paths';

const NOW = '2025-12-01T12:00:00.000Z';

/** Every .ann in the corpus with the .txt it annotates. */
function corpusFiles(): { ann: string; txt: string; name: string }[] {
  const out: { ann: string; txt: string; name: string }[] = [];
  for (const split of ['dev', 'train-multi', 'annotator-training']) {
    for (const f of fs.readdirSync(path.join(POLNEAR, split, 'attributions')).sort()) {
      if (!f.endsWith('.ann')) continue;
      const article = f.replace(/_[^_]+\.ann$/, '');
      out.push({ name: `${split}/${f}`, ann: path.join(POLNEAR, split, 'attributions', f), txt: path.join(POLNEAR, split, 'text', `${article}.txt`) });
    }
  }
  return out;
}

/** A .ann reduced to what must survive: entities with merged spans, events and relations in order, notes. */
function canonical(ann: string): string[] {
  const out: string[] = [];
  ann.split('\n').forEach((raw, i) => {
    const r = parseBratLine(raw, i + 1);
    if (!r.ok) throw new Error(`line ${i + 1}: ${r.message}`);
    const v = r.value;
    if (!v) return;
    if (v.kind === 'T') {
      const spans = [...v.fragments].sort((a, b) => a.start - b.start);
      const merged: { start: number; end: number }[] = [];
      for (const s of spans) {
        const last = merged[merged.length - 1];
        if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
        else merged.push({ ...s });
      }
      out.push(`${v.id} ${v.type} ${merged.map((s) => `${s.start}-${s.end}`).join(',')}`);
    } else if (v.kind === 'E') out.push(`${v.id} ${[v.trigger, ...v.args].map((a) => `${a.role}:${a.ref}`).join(' ')}`);
    else if (v.kind === 'R') out.push(`${v.id} ${v.type} ${v.args.map((a) => `${a.role}:${a.ref}`).join(' ')}`);
    else if (v.kind === '#') out.push(`note ${v.type} ${v.target} ${v.text}`);
    else out.push(v.raw);
  });
  return out.sort();
}

async function article(text: string): Promise<Article> {
  return { id: 'art', title: 'Article', text, source: {}, textHash: await textHash(text), createdAt: NOW, updatedAt: NOW };
}

describe('importBrat', () => {
  const text = 'The New York Post reports that “the plan will fail,” he said. Officials said it would pass.';
  const cp = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length];

  it('maps PolNeAR labels, E lines to links, notes, and keeps triggers', () => {
    const [s1, e1] = cp('The New York Post');
    const [s2, e2] = cp('reports');
    const [s3, e3] = cp('that “the plan will fail,”');
    const [s4, e4] = cp('“the plan will fail,”');
    const ann = [
      `T1\tSource ${s1} ${e1}\tThe New York Post`,
      `T2\tCue ${s2} ${e2}\treports`,
      `T3\tContent ${s3} ${e3}\tthat “the plan will fail,”`,
      `T4\tAttribution ${s2} ${e2}\treports`,
      `T5\tContent ${s4} ${e4}\t“the plan will fail,”`,
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      '#1\tAnnotatorNotes T2\tpresent tense',
    ].join('\n');
    const r = importBrat(text, ann, { file: 'x.ann', now: NOW, idFor: (t) => `id-${t}` });
    expect(r.problems).toEqual([]);
    const byId = new Map(r.annotations.map((a) => [a.id, a]));
    expect(r.annotations.map((a) => [a.id, a.tag])).toEqual([
      ['id-T1', 'attribution'],
      ['id-T2', 'attribution'],
      ['id-T3', 'quote'],
      ['id-T5', 'quote'],
    ]);
    expect(byId.get('id-T3')!.links).toEqual(['id-T2', 'id-T1']);
    expect(byId.get('id-T2')!.note).toBe('present tense');
    expect(byId.get('id-T1')!.origin).toEqual({ kind: 'import', file: 'x.ann', originalId: 'T1', originalType: 'Source' });
    expect(r.kept.entities).toEqual([{ id: 'T4', type: 'Attribution', spans: [{ start: s2, end: e2 }] }]);
    expect(r.kept.events).toHaveLength(1);
  });

  it('tells a paraphrase with a few quoted words (claim) from a quotation (quote)', () => {
    const t = 'He said that the team avoided the ER to “keep details under wraps.” “We are fine,” she said.';
    const para = [t.indexOf('that'), t.indexOf('wraps.”') + 7];
    const quote = [t.indexOf('“We'), t.indexOf('fine,”') + 6];
    const r = importBrat(t, `T1\tContent ${para[0]} ${para[1]}\t${t.slice(para[0], para[1])}\nT2\tContent ${quote[0]} ${quote[1]}\t${t.slice(quote[0], quote[1])}`, { now: NOW });
    expect(r.annotations.map((a) => a.tag)).toEqual(['claim', 'quote']);
  });

  it('converts code point offsets to UTF-16 and checks the span text', () => {
    const t = '😀 𝐀𝐁 said 𠀀 loudly';
    const chars = Array.from(t);
    const start = chars.indexOf('s');
    const r = importBrat(t, `T1\tCue ${start} ${start + 4}\tsaid\nT2\tCue ${start} ${start + 4}\tsays`, { now: NOW });
    const s = r.annotations[0]!.spans[0]!;
    expect(t.slice(s.start, s.end)).toBe('said');
    expect(r.problems).toEqual([{ where: 'line 2', message: 'T2: the text at its offsets is "said", not "says"' }]);
  });

  it('merges overlapping fragments with a problem, and reports bad lines with their line number', () => {
    const r = importBrat('abcdefghij', 'T1\tCue 0 4;2 6\tabcd cdef\nX1\tfoo\nT2\tCue 5 99\tx\nT3\tWeird 0 1\ta\nE1\tAttribution:T9 Cue:T1', { now: NOW });
    expect(r.annotations[0]!.spans).toEqual([{ start: 0, end: 6 }]);
    expect(r.problems.map((p) => p.where)).toEqual(['line 2', 'line 1', 'line 3', 'line 4', 'line 5']);
    expect(r.kept.entities.map((e) => e.type)).toEqual(['Weird']);
  });

  it('uses a caller-supplied label mapping', () => {
    const r = importBrat('Mr. X spoke', 'T1\tSpeaker 0 5\tMr. X', { now: NOW, labels: { Speaker: 'attribution' } });
    expect(r.problems).toEqual([]);
    expect(r.annotations[0]!.tag).toBe('attribution');
  });
});

describe('exportBrat', () => {
  it('writes code point offsets, default labels, notes and new links as relations', () => {
    const t = '𝐀 said 😀 “yes”';
    const a = { id: 'a', tag: 'attribution' as const, spans: [{ start: 3, end: 7 }], note: 'cue\nverb', links: [], author: { id: 'u', name: 'U' }, createdAt: NOW, updatedAt: NOW };
    const q = { ...a, id: 'q', tag: 'quote' as const, spans: [{ start: t.indexOf('“'), end: t.length }], note: '', links: ['a'] };
    const { ann, txt } = exportBrat(t, [a, q]);
    expect(txt).toBe(t);
    expect(ann).toBe(['T1\tAttribution 2 6\tsaid', 'T2\tQuote 9 14\t“yes”', 'R1\tAttributedTo Arg1:T2 Arg2:T1', '#1\tAnnotatorNotes T1\tcue', '#2\tAnnotatorNotes T1\tverb', ''].join('\n'));
    const back = importBrat(t, ann, { now: NOW, idFor: (x) => x });
    expect(back.annotations.map((x) => [x.tag, x.spans, x.links, x.note])).toEqual([
      ['attribution', a.spans, [], 'cue\nverb'],
      ['quote', q.spans, ['T1'], ''],
    ]);
  });
});

describe('brat → Newsmark JSON → brat on every PolNeAR file', () => {
  it('gives back the same entities, spans, types, events, relations and notes', async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(200);
    const mismatches: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f.txt, 'utf8');
      const ann = fs.readFileSync(f.ann, 'utf8');
      const imported = importBrat(text, ann, { file: f.name, now: NOW });
      expect(imported.problems, f.name).toEqual([]);
      const json = JSON.stringify(toNewsmarkExport(await article(text), imported.annotations, { exporter: { name: 'test', version: '0' }, now: NOW, brat: imported.kept }));
      const parsed = parseNewsmarkExport(json, f.name);
      if (!parsed.ok) throw new Error(`${f.name}: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
      const anchored = newsmarkAnnotations(parsed.value, text);
      expect(anchored.counts.position, f.name).toBe(imported.annotations.length);
      const out = exportBrat(text, anchored.placed.map((p) => p.annotation), parsed.value.brat);
      if (canonical(out.ann).join('\n') !== canonical(ann).join('\n')) mismatches.push(f.name);
    }
    expect(mismatches).toEqual([]);
  });
});
