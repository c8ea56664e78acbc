import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/types';
import { ANNO_CONTEXT, readW3C, toW3CCollection, toW3CJsonLines } from './w3c';

const TEXT = 'The mayor said “we will win,” he added, 😀 and 𝐀𝐁 agreed.';
const at = (s: string) => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length] as const;
const base = { note: '', links: [], author: { id: 'ed-1', name: 'Ed' }, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z' };
const cue: Annotation = { ...base, id: 'cue', tag: 'attribution', spans: [{ start: at('said')[0], end: at('said')[1] }], note: 'verb' };
const quote: Annotation = {
  ...base,
  id: 'q',
  tag: 'quote',
  spans: [
    { start: at('“we will win,”')[0], end: at('“we will win,”')[1] },
    { start: at('agreed')[0], end: at('agreed')[1] },
  ],
  links: ['cue'],
};
const collection = toW3CCollection({ id: 'art-1', title: 'Mayor', text: TEXT, source: { url: 'https://example.com/a' } }, [cue, quote]);
/** Parsed JSON, walked freely by the shape checks. */
type Any = ReturnType<typeof JSON.parse>;
const items = (collection.first as Any).items as Any[];

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];

/** The MUSTs of the W3C Web Annotation Data Model that apply to what Newsmark writes. */
function checkAnnotation(a: Any): void {
  expect(a.id).toMatch(IRI); // §3.1: an Annotation MUST have exactly 1 IRI that identifies it
  expect(a.type).toBe('Annotation'); // §3.1: MUST have 1 or more types, including Annotation
  expect(a.target).toBeDefined(); // §3.1: MUST have 1 or more targets
  expect(MOTIVATIONS).toContain(a.motivation); // §3.3.5: instances of oa:Motivation
  for (const b of [a.body ?? []].flat()) {
    expect(b.type).toBe('TextualBody'); // §3.2.4
    expect(typeof b.value).toBe('string'); // TextualBody MUST have exactly 1 value
    if (b.purpose) expect(MOTIVATIONS).toContain(b.purpose);
  }
  if (a.created) expect(a.created).toMatch(/^\d{4}-\d{2}-\d{2}T/); // §3.3.1: xsd:dateTime
  if (a.creator) expect(a.creator.id).toMatch(IRI);
  const targets = Array.isArray(a.target) ? a.target : a.target.type === 'List' ? a.target.items : [a.target];
  for (const t of targets) {
    if (typeof t === 'string') {
      expect(t).toMatch(IRI);
      continue;
    }
    expect(t.source).toMatch(IRI); // §4: a SpecificResource MUST have exactly 1 source
    for (const s of [t.selector].flat()) {
      if (s.type === 'TextQuoteSelector') expect(typeof s.exact).toBe('string'); // §4.2.4: MUST have exactly 1 exact
      else {
        expect(s.type).toBe('TextPositionSelector'); // §4.2.5
        expect(Number.isInteger(s.start) && s.start >= 0).toBe(true); // MUST be a non-negative integer
        expect(Number.isInteger(s.end) && s.end >= s.start).toBe(true);
      }
    }
  }
}

describe('W3C export shape', () => {
  it('is an AnnotationCollection with the anno context, a first page and a total', () => {
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(IRI);
    expect((collection.first as Any).type).toBe('AnnotationPage');
    expect(collection.total).toBe(items.length);
    items.forEach(checkAnnotation);
  });

  it('classifies with a tagging body, comments the note, and targets quote and position selectors in code points', () => {
    const tagged = items[0]!;
    expect(tagged.motivation).toBe('classifying');
    expect(tagged.body).toEqual([
      { type: 'TextualBody', value: 'attribution', purpose: 'tagging' },
      { type: 'TextualBody', value: 'verb', format: 'text/plain', purpose: 'commenting' },
    ]);
    expect(tagged.target.source).toBe('https://example.com/a');
    const chars = Array.from(TEXT);
    const multi = items.find((i) => i.target.type === "List")!;
    for (const r of multi.target.items) {
      const [q, p] = r.selector;
      expect(q.type).toBe('TextQuoteSelector');
      expect(chars.slice(p.start, p.end).join('')).toBe(q.exact);
    }
    expect(multi.target.items.map((r: Any) => r.selector[0].exact)).toEqual(['“we will win,”', 'agreed']);
  });

  it('writes each link as a linking annotation whose targets are the two annotations', () => {
    const link = items.find((i) => i.motivation === "linking")!;
    expect(link.target).toEqual(['urn:newsmark:annotation:q', 'urn:newsmark:annotation:cue']);
  });

  it('writes JSON Lines with one complete annotation per line', () => {
    const lines = toW3CJsonLines({ id: 'art-1', text: TEXT }, [cue, quote]).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      const a = JSON.parse(l);
      expect(a['@context']).toBe(ANNO_CONTEXT);
      checkAnnotation(a);
    }
  });
});

describe('readW3C', () => {
  it('reads back ids, tags, selectors, notes, links, creator and dates', () => {
    const r = readW3C(JSON.stringify(collection), TEXT);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const q = r.value.find((a) => a.id === 'q')!;
    expect(q.links).toEqual(['cue']);
    expect(q.author).toEqual(base.author);
    expect([q.createdAt, q.updatedAt]).toEqual([base.createdAt, base.updatedAt]);
    expect(q.spans.map((s) => s.exact)).toEqual(['“we will win,”', 'agreed']);
    expect(r.value.find((a) => a.id === 'cue')!.note).toBe('verb');
  });

  it('reports problems with JSON paths, or line numbers for JSON Lines', () => {
    const bad = structuredClone(collection) as Any;
    bad.first.items[1].body[0].value = 'opinion';
    bad.first.items[0].target.selector[1].start = -3;
    const r = readW3C(JSON.stringify(bad), TEXT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // the link from the rejected annotation cannot stand either
    expect(r.problems.map((p) => p.where)).toEqual(['$.first.items[0].target', '$.first.items[1].body', '$.first.items[2].target']);
    const lines = toW3CJsonLines({ id: 'a', text: TEXT }, [cue, quote]).split('\n');
    lines[1] = '{"id": 5';
    const j = readW3C(lines.join('\n'), TEXT);
    expect(j.ok ? [] : j.problems.map((p) => p.where)).toEqual(['line 2 column 9']);
  });
});
