import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { agreement } from '../shared/review/metrics';
import { pairAnnotations } from '../shared/review/pair';
import { annotatorsOver, rng, syntheticPair } from '../shared/review/test-support';
import { tokenize } from '../shared/review/tokens';
import { medianOf, row, type BenchRow } from './types';

const SAMPLE = fileURLToPath(new URL('../resources/sample/venezuela-maduro-call.txt', import.meta.url));

/** Pairing plus every metric, the work the review panel does when a colleague's file is opened. */
function pairAndMeasure(text: string, mine: Parameters<typeof pairAnnotations>[0], theirs: Parameters<typeof pairAnnotations>[1]): void {
  agreement(text, mine, theirs, { pairing: pairAnnotations(mine, theirs) });
}

export async function bench(): Promise<BenchRow[]> {
  const big = syntheticPair(10_000, 50_000, 1);
  const bigMs = await medianOf(7, () => pairAndMeasure(big.text, big.mine, big.theirs));

  const sampleText = readFileSync(SAMPLE, 'utf8').replace(/\r\n?/g, '\n');
  const words = tokenize(sampleText);
  const sample = annotatorsOver(words.starts, words.ends, 40, rng(2));
  const sampleMine = sample.mine;
  const sampleTheirs = sample.theirs;
  const smallMs = await medianOf(21, () => pairAndMeasure(sampleText, sampleMine, sampleTheirs));

  return [
    row(
      'review: pair + all metrics, 10,000 × 10,000 annotations, 50,000 words',
      bigMs,
      7,
      100,
      `${big.mine.length} × ${big.theirs.length}`,
    ),
    row('review: pair + all metrics, sample article', smallMs, 21, 10, `${sampleMine.length} × ${sampleTheirs.length} annotations on ${words.count} words`),
  ];
}
