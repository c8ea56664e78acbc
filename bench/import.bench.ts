import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/services/import/import-file';
import { medianOf, row, type BenchRow } from './types';
import { POLNEAR_DEV_TEXT } from '../tests/corpus/paths';

const POLNEAR_DEV = POLNEAR_DEV_TEXT + '/';
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/**
 * The drop's whole budget; this row measures its parse part. The whole drop through the
 * app (window → main → library → summary painted) is measured in library.bench.ts.
 */
const DROP_TARGET_MS = 3000;

export async function bench(): Promise<BenchRow[]> {
  const files = readdirSync(POLNEAR_DEV)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(POLNEAR_DEV + name)) }));
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const dropMs = await medianOf(9, () => Promise.all(files.map((f) => importFile(f))));

  // A saved page goes through linkedom and Readability: the slow path per file.
  const page = { name: 'news-page.html', bytes: new Uint8Array(readFileSync(`${FIXTURES}news-page.html`)) };
  const pageMs = await medianOf(9, () => importFile(page));

  return [
    row(
      `import: parse + head detection of the ${files.length} PolNeAR dev .txt files (parse part of a drop; the whole drop: library suite)`,
      dropMs,
      9,
      DROP_TARGET_MS,
      `${(bytes / 1000).toFixed(0)} kB, ${(dropMs / files.length).toFixed(2)} ms/file`,
    ),
    row(`import: one saved news page (.html, ${(page.bytes.length / 1000).toFixed(1)} kB) through linkedom + Readability`, pageMs, 9),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await bench()) console.log(`${r.name}: ${r.medianMs.toFixed(1)} ms${r.target ? ` (target ${r.target}, ${r.met ? 'met' : 'NOT met'})` : ''}${r.extra ? ` — ${r.extra}` : ''}`);
}
