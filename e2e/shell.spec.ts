import { openArticle } from './driver';
import { expect, test } from './fixtures';

/**
 * What crosses the bridge, and the editing commands of the native menus. The browser host
 * copies values into the page the way Electron's contextBridge does (e2e/host/context-bridge.ts),
 * so these hold for the real window too.
 */

const TEXT = 'Officials confirmed the bridge will close on Monday.\nThe mayor said repairs would take a week.';

type Envelope = { ok: true; value: { id: string } } | { ok: false; error: { code: string; problems?: { where: string }[] } };

test('Article info shows the main process’s field error next to its field', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await page.locator('.article-row').first().waitFor();
  // An imported article can carry a URL the form would not accept (kept as it was).
  const created = await page.evaluate(
    (text) => window.newsmark.invoke('article:create', { text, title: 'Bridge closes Monday', url: 'www.example.com/bridge' }) as Promise<Envelope>,
    TEXT,
  );
  expect(created.ok).toBe(true);
  const id = created.ok ? created.value.id : '';
  await page.reload();
  await openArticle(page, 'Bridge closes Monday');
  await page.keyboard.press('Control+i');
  const info = page.getByRole('dialog', { name: 'Article info' });
  await expect(info.getByLabel('URL')).toHaveValue('www.example.com/bridge');

  // Meanwhile the article's URL is corrected elsewhere (another window, a colleague's copy):
  // this form still holds the old value, which main now judges as a change, and refuses.
  const fixed = await page.evaluate((articleId) => window.newsmark.invoke('article:update', { id: articleId, source: { url: 'https://news.example/bridge' } }) as Promise<Envelope>, id);
  expect(fixed.ok).toBe(true);
  await info.getByLabel('Outlet').fill('Wire desk');
  await info.getByRole('button', { name: /^Save/ }).click();

  // The error came from main, as data across the bridge, with its field: shown at the URL.
  await expect(info.locator('#info-url-error')).toHaveText(/The URL must be a web address starting with http:\/\/ or https:\/\//);
  await expect(info.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(info).toContainText('Not saved: correct the field marked above.');
  await expect(info.getByLabel('URL')).toBeFocused();
  await expect(page.locator('#announcer')).toContainText('Not saved: The URL must be a web address');
  await expect(info.locator('#info-outlet-error')).toHaveCount(0);
});

test('a refused request reaches the window as data: code and field problems intact', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await page.locator('.article-row').first().waitFor();
  const reply = await page.evaluate(async () => {
    const listed = (await window.newsmark.invoke('library:list', {})) as { ok: true; value: { articles: { id: string }[] } };
    return (await window.newsmark.invoke('article:update', { id: listed.value.articles[0]!.id, title: '   ' })) as Envelope;
  });
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request', problems: [{ where: 'title' }] } });
  // The page holds plain data only: no object of the other world, no prototype of ours.
  const proto = await page.evaluate(() => Object.getPrototypeOf(window.newsmark) === Object.prototype && Object.isFrozen(window.newsmark));
  expect(proto).toBe(true);
});

test('undo and redo in a text field are the field’s own, by key and from the Edit menu', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await page.locator('.article-row').first().waitFor();
  await page.keyboard.press('Control+n');
  const title = page.getByLabel(/^Title/);
  await title.click();
  await page.keyboard.type('Bridge');
  await page.keyboard.type(' closes');
  await expect(title).toHaveValue('Bridge closes');
  await page.keyboard.press('Control+z');
  await expect(title).not.toHaveValue('Bridge closes');
  const afterUndo = await title.inputValue();
  expect('Bridge closes'.startsWith(afterUndo)).toBe(true);
  await page.keyboard.press('Control+Shift+z');
  await expect(title).toHaveValue('Bridge closes');
  // Edit → Undo / Redo (what macOS's Cmd+Z reaches a field through).
  await app.sendCommand('undo');
  await expect(title).toHaveValue(afterUndo);
  await app.sendCommand('redo');
  await expect(title).toHaveValue('Bridge closes');
});

test('the context menu’s Tag as… tags the selected words, as the 1/2/3 keys do', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await page.locator('.article-row').first().waitFor();
  await page.keyboard.press('Control+n');
  await page.getByLabel('Article text').fill(TEXT);
  await page.getByLabel(/^Title/).fill('Context menu');
  await page.getByRole('button', { name: /Add to library/ }).click();
  await expect(page.locator('.article-text')).toBeVisible();
  await page.locator('.article-text').getByText('The mayor said repairs would take a week.').selectText();
  await app.sendCommand('tag-quote');
  await expect(page.locator('#announcer')).toContainText('Tagged as quote');
  await expect(page.locator('.sidebar')).toContainText('Quote');
});
