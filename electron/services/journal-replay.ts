import { applyOperation } from '../../shared/model/operations';
import { applyOrphanChange } from '../../shared/transfer/orphans';
import type { ArticleFile } from './store-files';
import type { JournalRead } from './journal';

/**
 * An article as it is now: its snapshot with the journal's later changes applied in order.
 * Lines at or below the snapshot's revision are already in it (a crash between writing the
 * snapshot and emptying the journal); the first line that does not follow or does not apply
 * ends the replay, and says why.
 */
export function replay(snapshot: ArticleFile, read: JournalRead): { file: ArticleFile; replayed: number; dropped?: string } {
  let file = snapshot;
  let replayed = 0;
  const drop = (line: number, reason: string) => ({ file, replayed, dropped: `journal line ${line} ${reason}, so it and any line after it were dropped` });
  for (const [i, entry] of read.entries.entries()) {
    if (entry.rev <= file.revision) continue;
    if (entry.rev !== file.revision + 1) return drop(i + 1, `makes revision ${entry.rev}, but the article is at ${file.revision}`);
    try {
      const annotations = applyOperation(file.annotations, entry.op);
      const orphans = entry.orphans ? applyOrphanChange(file.orphans ?? [], entry.orphans) : file.orphans;
      file = { ...file, revision: entry.rev, annotations, ...(orphans ? { orphans } : {}), article: { ...file.article, updatedAt: entry.at } };
      replayed++;
    } catch (error) {
      return drop(i + 1, `does not apply (${(error as Error).message})`);
    }
  }
  if (read.dropped) return { file, replayed, dropped: `journal line ${read.dropped.line} ${read.dropped.reason}; it was dropped` };
  return { file, replayed };
}

