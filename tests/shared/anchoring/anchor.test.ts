import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAnnotation } from '../../../shared/formats/newsmark-json';
import { normalizeSpans } from '../../../shared/model/spans';
import type { Annotation } from '../../../shared/model/types';
import { CodePointMap } from '../../../shared/text/code-points';
import { anchorAnnotations } from '../../../shared/anchoring/anchor';
import { EditTracker, simulateEdits } from '../../../shared/anchoring/testing/simulate-edits';
import { POLNEAR_DEV } from '../../corpus/paths';

const DEV = POLNEAR_DEV;

function annotation(id: string, spans: { start: number; end: number }[]): Annotation {
  return { id, tag: 'claim', spans, note: '', links: [], author: { id: 'a', name: 'A' }, createdAt: '', updatedAt: '' };
}

/** Source, Cue and Content spans of a PolNeAR file, read directly so this test depends on anchoring only. */
function polnearSpans(ann: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of ann.split('\n')) {
    const m = /^(T\d+)\t(Source|Cue|Content) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const spans = m[3]!.split(';').map((f) => {
      const [a, b] = f.trim().split(' ').map(Number);
      return { start: a!, end: b! };
    });
    out.push(annotation(m[1]!, normalizeSpans(spans)));
  }
  return out;
}

function exported(text: string, anns: Annotation[]) {
  const map = new CodePointMap(text);
  return anns.map((a) => exportAnnotation(text, map, a));
}

describe('anchorAnnotations on an unchanged text', () => {
  it('places every span by position', () => {
    const text = 'Officials said the plan “will work,” he said. Officials said so.';
    const anns = [annotation('a', [{ start: 0, end: 9 }]), annotation('b', [{ start: 24, end: 36 }, { start: 37, end: 44 }])];
    const res = anchorAnnotations(text, exported(text, anns));
    expect(res.counts).toEqual({ total: 2, position: 2, exact: 0, fuzzy: 0, orphan: 0 });
    expect(res.placed.map((p) => p.annotation.spans)).toEqual(anns.map((a) => a.spans));
  });

  it('counts positions in code points and returns UTF-16 spans', () => {
    const text = '𝐀𝐁 said 𠀀 twice, 😀 said it';
    const start = text.indexOf('said it');
    const res = anchorAnnotations(text, exported(text, [annotation('x', [{ start, end: start + 4 }])]));
    expect(res.placed[0]!.how).toBe('position');
    expect(res.placed[0]!.annotation.spans).toEqual([{ start, end: start + 4 }]);
  });
});

describe('anchorAnnotations on an edited text', () => {
  const original = 'The mayor said the budget would pass. Critics said it would not. The mayor said nothing else.';
  const sel = () => {
    const start = original.indexOf('said it');
    return exported(original, [annotation('cue', [{ start, end: start + 4 }])]);
  };

  it('follows a quote that moved, using its context among identical words', () => {
    const edited = `Breaking: ${original}`;
    const res = anchorAnnotations(edited, sel());
    const s = res.placed[0]!.annotation.spans[0]!;
    expect(res.placed[0]!.how).toBe('exact');
    expect(edited.slice(s.start - 8, s.end)).toBe('Critics said');
  });

  it('finds a quote with a typo fixed near it by fuzzy matching', () => {
    const text = 'Representatives of the union declared that the strike would continue until Friday.';
    const start = text.indexOf('declared that the strike would continue');
    const ex = exported(text, [annotation('c', [{ start, end: start + 39 }])]);
    const edited = text.replace('Representatives', 'Delegates').replace('strike', 'stirke');
    const res = anchorAnnotations(edited, ex);
    expect(res.placed[0]!.how).toBe('fuzzy');
    const s = res.placed[0]!.annotation.spans[0]!;
    expect(edited.slice(s.start, s.end)).toBe('declared that the stirke would continue');
  });

  it('makes an orphan rather than pin a deleted "said" to another one', () => {
    const edited = original.replace(' Critics said it would not.', '');
    const res = anchorAnnotations(edited, sel());
    expect(res.placed).toEqual([]);
    expect(res.orphans).toHaveLength(1);
    expect(res.counts.orphan).toBe(1);
  });

  it('orphans a multi-span annotation whole when one span is gone, keeping its selectors', () => {
    const text = '“We will win,” she said, “and we will win big.”';
    const a = annotation('q', [{ start: 0, end: 14 }, { start: 25, end: 47 }]);
    const ex = exported(text, [a]);
    const res = anchorAnnotations('“We will win,” she said.', ex);
    expect(res.orphans).toEqual(ex);
  });
});

describe('anchoring PolNeAR dev texts after deterministic edits', () => {
  it('places ≥ 99% of annotations whose words survive on those words, none elsewhere, and orphans deleted ones', () => {
    const tally = { exists: 0, right: 0, wrong: 0, gone: 0, goneOrphaned: 0, goneOnCopy: 0 };
    const wrong: string[] = [];
    for (const file of fs.readdirSync(path.join(DEV, 'attributions')).sort()) {
      const article = file.replace(/_[^_]+\.ann$/, '');
      const text = fs.readFileSync(path.join(DEV, 'text', `${article}.txt`), 'utf8');
      const anns = polnearSpans(fs.readFileSync(path.join(DEV, 'attributions', file), 'utf8'));
      const seed = [...article].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
      const edited = simulateEdits(text, seed, 8);
      const tracker = new EditTracker(text.length, edited);
      const res = anchorAnnotations(edited.text, exported(text, anns));
      const placed = new Map(res.placed.map((p) => [p.annotation.id, p.annotation.spans]));
      for (const a of anns) {
        const exists = a.spans.every((s) => tracker.exists(s));
        const gone = a.spans.some((s) => tracker.survived([s]) === 0);
        const spans = placed.get(a.id);
        if (exists) tally.exists++;
        if (gone) tally.gone++;
        if (!spans) {
          if (gone) tally.goneOrphaned++;
          continue;
        }
        const v = tracker.verdict(a.spans, spans);
        // A verbatim copy of the words (a pull quote) is the same words, not wrong ones.
        if (v.precision + v.copy < 0.5 || (gone && v.copy < 0.5)) {
          tally.wrong++;
          wrong.push(`${file} ${a.id}`);
        } else if (gone) tally.goneOnCopy++;
        else if (exists && v.precision >= 0.9 && v.recall >= 0.9) tally.right++;
      }
    }
    expect(wrong).toEqual([]);
    expect(tally.exists).toBeGreaterThan(5000);
    expect(tally.right / tally.exists).toBeGreaterThanOrEqual(0.99);
    expect(tally.gone).toBeGreaterThan(100);
    // deleted words become orphans, unless a pull quote kept a verbatim copy of them
    expect(tally.goneOrphaned + tally.goneOnCopy).toBe(tally.gone);
    expect(tally.goneOrphaned).toBeGreaterThan(tally.goneOnCopy);
  });
});
