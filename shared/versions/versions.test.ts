import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/types';
import { carryOver } from './carry-over';
import { diffVersions, panelOrder } from './diff';
import { versionHeading } from './history';
import { changeListText, versionsExport, versionsReport } from './report';
import { splitSentences } from './sentences';
import { judgeVersion } from './verdict';

function ann(id: string, text: string, words: string, tag: Annotation['tag'] = 'claim', links: string[] = []): Annotation {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`no "${words}"`);
  return { id, tag, spans: [{ start, end: start + words.length }], note: '', links, author: { id: 'u', name: 'U' }, createdAt: 't', updatedAt: 't' };
}

const V1 = [
  'The mayor said the budget would pass. Critics disagreed.',
  'The council met on Tuesday. It voted 5 to 4.',
  '“We will not raise taxes,” the mayor said. Officials confirmed the figures.',
].join('\n');

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks, not at abbreviations', () => {
    const s = splitSentences('U.S. President Trump spoke. Mr. Smith left.\nNew line here');
    expect(s.map((x) => x.text)).toEqual(['U.S. President Trump spoke.', 'Mr. Smith left.', 'New line here']);
    const text = 'A bee.  C dee.';
    expect(splitSentences(text).map((x) => text.slice(x.start, x.end))).toEqual(['A bee.', 'C dee.']);
  });
});

describe('diffVersions', () => {
  it('finds nothing between equal texts', () => {
    const d = diffVersions(V1, V1);
    expect(d.changes).toEqual([]);
    expect(changeListText(d)).toMatch(/identical/);
  });

  it('classifies added, removed and reworded sentences in document order', () => {
    const v2 = [
      'The mayor said the budget would pass. Critics disagreed.',
      'A new paragraph about the vote appeared here.',
      'The council met on Tuesday.',
      '“We will not raise property taxes this year,” the mayor said. Officials confirmed the figures.',
    ].join('\n');
    const d = diffVersions(V1, v2);
    expect(d.changes.map((c) => c.kind)).toEqual(['added', 'removed', 'reworded']);
    const [added, removed, reworded] = d.changes;
    expect(v2.slice(added!.new!.start, added!.new!.end)).toBe('A new paragraph about the vote appeared here.');
    expect(removed!.oldText).toBe('It voted 5 to 4.');
    expect(V1.slice(removed!.old!.start, removed!.old!.end)).toBe('It voted 5 to 4.');
    // a removed sentence's marker stands where it was: before the next surviving sentence
    expect(removed!.at).toBe(v2.indexOf('“We will'));
    expect(reworded!.quote).toEqual({ before: 'We will not raise taxes', after: 'We will not raise property taxes this year' });
    expect(reworded!.parts!.filter((p) => p.op === 'added').map((p) => p.text.trim())).toContain('property');
    expect(d.counts).toMatchObject({ added: 1, removed: 1, reworded: 1, quotes: 1 });
  });

  it('does not call a rewording outside the quotation marks a reworded quote', () => {
    const v2 = V1.replace('the mayor said', 'the mayor told reporters');
    const d = diffVersions(V1, v2);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]!.kind).toBe('reworded');
    expect(d.changes[0]!.quote).toBeUndefined();
  });

  it('keeps an unrelated replacement as removed + added, not reworded', () => {
    const v2 = V1.replace('Critics disagreed.', 'Snow fell heavily across the northern valleys.');
    expect(diffVersions(V1, v2).changes.map((c) => c.kind)).toEqual(['removed', 'added']);
  });

  it('lists the changes touching annotations first, each group in document order', () => {
    const v2 = V1.replace('Critics disagreed.', 'Critics strongly disagreed.').replace(' It voted 5 to 4.', '').replace('Officials confirmed', 'Aides confirmed');
    const a = ann('a', V1, 'It voted');
    const d = diffVersions(V1, v2, { oldAnnotations: [a] });
    expect(d.changes.map((c) => c.kind)).toEqual(['reworded', 'removed', 'reworded']);
    expect(d.changes[1]!.annotations).toEqual(['a']);
    expect(panelOrder(d.changes).map((c) => c.index)).toEqual([1, 0, 2]);
    expect(d.counts.touching).toBe(1);
  });

  it('finds touches on the new text too, with long spans that start earlier', () => {
    const v2 = `${V1}\nA closing sentence was added.`;
    const long = { id: 'long', spans: [{ start: 0, end: v2.length }] };
    const d = diffVersions(V1, v2, { newAnnotations: [long, { id: 'far', spans: [{ start: 0, end: 5 }] }] });
    expect(d.changes[0]!.annotations).toEqual(['long']);
  });
});

describe('carryOver', () => {
  it('places the same words exactly, changed words fuzzily, and keeps the rest unplaced with their links held back', () => {
    const v1 = 'Representatives of the union declared that the strike would continue until Friday. The minister said talks had failed completely.';
    const v2 = 'Representatives of the union declared that the stirke would continue until Friday.';
    const claim = ann('c', v1, 'declared that the strike would continue');
    const cue = ann('s', v1, 'The minister said');
    const quote = ann('q', v1, 'talks had failed completely', 'quote', ['s']);
    const who = ann('r', v1, 'Representatives of the union', 'attribution');
    const linked = { ...claim, links: ['r', 's'] };
    const r = carryOver(v1, v2, [linked, cue, quote, who], { now: 'n', version: 2 });
    expect(r.counts).toEqual({ total: 4, exact: 1, fuzzy: 1, unplaced: 2 });
    expect(r.fuzzy).toEqual(['c']);
    const c = r.annotations.find((a) => a.id === 'c')!;
    expect(v2.slice(c.spans[0]!.start, c.spans[0]!.end)).toBe('declared that the stirke would continue');
    expect(c.links).toEqual(['r']);
    const s = r.orphans.find((o) => o.id === 's')!;
    expect(s.linkedFrom).toEqual(['c']);
    expect(r.orphans.find((o) => o.id === 'q')!.links).toEqual(['s']);
  });
});

describe('judgeVersion', () => {
  it('tells identical, a new version and another article apart', () => {
    const d = diffVersions(V1, V1.replace('Tuesday', 'Wednesday'));
    expect(judgeVersion('h1', 'h1', d)).toBe('identical');
    expect(judgeVersion('h1', 'h2', d)).toBe('version');
    const other = 'Snow fell in the valleys. Farmers moved their herds. Roads were closed for days.';
    const d2 = diffVersions(V1, other);
    const anns = [ann('a', V1, 'The council met on Tuesday')];
    const c = carryOver(V1, other, anns, { now: 'n', version: 2 });
    expect(judgeVersion('h1', 'h3', d2, c.counts)).toBe('different');
  });
});

describe('history and report', () => {
  it('says which version this is and how long after the first', () => {
    expect(versionHeading(3, 3, '2026-01-01T10:00:00Z', '2026-01-01T12:00:00Z')).toBe('version 3 of 3 · updated 2 h after the first');
    expect(versionHeading(1, 1, 'x', 'x')).toBe('version 1 of 1');
    expect(versionHeading(2, 2, '2026-01-01T10:00:00Z', '2026-01-01T10:20:00Z')).toBe('version 2 of 2 · updated 20 min after the first');
  });

  it('writes the history and the changes as JSON and as a readable report', () => {
    const v2 = V1.replace('We will not raise taxes', 'We may raise taxes');
    const d = diffVersions(V1, v2);
    const e = versionsExport({ id: 'x', title: 'T' }, [{ number: 1, textHash: 'sha256:a', addedAt: 'd1', label: '', length: 1, annotations: 0 }], { from: 1, to: 2, diff: d }, 'now');
    expect(JSON.parse(JSON.stringify(e)).changes.list[0].quote).toEqual({ before: 'We will not raise taxes', after: 'We may raise taxes' });
    expect(versionsReport(e)).toMatch(/reworded direct quote — the words inside the quotation marks changed/);
  });
});
