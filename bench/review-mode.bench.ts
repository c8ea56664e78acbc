import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp, type LaunchedApp } from '../e2e/host/launch';
import { REVIEW_OPEN_MARK, REVIEW_PAINTED_MARK } from '../renderer/src/review/review-timing';
import { toNewsmarkExport } from '../shared/formats/newsmark-json';
import { annotatorsOver, rng } from '../shared/review/test-support';
import { tokenize } from '../shared/review/tokens';
import { newsText } from './corpus';
import { row, type BenchRow } from './types';

/**
 * Opening review mode on the sample article, in Debian's Chromium through the browser host:
 * from the command (Review → Review Mode) to the frame that shows the review marks, read
 * from the renderer's User Timing marks. Everything an opening does is inside: reading the
 * article and the review from main, rendering the text, pairing, the panels, painting.
 */
const RUNS = 9;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function measure(app: LaunchedApp, dir: string, text: string | null, count: number): Promise<{ ms: number; pairs: number; mine: number; theirs: number }> {
  const { page, handlers } = app;
  const id = text === null ? handlers.library.list().articles.find((a) => a.source.outlet === 'Newsmark sample')!.id : (await handlers.library.create({ text, title: `Bench ${count}` })).id;
  const file = handlers.library.article(id);
  // Mine and a colleague's over the article's words: half agree, the rest conflict or differ.
  const words = tokenize(file.article.text);
  const { mine, theirs } = annotatorsOver(words.starts, words.ends, count, rng(2));
  handlers.library.apply({ articleId: id, baseRevision: file.revision, operation: { type: 'batch', ops: mine.map((annotation) => ({ type: 'add' as const, annotation })) } });
  const colleague = path.join(dir, `colleague-${count}.newsmark.json`);
  const exported = toNewsmarkExport(file.article, theirs.map((a) => ({ ...a, author: { id: 'bo', name: 'Bo' } })), { includeText: false, exporter: { name: 'bench', version: '0' }, now: new Date().toISOString() });
  fs.writeFileSync(colleague, JSON.stringify(exported));

  await app.sendCommand('open-library');
  await page.reload();
  await page.locator('.article-open', { hasText: text === null ? 'It was claimed' : `Bench ${count}` }).click();
  await page.locator('.article-view .article-text').waitFor();
  await app.answerOpen([colleague]);
  await app.sendCommand('review-open-colleague');
  await page.locator('.pair-panel').waitFor();

  const times: number[] = [];
  let pairs = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    await app.sendCommand('review-mode'); // back to editing
    await page.locator('.article-view .article-text').waitFor();
    await page.waitForTimeout(50);
    await app.sendCommand('review-mode'); // and into review mode: measured
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, REVIEW_PAINTED_MARK);
    const [ms, n] = await page.evaluate(
      ([open, painted]) => {
        const p = performance.getEntriesByName(painted)[0] as PerformanceMark;
        return [p.startTime - performance.getEntriesByName(open)[0]!.startTime, (p.detail as { pairs: number }).pairs] as const;
      },
      [REVIEW_OPEN_MARK, REVIEW_PAINTED_MARK] as const,
    );
    pairs = n;
    if (i > 0) times.push(ms); // the first warms caches
  }
  await app.sendCommand('review-mode');
  await page.locator('.article-view .article-text').waitFor();
  return { ms: median(times), pairs, mine: mine.length, theirs: theirs.length };
}

export async function bench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-review-'));
  const app = await launchApp({ dataDir: path.join(dir, 'data') });
  try {
    await app.page.locator('.article-row').first().waitFor();
    const sample = await measure(app, dir, null, 40);
    const big = await measure(app, dir, newsText(10_000), 1_000);
    return [
      row('open review mode on the sample article → marks painted', sample.ms, RUNS, 100, `${sample.mine} mine × ${sample.theirs} theirs, ${sample.pairs} pairs`),
      row('open review mode, 10,000 words, 1,000 × 1,000 annotations → painted', big.ms, RUNS, undefined, `${big.mine} mine × ${big.theirs} theirs, ${big.pairs} pairs`),
    ];
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
