// What the app has saved, read from its data folder as the app itself would on its next
// start: each article's snapshot with its journal's later changes applied. Reading the
// snapshot alone would miss every change made since it was last written.
import fs from 'node:fs';
import path from 'node:path';
import { Journal, JOURNAL_SUFFIX } from '../electron/services/journal';
import { replay } from '../electron/services/journal-replay';
import type { ArticleFile } from '../electron/services/store-files';

/** One article file as saved now (snapshot + journal). */
export function readStoredArticle(file: string): ArticleFile {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as ArticleFile;
  const journal = new Journal(file.replace(/\.json$/, JOURNAL_SUFFIX));
  const { file: now, dropped } = replay(snapshot, journal.read());
  if (dropped) throw new Error(`${file}: ${dropped}`);
  return now;
}

/** Every article in the data folder (files moved aside as corrupt left out). */
export function storedArticleFiles(dataDir: string): { file: string; data: ArticleFile }[] {
  const dir = path.join(dataDir, 'articles');
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.includes('.corrupt-'))
    .sort()
    .map((n) => ({ file: path.join(dir, n), data: readStoredArticle(path.join(dir, n)) }));
}
