import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp, type LaunchedApp } from './host/launch';
import { selectWithMouse, waitSaved } from './driver';
import { startServer, type TestServer } from '../tests/desk/server';

/**
 * Two editors, two browser-host instances with their own data folders, on one desk served
 * by a real CouchDB-protocol server process this spec starts: Ana shares the sample and
 * tags; Ben sees it in his library, from the desk, and her tags in review, live.
 */
test.describe.configure({ mode: 'serial' });

let server: TestServer;
const DB = 'desk-e2e';
test.beforeAll(async () => {
  server = await startServer();
  await server.desk(DB, ['ana', 'ben']);
});
test.afterAll(async () => server?.stop());

const folder = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `newsmark-desk-${name}-`));

test('Ana shares the sample and tags; Ben sees it from the desk and her tags live in review', async () => {
  let ana: LaunchedApp | undefined;
  let ben: LaunchedApp | undefined;
  try {
    ana = await launchApp({ dataDir: folder('ana'), user: { id: 'ana-id', name: 'Ana' }, desk: { url: server.url, database: DB, user: 'ana', password: 'ana-pw' } });
    ben = await launchApp({ dataDir: folder('ben'), user: { id: 'ben-id', name: 'Ben' }, desk: { url: server.url, database: DB, user: 'ben', password: 'ben-pw' } });
    const a = ana.page;
    const b = ben.page;
    await expect(a.getByRole('button', { name: /Desk: synced/ })).toBeVisible();

    await a.locator('.article-open').first().click();
    await expect(a.locator('.article-text')).toBeVisible();
    await a.getByRole('button', { name: 'Share with desk' }).click();
    await expect(a.getByText('On the desk · live')).toBeVisible();
    await selectWithMouse(a, 'Venezuelan');
    await a.keyboard.press('1');
    await waitSaved(a);

    // Ben's library: the article, marked as from the desk (his own sample is there too).
    await expect(b.locator('.article-row', { hasText: 'from the desk' })).toHaveCount(1);
    await b.locator('.article-row', { hasText: 'from the desk' }).locator('.article-open').click();
    await expect(b.getByText('From the desk · live')).toBeVisible();
    await b.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(b.getByRole('tab', { name: 'Ana · 1 annotation · live' })).toBeVisible();

    // Live: Ana tags again; Ben's review follows without being reopened.
    await selectWithMouse(a, 'Trump', 1);
    await a.keyboard.press('2');
    await waitSaved(a);
    await expect(b.getByRole('tab', { name: 'Ana · 2 annotations · live' })).toBeVisible();
    await expect(b.locator('.summary-count').first()).toBeVisible();
    await b.screenshot({ path: path.join(os.tmpdir(), 'newsmark-desk-review.png') });
    await a.screenshot({ path: path.join(os.tmpdir(), 'newsmark-desk-ana.png') });
  } finally {
    await ana?.close();
    await ben?.close();
  }
});

test('Settings → Desk: a wrong password is a clear status, the password never reaches the window', async () => {
  const app = await launchApp({ dataDir: folder('eve') });
  try {
    const p = app.page;
    await p.getByRole('button', { name: /Open desk settings/ }).click();
    await p.getByLabel('Server address').fill(server.url);
    await p.getByLabel('Database').fill(DB);
    await p.getByLabel('User name').fill('ana');
    await p.getByLabel('Password').fill('wrong-password');
    await p.getByRole('button', { name: 'Join the desk' }).click();
    await expect(p.locator('.desk-dialog [role=status]')).toHaveText('Desk: error — Wrong user name or password for ana.');
    const status = await p.evaluate(() => window.newsmark.invoke('desk:status', {}));
    expect(JSON.stringify(status)).not.toContain('wrong-password');
    await p.getByLabel('Server address').fill('http://desk.example.org');
    await p.getByRole('button', { name: 'Save and reconnect' }).click();
    await expect(p.locator('.desk-dialog [role=alert]')).toContainText('http:// is refused for desk.example.org');
    expect(fs.readFileSync(path.join(app.dataDir, 'desk.json'), 'utf8')).not.toContain('wrong-password');
  } finally {
    await app.close();
  }
});
