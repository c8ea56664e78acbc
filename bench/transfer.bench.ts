import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateEdits } from '../shared/anchoring/testing/simulate-edits';
import type { ExportFormat } from '../shared/ipc/contract';
import { batchOf } from '../shared/transfer/prepare-import';
import { createHandlers } from '../electron/services/handlers';
import { tempPorts } from '../electron/services/test-ports';
import { generateAnnotations, newsText } from './corpus';
import { row, type BenchRow } from './types';

/**
 * App-level rows for issue 5: the same IPC handlers the window calls, in Node, on real
 * store files. Export = render + save dialog (scripted) + atomic write. Import = read the
 * file, parse and validate it, re-anchor every annotation on the article text, rename
 * clashing ids; storing the result (annotations:apply) is its own row.
 */
const RUNS = 7;
const COUNT = 10_000;
const WORDS = 50_000;
const EXPORT_TARGET_MS = 200;
const IMPORT_TARGET_MS = 200;
const ANCHOR_TARGET_MS = 1000;

/**
 * Median wall time, and median CPU time of this process: on a shared machine the wall
 * time includes waiting for a core, the CPU time does not (both in the table).
 */
async function measure(runs: number, fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { wall: median(wall), cpu: median(cpu) };
}
const cpuNote = (m: { cpu: number }, more = '') => `CPU ${m.cpu.toFixed(0)} ms${more ? `; ${more}` : ''}`;

type Reply = { ok: boolean; value?: unknown; error?: unknown };
async function must<T>(reply: Promise<Reply>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

export async function bench(): Promise<BenchRow[]> {
  const ports = tempPorts();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-transfer-'));
  const handlers = await createHandlers(ports);
  const text = newsText(WORDS);
  const annotations = generateAnnotations(text, COUNT, { overlapShare: 0.1 });
  const source = await handlers.library.create({ text, title: 'Bench source' });
  handlers.library.apply({ articleId: source.id, baseRevision: 0, operation: batchOf(annotations.map((annotation) => ({ type: 'add' as const, annotation }))) });
  const rows: BenchRow[] = [];

  const formats: [ExportFormat, string][] = [
    ['newsmark', 'bench.newsmark.json'],
    ['w3c', 'bench.w3c.jsonld'],
    ['w3c-jsonl', 'bench.w3c.jsonl'],
    ['brat', 'bench.ann'],
    ['csv', 'bench.csv'],
  ];
  for (const [format, name] of formats) {
    const target = path.join(out, name);
    const m = await measure(RUNS, async () => {
      fs.rmSync(target, { force: true });
      fs.rmSync(target.replace(/\.ann$/, '.txt'), { force: true });
      ports.saveAnswers.push(target);
      await must(handlers.handle('annotations:export', { articleId: source.id, format }));
    });
    rows.push(row(`transfer: export ${COUNT.toLocaleString('en-US')} annotations as ${format} through the handler (render + write)`, m.wall, RUNS, EXPORT_TARGET_MS, cpuNote(m, `${(fs.statSync(target).size / 1e6).toFixed(1)} MB`)));
  }

  // Re-import onto an article with the same text and no annotations yet.
  const same = await handlers.library.create({ text, title: 'Bench same text' });
  for (const [format, name] of formats.filter(([f]) => f !== 'w3c-jsonl' && f !== 'brat')) {
    const file = path.join(out, name);
    let counts: { exact: number; unplaced: number } = { exact: 0, unplaced: 0 };
    const m = await measure(RUNS, async () => {
      ports.openAnswers.push([file]);
      counts = (await must<{ counts: typeof counts }>(handlers.handle('annotations:import', { articleId: same.id }))).counts;
    });
    rows.push(row(`transfer: re-import ${COUNT.toLocaleString('en-US')} annotations from ${format} through the handler (read + parse + anchor)`, m.wall, RUNS, IMPORT_TARGET_MS, cpuNote(m, `${counts.exact} exact, ${counts.unplaced} unplaced`)));
  }

  // Storing an import: one annotations:apply with the 10,000 adds (validated and written).
  ports.openAnswers.push([path.join(out, 'bench.newsmark.json')]);
  const prepared = await must<{ operation: unknown; orphans: unknown }>(handlers.handle('annotations:import', { articleId: same.id }));
  // Timed alone (creating a fresh article for each run is not part of it).
  const applyTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const target = await handlers.library.create({ text, title: 'Bench apply' });
    const t0 = performance.now();
    await must(handlers.handle('annotations:apply', { articleId: target.id, baseRevision: 0, operation: prepared.operation, orphans: prepared.orphans }));
    applyTimes.push(performance.now() - t0);
    handlers.library.delete(target.id);
  }
  applyTimes.sort((a, b) => a - b);
  rows.push(row(`transfer: store an import of ${COUNT.toLocaleString('en-US')} annotations (annotations:apply: validate + write)`, applyTimes[RUNS >> 1]!, RUNS));

  // Re-anchoring onto an edited text: the same export onto a copy with 300 edits.
  const edited = simulateEdits(text, 11, 300).text;
  const changed = await handlers.library.create({ text: edited, title: 'Bench edited' });
  let counts = { exact: 0, fuzzy: 0, unplaced: 0 };
  const anchor = await measure(RUNS, async () => {
    ports.openAnswers.push([path.join(out, 'bench.newsmark.json')]);
    counts = (await must<{ counts: typeof counts }>(handlers.handle('annotations:import', { articleId: changed.id }))).counts;
  });
  rows.push(
    row(
      `transfer: re-anchor ${COUNT.toLocaleString('en-US')} annotations onto an edited ${WORDS.toLocaleString('en-US')}-word text through the import handler (300 edits)`,
      anchor.wall,
      RUNS,
      ANCHOR_TARGET_MS,
      cpuNote(anchor, `${counts.exact} exact, ${counts.fuzzy} fuzzy, ${counts.unplaced} unplaced`),
    ),
  );
  handlers.library.close();
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(ports.dataDir, { recursive: true, force: true });
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await bench()) console.log(`${r.name}: ${r.medianMs.toFixed(1)} ms${r.target ? ` (target ${r.target}, ${r.met ? 'met' : 'NOT met'})` : ''}${r.extra ? ` — ${r.extra}` : ''}`);
}
