import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceKind } from '../../shared/model/source-kind';
import type { Annotation, Tag } from '../../shared/model/types';

/** The sample article with the hand-tagged attributions of tests/sources/labels/sample.json. */
interface Words {
  words: string;
  nth?: number;
}
interface LabelFile {
  article: string;
  attributions: (Words & { kind: SourceKind; contents: (Words & { tag: Tag })[] })[];
  unsourced: (Words & { tag: Tag })[];
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SAMPLE_LABELS = path.join(ROOT, 'tests', 'sources', 'labels', 'sample.json');

function find(text: string, w: Words, where: string): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= (w.nth ?? 0); i++) {
    at = text.indexOf(w.words, at + 1);
    if (at < 0) throw new Error(`${where}: "${w.words}" (occurrence ${w.nth ?? 0}) is not in the sample article`);
  }
  return { start: at, end: at + w.words.length };
}

export interface SampleFixture {
  text: string;
  annotations: Annotation[];
  /** Attribution id → the kind we judged right. */
  kinds: Map<string, SourceKind>;
}

export function sampleFixture(): SampleFixture {
  const labels = JSON.parse(readFileSync(SAMPLE_LABELS, 'utf8')) as LabelFile;
  const text = readFileSync(path.join(ROOT, labels.article), 'utf8');
  const now = '2026-12-03T00:00:00.000Z';
  const author = { id: 'fixture', name: 'Fixture' };
  const make = (id: string, tag: Tag, span: { start: number; end: number }, links: string[] = []): Annotation => ({ id, tag, spans: [span], note: '', links, author, createdAt: now, updatedAt: now });
  const annotations: Annotation[] = [];
  const kinds = new Map<string, SourceKind>();
  labels.attributions.forEach((a, i) => {
    const id = `s${i + 1}`;
    annotations.push(make(id, 'attribution', find(text, a, `attributions[${i}]`)));
    kinds.set(id, a.kind);
    a.contents.forEach((c, j) => annotations.push(make(`s${i + 1}c${j + 1}`, c.tag, find(text, c, `attributions[${i}].contents[${j}]`), [id])));
  });
  labels.unsourced.forEach((c, i) => annotations.push(make(`u${i + 1}`, c.tag, find(text, c, `unsourced[${i}]`))));
  return { text, annotations, kinds };
}
