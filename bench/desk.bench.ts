import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp } from '../e2e/host/launch';
import { Desk } from '../electron/services/desk/desk';
import { keyFileSecretBox } from '../electron/services/desk/secret-box';
import { Library } from '../electron/services/library';
import { tempPorts } from '../electron/services/test-ports';
import { textHash } from '../shared/hash';
import type { Annotation } from '../shared/model/types';
import { startServer } from '../tests/desk/server';
import { row, type BenchRow } from './types';

/**
 * The desk, on loopback with the test server (express-pouchdb, its own process):
 * - a tag made by Ana painted in Ben's review (the live colleague's tab shows the new count),
 *   two browser-host windows; beside it the floor: the same wait on a change already there;
 * - the first sync of a desk with 200 articles × 200 annotations, into a fresh data folder;
 * - CPU used by two synced, idle apps (their main-process services run in this process).
 */
const RUNS = 21;
const folder = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `newsmark-bench-desk-${name}-`));
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

export async function bench(): Promise<BenchRow[]> {
  const server = await startServer();
  const rows: BenchRow[] = [];
  try {
    await server.desk('bench-live', ['ana', 'ben']);
    const desk = (user: string) => ({ url: server.url, database: 'bench-live', user, password: `${user}-pw` });
    const ana = await launchApp({ dataDir: folder('ana'), user: { id: 'ana', name: 'Ana' }, desk: desk('ana') });
    const ben = await launchApp({ dataDir: folder('ben'), user: { id: 'ben', name: 'Ben' }, desk: desk('ben') });
    try {
      const articleId = ana.handlers.library.list().articles[0]!.id;
      await ana.handlers.desk.share(articleId);
      const first = Date.now();
      while (!ben.handlers.desk.articles().fromDesk.includes(articleId) && Date.now() - first < 20_000) await new Promise((r) => setTimeout(r, 50));
      const b = ben.page;
      await b.locator('.article-row', { hasText: 'from the desk' }).locator('.article-open').click();
      await b.getByRole('button', { name: 'Review', exact: true }).click();
      const author = ana.handlers.library.publicSettings().user;
      const times: number[] = [];
      const floors: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const file = ana.handlers.library.article(articleId);
        const annotation: Annotation = { id: `bench-${i}`, tag: 'claim', spans: [{ start: i * 20, end: i * 20 + 8 }], note: '', links: [], author, createdAt: '', updatedAt: '' };
        const label = `Ana · ${i + 1} annotation${i === 0 ? '' : 's'} · live`;
        const t0 = performance.now();
        ana.handlers.library.apply({ articleId, baseRevision: file.revision, operation: { type: 'add', annotation } });
        await b.waitForFunction((l) => [...document.querySelectorAll('.colleague-tab')].some((t) => t.textContent === l), label, { polling: 'raf', timeout: 20_000 });
        const ms = performance.now() - t0;
        const f0 = performance.now();
        await b.waitForFunction((l) => [...document.querySelectorAll('.colleague-tab')].some((t) => t.textContent === l), label, { polling: 'raf' });
        const floor = performance.now() - f0;
        if (i === 0) continue; // a warm-up
        times.push(ms);
        floors.push(floor);
      }
      const median = quantile(times, 0.5);
      const p95 = quantile(times, 0.95);
      const floor = quantile(floors, 0.5);
      rows.push(row("a tag by Ana → painted in Ben's review (loopback)", median, RUNS, 1000, `p95 ${p95.toFixed(0)} ms (≤ 2,000); floor ${floor.toFixed(1)} ms, ${(median / floor).toFixed(0)}× floor`));

      await new Promise((r) => setTimeout(r, 2000));
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 10_000));
      const used = process.cpuUsage(cpu0);
      const perSecond = (used.user + used.system) / 1000 / ((performance.now() - t0) / 1000);
      rows.push({ name: 'two synced apps, idle 10 s: CPU of their main-process services', medianMs: NaN, runs: 1, target: 'no measurable CPU', met: perSecond < 5, extra: `${perSecond.toFixed(2)} ms CPU per second` });
    } finally {
      await ana.close();
      await ben.close();
    }

    // First sync: 200 articles × 200 annotations written by a colleague, then a fresh app joins.
    await server.desk('bench-first', ['ana', 'ed']);
    const auth = { authorization: `Basic ${Buffer.from('ed:ed-pw').toString('base64')}`, 'content-type': 'application/json' };
    for (let a = 0; a < 200; a++) {
      const text = `Article ${a}. ${'Officials said the talks would resume soon. '.repeat(60)}`;
      const article = { id: `bench-article-${a}`, title: `Article ${a}`, text, source: {}, textHash: await textHash(text), createdAt: '', updatedAt: '' };
      const docs: unknown[] = [{ _id: `article:${article.id}`, type: 'article', owner: 'ed', v: 1, sharedBy: { id: 'ed', name: 'Ed' }, sharedAt: '', article }];
      for (let i = 0; i < 200; i++) {
        const start = (i * 13) % (text.length - 10);
        docs.push({ _id: `ann:${article.id}:e${i}`, type: 'annotation', owner: 'ed', v: 1, articleId: article.id, annotation: { id: `e${i}`, tag: 'quote', spans: [{ start, end: start + 6 }], note: '', links: [], author: { id: 'ed', name: 'Ed' }, createdAt: '', updatedAt: '' } });
      }
      await fetch(`${server.url}/bench-first/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs }) });
    }
    const dataDir = folder('first');
    const ports = tempPorts({ dataDir, now: () => new Date() });
    const library = new Library(ports);
    await library.init();
    const app = new Desk(ports, library, { secrets: keyFileSecretBox(dataDir) });
    await app.start();
    const t0 = performance.now();
    await app.join({ url: server.url, database: 'bench-first', user: 'ana', password: 'ana-pw' });
    const done = () => app.articles().fromDesk.length === 200 && app.articles().fromDesk.every((id) => app.layersOf(id)[0]?.annotations.length === 200);
    while (!done() && performance.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 100));
    const ms = performance.now() - t0;
    rows.push({ ...row('first sync of a desk: 200 articles × 200 annotations', ms, 1), target: '≤ 20 s', met: ms <= 20_000, extra: done() ? `${(ms / 1000).toFixed(1)} s` : 'did not finish in 300 s' });
    await app.close();
    library.close();
  } finally {
    await server.stop();
  }
  return rows;
}
