import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropFiles } from '../e2e/driver';
import { launchApp, type LaunchedApp } from '../e2e/host/launch';
import { FILTERED_MARK, FILTER_MARK, IMPORT_DONE_MARK, IMPORT_START_MARK, LIBRARY_OPEN_MARK, LIBRARY_SHOWN_MARK } from '../renderer/src/common/timing';
import { confStoreFactory } from '../electron/services/conf-store';
import { createHandlers } from '../electron/services/handlers';
import { Library } from '../electron/services/library';
import { generateAnnotations, POLNEAR_DEV } from './corpus';
import { median, row, type BenchRow } from './types';

/**
 * The library through the real app (browser host: the built renderer in Chromium, main's
 * services in Node): dropping the PolNeAR dev articles, and a library of 1,000 articles
 * opened and searched. Times come from the renderer's User Timing marks, each set once the
 * result has been painted.
 */
const DROP_RUNS = 5;
const RUNS = 9;
const LIBRARY_SIZE = 1000;


/**
 * ms from the last `start` mark to the first `end` mark after it; with `query`, the first
 * whose detail is that search (an earlier search's result does not count).
 */
async function between(app: LaunchedApp, start: string, end: string, query?: string): Promise<number> {
  const handle = await app.page.waitForFunction(
    ([start, end, query]) => {
      const s = performance.getEntriesByName(start).at(-1);
      if (!s) return null;
      const e = performance
        .getEntriesByName(end)
        .find((m) => m.startTime >= s.startTime && (query === null || ((m as PerformanceMark).detail as { query?: string } | null)?.query === query));
      return e ? e.startTime - s.startTime : null;
    },
    [start, end, query ?? null] as const,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function withApp<T>(fn: (app: LaunchedApp) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-'));
  const app = await launchApp({ dataDir: path.join(dir, 'data') });
  try {
    await app.page.locator('.article-row').first().waitFor();
    return await fn(app);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The 84 PolNeAR dev texts in one drop: drop → summary painted. A fresh library each run. */
async function benchDrop(): Promise<BenchRow> {
  const files = fs
    .readdirSync(POLNEAR_DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(POLNEAR_DEV, name)) }));
  const times: number[] = [];
  for (let run = 0; run < DROP_RUNS + 1; run++) {
    const ms = await withApp(async (app) => {
      await dropFiles(app.page, files);
      const ms = await between(app, IMPORT_START_MARK, IMPORT_DONE_MARK);
      const summary = await app.page.locator('.summary-line').textContent();
      if (summary !== `Imported ${files.length} files.`) throw new Error(`drop bench: ${summary}`);
      return ms;
    });
    if (run > 0) times.push(ms); // the first run warms the disk cache and the JIT
  }
  const kb = files.reduce((n, f) => n + f.bytes.length, 0) / 1000;
  return row(`drop the ${files.length} PolNeAR dev .txt files on the window → all imported, summary painted`, median(times), DROP_RUNS, 3000, `${kb.toFixed(0)} kB; ${(median(times) / files.length).toFixed(1)} ms/file`);
}

/** 1,000 articles from the PolNeAR texts, each with its own title. */
async function fillLibrary(app: LaunchedApp): Promise<void> {
  const texts = fs
    .readdirSync(POLNEAR_DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(POLNEAR_DEV, f), 'utf8'));
  for (let i = 0; i < LIBRARY_SIZE - 1; i++) {
    const text = texts[i % texts.length]!;
    const head = text.split('\n', 1)[0]!.slice(0, 80);
    await app.handlers.library.create({ text, title: `${head} (${i + 1})`, outlet: ['Breitbart', 'USA Today', 'Politico', 'NYT'][i % 4]! });
  }
  app.handlers.library.flushIndex();
}

async function benchLibrary(): Promise<BenchRow[]> {
  return withApp(async (app) => {
    await fillLibrary(app);
    const { page } = app;
    const rows: BenchRow[] = [];

    // Article → library (Ctrl+L): list from main, sort, render, paint.
    const opens: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await app.sendCommand('open-library');
      await page.locator('.article-open').first().click();
      await page.locator('.article-text').waitFor();
      await page.evaluate(() => performance.clearMarks());
      await app.sendCommand('open-library');
      const ms = await between(app, LIBRARY_OPEN_MARK, LIBRARY_SHOWN_MARK);
      if (i > 0) opens.push(ms);
    }
    const rendered = await page.locator('.article-row').count();
    rows.push(row(`open the library with ${LIBRARY_SIZE.toLocaleString('en-US')} articles (from an article, Ctrl+L) → list painted`, median(opens), RUNS, 100, `${rendered} rows in the page (windowed)`));

    // Search: keystroke → results from main → list painted. Title words, text-only words, a miss.
    const search = page.getByLabel('Search articles');
    const queries = {
      'a title word (many hits)': ['trump', 'clinton', 'debate'],
      'words only in article texts': ['pneumonia', 'benghazi', 'emails'],
      'no match': ['zzqx', 'qqzx', 'xzqz'],
    };
    for (const [what, words] of Object.entries(queries)) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        const q = words[i % words.length]!;
        await page.evaluate(() => performance.clearMarks());
        await search.fill(q);
        const ms = await between(app, FILTER_MARK, FILTERED_MARK, q);
        if (i > 0) times.push(ms);
        if (i === 0) hits = Number((await page.locator('.library-status').textContent())?.match(/^[\d,]+/)?.[0].replace(',', '') ?? 0);
        await search.fill('');
        await between(app, FILTER_MARK, FILTERED_MARK, '');
      }
      rows.push(row(`search ${LIBRARY_SIZE.toLocaleString('en-US')} articles, ${what} → filtered list painted`, median(times), RUNS, 100, `e.g. ${words[0]}: ${hits} hits`));
    }
    // Clearing the search: all 1,000 back.
    const clears: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await search.fill(['trump', 'clinton'][i % 2]!);
      await page.locator('.library-status', { hasText: 'match' }).waitFor();
      await page.evaluate(() => performance.clearMarks());
      await search.fill('');
      const ms = await between(app, FILTER_MARK, FILTERED_MARK, '');
      if (i > 0) clears.push(ms);
    }
    rows.push(row(`clear the search → all ${LIBRARY_SIZE.toLocaleString('en-US')} articles painted`, median(clears), RUNS, 100));

    // Main's part alone: the in-memory search over every title and text.
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      app.handlers.library.search('benghazi');
      t.push(performance.now() - t0);
    }
    rows.push(row(`main: search titles + texts of ${LIBRARY_SIZE.toLocaleString('en-US')} articles (in memory)`, median(t), RUNS));
    return rows;
  });
}

const SAMPLE_TEXT = path.join(import.meta.dirname, '..', 'resources', 'sample', 'venezuela-maduro-call.txt');

function startPorts(dataDir: string) {
  return {
    dataDir,
    openStore: confStoreFactory(dataDir),
    dialogs: { showSave: async () => undefined, showOpen: async () => undefined, chooseFolder: async () => undefined },
    sampleArticle: () => fs.promises.readFile(SAMPLE_TEXT, 'utf8'),
    appVersion: '0.0.0-bench',
  };
}

/** A data folder with `count` articles (PolNeAR texts, 150 annotations each), written by the real services. */
async function fillFolder(dataDir: string, count: number): Promise<number> {
  const texts = fs
    .readdirSync(POLNEAR_DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(POLNEAR_DEV, f), 'utf8').replace(/\r\n?/g, '\n'));
  const lib = new Library(startPorts(dataDir));
  await lib.init();
  for (let i = 0; i < count - 1; i++) {
    const text = texts[i % texts.length]!;
    const annotations = generateAnnotations(text, Math.min(150, Math.floor(text.length / 30)), { seed: i + 1 });
    await lib.create({ text, title: `${text.split('\n', 1)[0]!.slice(0, 80)} (${i + 1})`, annotations });
  }
  lib.close();
  const dir = path.join(dataDir, 'articles');
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

/** Main-process start on a full data folder: services created → the library list ready for the window. */
async function benchStart(count: number): Promise<BenchRow> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-start-'));
  try {
    const bytes = await fillFolder(path.join(dir, 'data'), count);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const handlers = await createHandlers(startPorts(path.join(dir, 'data')));
      const list = await handlers.handle('library:list', {});
      await handlers.handle('settings:get', {});
      const ms = performance.now() - t0;
      if (!list.ok || (list.value as { articles: unknown[] }).articles.length !== count) throw new Error('start bench: the library did not list every article');
      await handlers.close();
      if (i > 0) times.push(ms); // the first start warms the disk cache and the JIT
    }
    return row(
      `main: start with a library of ${count.toLocaleString('en-US')} articles → library ready for the first window content`,
      median(times),
      times.length,
      count >= 10_000 ? 500 : 200,
      `${(bytes / 1e6).toFixed(0)} MB of article files`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchRow[]> {
  return [await benchStart(1_000), await benchStart(10_000), await benchDrop(), ...(await benchLibrary())];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await bench()) console.log(`${r.name}: ${r.medianMs.toFixed(1)} ms${r.target ? ` (target ${r.target}, ${r.met ? 'met' : 'NOT met'})` : ''}${r.extra ? ` — ${r.extra}` : ''}`);
}
