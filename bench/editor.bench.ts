import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp, type LaunchedApp } from '../e2e/host/launch';
import { LOADED_MARK, OPEN_MARK, PAINTED_MARK } from '../renderer/src/article/paint-timing';
import { generateAnnotations, newsText } from './corpus';
import { floorRow, median, row, type BenchRow } from './types';

/**
 * The editor in Debian's Chromium through the browser host: open → highlights painted, and
 * tag key → new highlight painted, read from the renderer's User Timing marks.
 */
const RUNS = 7;


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

async function measureOpen(app: LaunchedApp, title: string, count: number): Promise<{ times: number[]; loads: number[]; firsts: number[] }> {
  const times: number[] = [];
  const loads: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await app.sendCommand('open-library');
    await app.page.locator('.article-row').first().waitFor();
    await app.page.evaluate(() => {
      performance.clearMarks();
      // First screen: the first frame painted with article text in it (whatever renders it).
      const w = window as unknown as { __firstText?: number };
      delete w.__firstText;
      const look = () => {
        if (!document.querySelector('.article-text [data-slate-string]')) return requestAnimationFrame(look);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__firstText = performance.now());
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(look);
    });
    await app.page.locator('.article-open', { hasText: title }).click();
    await waitPainted(app, count);
    await app.page.waitForFunction(() => (window as unknown as { __firstText?: number }).__firstText !== undefined);
    const [ms, loaded, first] = await app.page.evaluate(
      ([open, loaded, painted]) => {
        const t0 = performance.getEntriesByName(open)[0]!.startTime;
        const firstText = (window as unknown as { __firstText: number }).__firstText;
        return [performance.getEntriesByName(painted)[0]!.startTime - t0, performance.getEntriesByName(loaded)[0]!.startTime - t0, firstText - t0];
      },
      [OPEN_MARK, LOADED_MARK, PAINTED_MARK] as const,
    );
    if (i > 0) {
      // the first open warms caches
      times.push(ms);
      loads.push(loaded);
      firsts.push(first);
    }
  }
  return { times, loads, firsts };
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

/**
 * The open floor: in the same page, the same text as plain DOM (one <p> per paragraph, no
 * React or Slate) with the same spans as CSS highlights → the next frame painted.
 */
async function measurePlainRender(app: LaunchedApp, articleId: string, runs: number): Promise<number[]> {
  const file = app.handlers.library.article(articleId);
  const spans = file.annotations.flatMap((a) => a.spans.map((s) => [s.start, s.end, ['claim', 'quote', 'attribution'].indexOf(a.tag)] as const));
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const ms = await app.page.evaluate(
      ({ text, spans }) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          const style = document.createElement('style');
          style.textContent = '::highlight(floor-0){background:#fde68a}::highlight(floor-1){text-decoration:underline}::highlight(floor-2){background:#bfdbfe}';
          document.head.append(style);
          const host = document.createElement('div');
          host.style.cssText = 'position:absolute;inset:0;overflow:auto;background:white;z-index:99;padding:24px;max-width:760px;font:17px/1.6 serif';
          const nodes: { start: number; node: Text }[] = [];
          let start = 0;
          for (const line of text.split('\n')) {
            const p = document.createElement('p');
            const node = document.createTextNode(line);
            p.append(node);
            host.append(p);
            nodes.push({ start, node });
            start += line.length + 1;
          }
          document.body.append(host);
          const at = (offset: number): [Text, number] => {
            let lo = 0;
            let hi = nodes.length - 1;
            while (lo < hi) {
              const mid = (lo + hi + 1) >> 1;
              if (nodes[mid]!.start <= offset) lo = mid;
              else hi = mid - 1;
            }
            const n = nodes[lo]!;
            return [n.node, Math.min(offset - n.start, n.node.length)];
          };
          const highlights = [new Highlight(), new Highlight(), new Highlight()];
          for (const [s, e, tag] of spans) {
            const [sn, so] = at(s);
            const [en, eo] = at(e);
            highlights[tag]!.add(new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo }));
          }
          highlights.forEach((h, i) => CSS.highlights.set(`floor-${i}`, h));
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const ms = performance.now() - t0;
              host.remove();
              style.remove();
              for (let i = 0; i < 3; i++) CSS.highlights.delete(`floor-${i}`);
              resolve(ms);
            };
            channel.port2.postMessage(null);
          });
        }),
      { text: file.article.text, spans },
    );
    if (i > 0) times.push(ms);
    await app.page.waitForTimeout(50);
  }
  return times;
}

/** The key floor: a key press that changes nothing (x, in the article) → the next frame painted. */
async function measureNoopKey(app: LaunchedApp, runs: number): Promise<number[]> {
  await app.page.evaluate(() => {
    const w = window as unknown as { __noop: number[] };
    w.__noop = [];
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'x') return;
        const at = e.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__noop.push(performance.now() - at);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  });
  (await app.page.$('.article-text'))?.focus();
  for (let i = 0; i < runs + 1; i++) {
    await app.page.keyboard.press('x');
    await app.page.waitForTimeout(60);
  }
  return (await app.page.evaluate(() => (window as unknown as { __noop: number[] }).__noop)).slice(1);
}

/** One annotation retagged through main's handler (validation, apply, save): the save alone. */
async function measureSave(app: LaunchedApp, articleId: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const file = app.handlers.library.article(articleId);
    const target = file.annotations[(i * 37) % file.annotations.length]!;
    const tag = target.tag === 'claim' ? 'quote' : 'claim';
    const t0 = performance.now();
    const reply = await app.handlers.handle('annotations:apply', {
      articleId,
      baseRevision: file.revision,
      operation: { type: 'update', id: target.id, before: { tag: target.tag }, after: { tag }, at: new Date().toISOString() },
    });
    const ms = performance.now() - t0;
    if (!reply.ok) throw new Error(`save bench: ${reply.error.message}`);
    if (i > 0) times.push(ms);
  }
  return times;
}

function articleBytes(app: LaunchedApp, articleId: string): string {
  const file = path.join(app.dataDir, 'articles', `${articleId}.json`);
  return `${(fs.statSync(file).size / 1e6).toFixed(1)} MB article file`;
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
  // tsx names inner functions with esbuild's __name helper; page functions need it too.
  await app.context.addInitScript({ content: 'window.__name = (f) => f;' });
  await app.page.evaluate('window.__name = (f) => f;');
  try {
    const rows: BenchRow[] = [];
    const sampleTitle = 'It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…';
    await app.page.locator('.article-row').first().waitFor();
    const sampleOpen = await measureOpen(app, sampleTitle, 0);
    rows.push(row('open sample article → painted (no annotations)', median(sampleOpen.times), RUNS, undefined, `data from main: ${median(sampleOpen.loads).toFixed(1)} ms`));

    const text10k = newsText(10_000);
    const id10k = await addArticle(app, text10k, 1_000, 'Bench 10k words');
    const floor10k = { name: 'plain DOM 10k·1k', ms: median(await measurePlainRender(app, id10k, RUNS)) };
    const open10k = await measureOpen(app, 'Bench 10k words', 1_000);
    rows.push(floorRow('open 10,000-word article with 1,000 annotations → painted', median(open10k.times), RUNS, floor10k, { maxRatio: 1.3 }, `data from main: ${median(open10k.loads).toFixed(1)} ms; first screen ${median(open10k.firsts).toFixed(1)} ms`));
    const noop10k = { name: 'no-op key', ms: median(await measureNoopKey(app, 15)) };
    const tag10k = await measureTag(app, 1_000, 15);
    rows.push(floorRow('tag key → highlight painted (10k words, 1,000 annotations)', median(tag10k), tag10k.length, noop10k, { plusMs: 17 }));
    const save10k = await measureSave(app, id10k, 15);
    rows.push(row('main: one annotation change saved (10k words, 1,000 annotations)', median(save10k), save10k.length, 5, articleBytes(app, id10k)));

    const text50k = newsText(50_000);
    const id50k = await addArticle(app, text50k, 10_000, 'Bench 50k words', 0.1);
    const floor50k = { name: 'plain DOM 50k·10k', ms: median(await measurePlainRender(app, id50k, RUNS)) };
    const open50k = await measureOpen(app, 'Bench 50k words', 10_000);
    rows.push(floorRow('open 50,000-word article with 10,000 annotations (10% overlapping) → painted', median(open50k.times), RUNS, floor50k, { maxRatio: 1.5 }, `data from main: ${median(open50k.loads).toFixed(1)} ms`));
    const first50k = median(open50k.firsts);
    rows.push({ name: 'open 50k·10k → first screen painted', medianMs: first50k, runs: RUNS, target: '≤ 1.2× the 10k first screen', met: first50k <= 1.2 * median(open10k.firsts), floor: { name: '10k first screen', ms: median(open10k.firsts) } });
    const heapMb = await heapAfterGc(app);
    rows.push({ name: 'renderer JS heap after opening the 50k·10k article', medianMs: NaN, runs: 1, target: '≤ 100 MB', met: heapMb <= 100, extra: `${heapMb.toFixed(1)} MB` });
    const noop50k = { name: 'no-op key', ms: median(await measureNoopKey(app, 15)) };
    const tag50k = await measureTag(app, 10_000, 15);
    rows.push(floorRow('tag key → highlight painted (50k words, 10,000 annotations)', median(tag50k), tag50k.length, noop50k, { plusMs: 17 }));
    const save50k = await measureSave(app, id50k, 15);
    rows.push(row('main: one annotation change saved (50k words, 10,000 annotations)', median(save50k), save50k.length, 10, articleBytes(app, id50k)));
    return rows;
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
