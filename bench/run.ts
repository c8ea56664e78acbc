// `npm run bench`: every bench/*.bench.ts, one table. Benchmarks report; they never fail a build.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './types';

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: (BenchRow & { suite: string })[] = [];
for (const file of files) {
  const suite = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench: ${suite}…\n`);
  const mod = (await import(path.join(dir, file))) as { bench(): Promise<BenchRow[]> };
  for (const r of await mod.bench()) rows.push({ suite, ...r });
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
const header = ['suite', 'measure', 'median', 'floor', 'ratio', 'runs', 'target', 'met', 'notes'];
const table = rows.map((r) => [
  r.suite,
  r.name,
  Number.isNaN(r.medianMs) ? '' : ms(r.medianMs),
  r.floor ? `${ms(r.floor.ms)} (${r.floor.name})` : '',
  r.floor && !Number.isNaN(r.medianMs) ? `${(r.medianMs / r.floor.ms).toFixed(2)}×` : '',
  String(r.runs),
  r.target ?? '',
  r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  r.extra ?? '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const t of table) console.log(line(t));
