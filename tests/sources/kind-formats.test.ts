import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from '../../shared/anchoring/anchor';
import { exportBrat, importBrat } from '../../shared/formats/brat';
import { readCsv, toCsv } from '../../shared/formats/csv';
import { toNewsmarkExport } from '../../shared/formats/newsmark-json';
import { newsmarkAnnotations, parseNewsmarkExport } from '../../shared/formats/newsmark-parse';
import { readW3C, toW3CCollection } from '../../shared/formats/w3c';
import type { Annotation, Article } from '../../shared/model/types';
import { sampleFixture } from './sample-fixture';

/** The editor's kind of source goes out in every format and comes back. */
const { text, annotations: base } = sampleFixture();
const annotations: Annotation[] = base.map((a) => (a.id === 's1' ? { ...a, sourceKind: 'anonymous' } : a.id === 's2' ? { ...a, sourceKind: 'organisation', sourceGroup: 'words:caracas administration' } : a));
const article: Article = { id: 'sample', title: 'Sample', text, source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: '', updatedAt: '' };
const kinds = (as: readonly { id?: string; sourceKind?: string }[]) => as.filter((a) => a.sourceKind).map((a) => a.sourceKind).sort();

describe('sourceKind in every format', () => {
  it('Newsmark JSON (and a file without it still reads)', () => {
    const out = toNewsmarkExport(article, annotations, { exporter: { name: 'N', version: '1' }, now: '', includeText: true });
    const raw = JSON.stringify(out);
    expect(raw).toContain('"sourceKind":"anonymous"');
    const parsed = parseNewsmarkExport(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const placed = newsmarkAnnotations(parsed.value, text).placed.map((p) => p.annotation);
    expect(placed.find((a) => a.id === 's2')).toMatchObject({ sourceKind: 'organisation', sourceGroup: 'words:caracas administration' });
    const old = toNewsmarkExport(article, base, { exporter: { name: 'N', version: '1' }, now: '' });
    expect(parseNewsmarkExport(JSON.stringify(old)).ok).toBe(true);
    const bad = JSON.parse(raw);
    bad.annotations.find((a: { sourceKind?: string }) => a.sourceKind).sourceKind = 'celebrity';
    const r = parseNewsmarkExport(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.where).toMatch(/^\$\.annotations\[\d+\]\.sourceKind$/);
  });

  it('W3C: a TextualBody with purpose "classifying"', () => {
    const raw = JSON.stringify(toW3CCollection(article, annotations));
    expect(raw).toContain('{"type":"TextualBody","value":"anonymous","purpose":"classifying"}');
    const r = readW3C(raw, text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(kinds(r.value)).toEqual(['anonymous', 'organisation']);
  });

  it('CSV: a source_kind column; a wrong kind names row and column', () => {
    const raw = toCsv(text, annotations);
    expect(raw.split('\r\n')[0]).toMatch(/,source_kind$/);
    const r = readCsv(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(kinds(r.value)).toEqual(['anonymous', 'organisation']);
    const bad = readCsv(raw.replace(',anonymous\r\n', ',celebrity\r\n'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.where).toMatch(/^row \d+, column source_kind$/);
  });

  it('brat: an attribute line A1 SourceKind T1 anonymous', () => {
    const { ann } = exportBrat(text, annotations);
    expect(ann).toMatch(/^A1\tSourceKind T\d+ anonymous$/m);
    const back = importBrat(text, ann);
    expect(back.problems).toEqual([]);
    expect(kinds(back.annotations)).toEqual(['anonymous', 'organisation']);
    expect(exportBrat(text, back.annotations).ann).toContain('SourceKind');
    const bad = importBrat(text, `${ann}A9\tSourceKind T1 celebrity\n`);
    expect(bad.problems.map((p) => p.message).join()).toContain('celebrity is not one of');
  });

  it('anchoring keeps the kind on re-attached annotations', () => {
    const r = anchorAnnotations(text, toNewsmarkExport(article, annotations, { exporter: { name: 'N', version: '1' }, now: '' }).annotations);
    expect(kinds(r.placed.map((p) => p.annotation))).toEqual(['anonymous', 'organisation']);
  });
});
