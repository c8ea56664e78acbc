import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEdits } from '../../../shared/anchoring/testing/simulate-edits';
import { normalizeSpans } from '../../../shared/model/spans';
import type { Annotation } from '../../../shared/model/types';
import { carryOver } from '../../../shared/versions/carry-over';
import { diffVersions } from '../../../shared/versions/diff';
import type { Range } from '../../../shared/versions/types';
import { POLNEAR_DEV } from '../../corpus/paths';

/** PolNeAR Source, Cue and Content spans as claims, read directly so this test depends on versions only. */
function polnear(ann: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of ann.split('\n')) {
    const m = /^(T\d+)\t(Source|Cue|Content) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const spans = m[3]!.split(';').map((f) => {
      const [a, b] = f.trim().split(' ').map(Number);
      return { start: a!, end: b! };
    });
    out.push({ id: m[1]!, tag: 'claim', spans: normalizeSpans(spans), note: '', links: [], author: { id: 'a', name: 'A' }, createdAt: '', updatedAt: '' });
  }
  return out;
}

const names = fs.readdirSync(path.join(POLNEAR_DEV, 'text')).filter((n) => n.endsWith('.txt')).sort().slice(0, 12);
const covered = (ranges: Range[], i: number) => ranges.some((r) => i >= r.start && i < r.end);

describe('versions of PolNeAR articles with simulated edits', () => {
  for (const [k, name] of names.entries()) {
    it(`${name}: every edit is listed, annotations carried over on their own words`, () => {
      const base = name.slice(0, -'.txt'.length);
      const text = fs.readFileSync(path.join(POLNEAR_DEV, 'text', name), 'utf8');
      const annName = fs.readdirSync(path.join(POLNEAR_DEV, 'attributions')).find((n) => n.startsWith(base))!;
      const anns = polnear(fs.readFileSync(path.join(POLNEAR_DEV, 'attributions', annName), 'utf8')).filter((a) => a.spans.every((s) => s.end <= text.length));
      const edited = simulateEdits(text, 1000 + k, 6);
      const next = edited.text;
      const carried = carryOver(text, next, anns, { now: 'n', version: 2 });
      const diff = diffVersions(text, next, { oldAnnotations: anns, newAnnotations: carried.annotations });

      // document order
      for (let i = 1; i < diff.changes.length; i++) expect(diff.changes[i]!.at).toBeGreaterThanOrEqual(diff.changes[i - 1]!.at);
      // every new word lies in an added or reworded sentence
      const added = diff.changes.flatMap((c) => (c.new ? [c.new] : []));
      for (let i = 0; i < next.length; i++) {
        if (edited.origin[i] === -1 && edited.copyOf[i] === -1 && /\S/.test(next[i]!)) expect(covered(added, i), `new "${next.slice(i, i + 20)}" at ${i}`).toBe(true);
      }
      // every word that went lies in a removed or reworded sentence
      const kept = new Uint8Array(text.length);
      for (const o of edited.origin) if (o >= 0) kept[o] = 1;
      const gone = diff.changes.flatMap((c) => (c.old ? [c.old] : []));
      for (let i = 0; i < text.length; i++) if (!kept[i] && /\S/.test(text[i]!)) expect(covered(gone, i), `gone "${text.slice(i, i + 20)}" at ${i}`).toBe(true);

      // nothing dropped; exact placements are on the same words
      expect(carried.annotations.length + carried.orphans.length).toBe(anns.length);
      const fuzzy = new Set(carried.fuzzy);
      const byId = new Map(anns.map((a) => [a.id, a]));
      for (const a of carried.annotations) {
        if (fuzzy.has(a.id)) continue;
        const before = byId.get(a.id)!.spans.map((s) => text.slice(s.start, s.end));
        expect(a.spans.map((s) => next.slice(s.start, s.end))).toEqual(before);
      }
      // an annotation whose words were all deleted is unplaced and its change is flagged as touching it
      for (const a of anns) {
        const whollyGone = a.spans.every((s) => {
          for (let i = s.start; i < s.end; i++) if (kept[i]) return false;
          return true;
        });
        if (!whollyGone) continue;
        expect(carried.orphans.map((o) => o.id)).toContain(a.id);
        expect(diff.changes.some((c) => c.annotations.includes(a.id))).toBe(true);
      }
    });
  }
});
