import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp, type LaunchedApp } from '../e2e/host/launch';
import { LOADED_MARK, OPEN_MARK, PAINTED_MARK } from '../renderer/src/article/paint-timing';
import { generateAnnotations, newsText } from './corpus';
import { row, type BenchRow } from './types';

/**
 * The editor in Debian's Chromium through the browser host: open → highlights painted, and
 * tag key → new highlight painted, read from the renderer's User Timing marks.
 */
const RUNS = 7;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function addArticle(app: LaunchedApp, text: string, annotations: number, title: string, overlapShare = 0): Promise<string> {
  const summary = await app.handlers.library.create({ text, title });
  const generated = generateAnnotations(text, annotations, { seed: annotations, overlapShare });
  if (generated.length) app.handlers.library.apply({ articleId: summary.id, baseRevision: 0, operation: { type: 'batch', ops: generated.map((annotation) => ({ type: 'add' as const, annotation })) } });
  return summary.id;
}

async function waitPainted(app: LaunchedApp, count: number): Promise<void> {
  await app.page.waitForFunction(
    ([name, n]) => performance.getEntriesByName(name as string).some((e) => (e as PerformanceMark).detail?.count === n),
    [PAINTED_MARK, count] as const,
  );
}

async function measureOpen(app: LaunchedApp, title: string, count: number): Promise<{ times: number[]; loads: number[] }> {
  const times: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await app.sendCommand('open-library');
    await app.page.locator('.article-row').first().waitFor();
    await app.page.evaluate(() => performance.clearMarks());
    await app.page.locator('.article-open', { hasText: title }).click();
    await waitPainted(app, count);
    const [ms, loaded] = await app.page.evaluate(
      ([open, loaded, painted]) => {
        const t0 = performance.getEntriesByName(open)[0]!.startTime;
        return [performance.getEntriesByName(painted)[0]!.startTime - t0, performance.getEntriesByName(loaded)[0]!.startTime - t0];
      },
      [OPEN_MARK, LOADED_MARK, PAINTED_MARK] as const,
    );
    if (i > 0) {
      // the first open warms caches
      times.push(ms);
      loads.push(loaded);
    }
  }
  return { times, loads };
}

/** Key press → painted, for `runs` tag actions on distinct words. */
async function measureTag(app: LaunchedApp, existing: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  await app.page.evaluate(() => {
    const w = window as unknown as { __keyAt: number };
    window.addEventListener('keydown', (e) => (w.__keyAt = e.timeStamp), { capture: true });
  });
  for (let i = 0; i < runs; i++) {
    // Select a word near the top of the visible text with a real DOM selection.
    await app.page.evaluate((i) => {
      const strings = [...document.querySelectorAll('.article-text [data-slate-string]')];
      const node = strings[i % strings.length]!.firstChild as Text;
      // A word at a different place each run, so every press makes a new annotation.
      const words = [...node.data.matchAll(/\b\w{4,}\b/g)];
      const m = words[(i * 7) % words.length]!;
      (document.querySelector('.article-text') as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      performance.clearMarks();
    }, i + 1);
    await app.page.waitForTimeout(30); // let Slate take the selection
    await app.page.keyboard.press(['1', '2', '3'][i % 3]!);
    // A word that already carries an annotation on exactly these characters is only selected.
    const added = await app.page
      .waitForFunction(
        ([name, n]) => performance.getEntriesByName(name as string).some((e) => ((e as PerformanceMark).detail?.count ?? 0) > (n as number)),
        [PAINTED_MARK, existing] as const,
        { timeout: 2000 },
      )
      .then(() => true)
      .catch(() => false);
    if (!added) continue;
    existing++;
    await waitPainted(app, existing);
    times.push(
      await app.page.evaluate((name) => performance.getEntriesByName(name).at(-1)!.startTime - (window as unknown as { __keyAt: number }).__keyAt, PAINTED_MARK),
    );
  }
  return times;
}

/** Used JS heap of the page after a full garbage collection, in MB. */
async function heapAfterGc(app: LaunchedApp): Promise<number> {
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export async function bench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-'));
  const app = await launchApp({ dataDir: path.join(dir, 'data') });
  try {
    const rows: BenchRow[] = [];
    const sampleTitle = 'It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…';
    await app.page.locator('.article-row').first().waitFor();
    const sampleOpen = await measureOpen(app, sampleTitle, 0);
    rows.push(row('open sample article → painted (no annotations)', median(sampleOpen.times), RUNS, undefined, `data from main: ${median(sampleOpen.loads).toFixed(1)} ms`));

    const text10k = newsText(10_000);
    await addArticle(app, text10k, 1_000, 'Bench 10k words');
    const open10k = await measureOpen(app, 'Bench 10k words', 1_000);
    rows.push(row('open 10,000-word article with 1,000 annotations → painted', median(open10k.times), RUNS, 150, `data from main: ${median(open10k.loads).toFixed(1)} ms`));
    const tag10k = await measureTag(app, 1_000, 15);
    rows.push(row('tag key → highlight painted (10k words, 1,000 annotations)', median(tag10k), tag10k.length, 16));

    const text50k = newsText(50_000);
    await addArticle(app, text50k, 10_000, 'Bench 50k words', 0.1);
    const open50k = await measureOpen(app, 'Bench 50k words', 10_000);
    rows.push(row('open 50,000-word article with 10,000 annotations (10% overlapping) → painted', median(open50k.times), RUNS, 500, `data from main: ${median(open50k.loads).toFixed(1)} ms`));
    const heapMb = await heapAfterGc(app);
    rows.push({ name: 'renderer JS heap after opening the 50k·10k article', medianMs: NaN, runs: 1, target: '≤ 100 MB', met: heapMb <= 100, extra: `${heapMb.toFixed(1)} MB` });
    const tag50k = await measureTag(app, 10_000, 15);
    rows.push(row('tag key → highlight painted (50k words, 10,000 annotations)', median(tag50k), tag50k.length, 33));
    return rows;
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
