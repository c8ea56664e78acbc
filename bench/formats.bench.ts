// Export and re-import of 10,000 annotations in each format, and re-anchoring them onto an
// edited 50,000-word text. Reports medians; never fails on a time.
import { anchorAnnotations } from '../shared/anchoring/anchor';
import { simulateEdits } from '../shared/anchoring/testing/simulate-edits';
import { exportBrat, importBrat } from '../shared/formats/brat';
import { readCsv, toCsv } from '../shared/formats/csv';
import { exportAnnotation, toNewsmarkExport } from '../shared/formats/newsmark-json';
import { newsmarkAnnotations, parseNewsmarkExport } from '../shared/formats/newsmark-parse';
import { readW3C, toW3CCollection } from '../shared/formats/w3c';
import { textHash } from '../shared/hash';
import type { Annotation, Article } from '../shared/model/types';
import { CodePointMap } from '../shared/text/code-points';
import { generateAnnotations, newsText } from './corpus';
import { medianOf, row, type BenchRow } from './types';

const COUNT = 10_000;
const WORDS = 50_000;
const RUNS = 7;
const IO_TARGET_MS = 200;
const ANCHOR_TARGET_MS = 1000;

function must<T>(r: { ok: true; value: T } | { ok: false; problems: unknown[] }): T {
  if (!r.ok) throw new Error(`benchmark input did not parse: ${JSON.stringify(r.problems.slice(0, 2))}`);
  return r.value;
}

export async function bench(): Promise<BenchRow[]> {
  const text = newsText(WORDS);
  const annotations: Annotation[] = generateAnnotations(text, COUNT, { seed: 11 });
  // quotes and claims link to the attribution before them, as the model requires
  annotations.forEach((a, i) => {
    const prev = annotations[i - 1];
    if (a.tag !== 'attribution' && prev?.tag === 'attribution') a.links = [prev.id];
  });
  const now = '2026-01-01T00:00:00.000Z';
  const article: Article = { id: 'bench', title: 'Bench', text, source: {}, textHash: await textHash(text), createdAt: now, updatedAt: now };
  const rows: BenchRow[] = [];
  const measure = async (name: string, target: number, fn: () => unknown, extra?: string) => rows.push(row(name, await medianOf(RUNS, fn), RUNS, target, extra));

  const opts = { exporter: { name: 'bench', version: '0' }, now };
  const json = JSON.stringify(toNewsmarkExport(article, annotations, opts));
  await measure('Newsmark JSON: export 10,000 annotations', IO_TARGET_MS, () => JSON.stringify(toNewsmarkExport(article, annotations, opts)), `${(json.length / 1e6).toFixed(1)} MB`);
  await measure('Newsmark JSON: parse, validate and anchor 10,000', IO_TARGET_MS, () => newsmarkAnnotations(must(parseNewsmarkExport(json)), text));

  const w3c = JSON.stringify(toW3CCollection(article, annotations));
  await measure('W3C: export 10,000 annotations', IO_TARGET_MS, () => JSON.stringify(toW3CCollection(article, annotations)), `${(w3c.length / 1e6).toFixed(1)} MB`);
  await measure('W3C: read and anchor 10,000', IO_TARGET_MS, () => anchorAnnotations(text, must(readW3C(w3c, text))));

  const brat = exportBrat(text, annotations).ann;
  await measure('brat: export 10,000 annotations', IO_TARGET_MS, () => exportBrat(text, annotations));
  await measure('brat: import 10,000', IO_TARGET_MS, () => importBrat(text, brat, { now }));

  const csv = toCsv(text, annotations);
  await measure('CSV: export 10,000 annotations', IO_TARGET_MS, () => toCsv(text, annotations), `${(csv.length / 1e6).toFixed(1)} MB`);
  await measure('CSV: read and anchor 10,000', IO_TARGET_MS, () => anchorAnnotations(text, must(readCsv(csv))));

  const edited = simulateEdits(text, 2025, 300);
  const map = new CodePointMap(text);
  const exported = annotations.map((a) => exportAnnotation(text, map, a));
  const result = anchorAnnotations(edited.text, exported);
  const c = result.counts;
  const edits = Object.entries(edited.applied)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  await measure(
    're-anchor 10,000 annotations onto an edited 50,000-word text',
    ANCHOR_TARGET_MS,
    () => anchorAnnotations(edited.text, exported),
    `${c.position} position, ${c.exact} exact, ${c.fuzzy} fuzzy, ${c.orphan} orphans; edits: ${edits}`,
  );
  return rows;
}
