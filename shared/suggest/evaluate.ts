/** Score a suggester on a split: every annotator file against the suggestions for its text. */
import { proposalsAsAnnotated } from './as-annotated';
import type { Annotated } from './gold';
import { emptyCounts, scoreFile, type ScoreCounts } from './score';
import type { Suggester } from './types';

export function evaluate(suggester: Suggester, articles: readonly { text: string; golds: readonly Annotated[] }[]): { counts: ScoreCounts; files: number } {
  const counts = emptyCounts();
  let files = 0;
  for (const a of articles) {
    const predicted = proposalsAsAnnotated(suggester.suggest(a.text));
    for (const g of a.golds) {
      scoreFile(a.text, predicted, g, counts);
      files++;
    }
  }
  return { counts, files };
}
