import type { CarryOverCounts } from './carry-over';
import type { VersionDiff } from './types';

/**
 * Is the new text a new version of the article at all? "identical": nothing to do.
 * "different": almost no sentence is shared and almost no annotation places, so it is most
 * likely another article; the editor is asked before anything changes. Else "version".
 */
export type Verdict = 'identical' | 'different' | 'version';

/** Below this share of sentences kept, a text is suspected to be another article. */
export const MIN_SHARED_SENTENCES = 0.1;
/** ...unless at least this share of the annotations still placed. */
export const MIN_PLACED = 0.5;

export function judgeVersion(oldHash: string, newHash: string, diff: VersionDiff, counts?: CarryOverCounts): Verdict {
  if (oldHash === newHash) return 'identical';
  const shared = diff.sameSentences / Math.max(1, Math.min(diff.oldSentences, diff.newSentences));
  const placed = counts && counts.total > 0 ? (counts.exact + counts.fuzzy) / counts.total : 0;
  if (shared < MIN_SHARED_SENTENCES && placed < MIN_PLACED) return 'different';
  return 'version';
}
