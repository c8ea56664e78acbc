import fs from 'node:fs';
import path from 'node:path';
import { openArticle, selectWithMouse, waitSaved } from './driver';
import { expect, test } from './fixtures';

/**
 * A new version of the sample article: a paragraph added, a quote reworded, a tagged
 * sentence removed. The changes panel lists them (annotation-touching first, the quote
 * called out), the removed sentence's annotation is unplaced, version 1 opens read-only,
 * the import is undone, and after a relaunch the versions and placements are still there.
 */
const SAMPLE = fs.readFileSync(path.resolve(import.meta.dirname, '../resources/sample/venezuela-maduro-call.txt'), 'utf8');
const REMOVED = ' Trump confirmed the phone call in a statement to the US media.';
const V2 = SAMPLE.replace(REMOVED, '')
  .replace('"immediately leave Venezuela to save his life."', '"leave Venezuela at once to save his life."')
  .replace('HARSH RESPONSE FROM CARACAS', 'WHITE HOUSE SILENT The White House declined to comment on the reports on Tuesday evening.\nHARSH RESPONSE FROM CARACAS');

test('a new version: changes listed, quote flagged, annotation unplaced, version 1 read-only, undo, relaunch', async ({ launch, workDir }) => {
  const dataDir = path.join(workDir, 'data');
  const v2 = path.join(workDir, 'maduro-v2.txt');
  fs.writeFileSync(v2, V2);
  let app = await launch({ dataDir });
  let { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await openArticle(page, /It was claimed/);
  await selectWithMouse(page, REMOVED.trim());
  await page.keyboard.press('1');
  await selectWithMouse(page, 'Maduro responded negatively to the offer');
  await page.keyboard.press('1');
  await waitSaved(page);

  const addVersion = async () => {
    await app.answerOpen([v2]);
    await app.sendCommand('new-version');
    await expect(page.locator('.version-heading')).toHaveText(/^version 2 of 2 · updated \d+ min after the first$/);
  };
  await addVersion();
  const panel = page.getByRole('region', { name: 'Changes from the previous version' });
  await expect(panel.locator('.change-kind')).toHaveText(['Removed', 'Reworded', 'Added']);
  await expect(panel.locator('.change').first()).toContainText('touches 1 annotation');
  await expect(panel.locator('.change-reworded')).toContainText('Reworded direct quote: the words inside the quotation marks changed');
  await expect(page.locator('.unplaced .orphan .orphan-quote')).toHaveText([REMOVED.trim()]);
  // reachable with the keyboard: Tab into the list, arrows between changes, Enter expands
  await panel.locator('button.change-item').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(panel.locator('button.change-item').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(panel.locator('.change-before del')).toHaveText(REMOVED.trim());
  await page.screenshot({ path: path.join('/tmp', 'versions-1280.png') });
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: path.join('/tmp', 'versions-900.png') });

  await panel.getByRole('button', { name: 'Open version 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Version 1 (read-only)' });
  await expect(dialog.locator('.version-annotations li')).toHaveText(['Claim: Maduro responded negatively to the offer', `Claim: ${REMOVED.trim()}`]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // the same file again: nothing changes
  await app.answerOpen([v2]);
  await app.sendCommand('new-version');
  await expect(page.getByText('maduro-v2.txt has the same text as this version: nothing changed.')).toBeVisible();

  await panel.getByRole('button', { name: 'Undo new version' }).click();
  await expect(page.locator('.version-heading')).toHaveCount(0);
  await expect(page.locator('.unplaced')).toHaveCount(0);
  await expect(page.locator('.article-text')).toContainText(REMOVED.trim());

  await addVersion();
  await waitSaved(page);
  await app.close();
  app = await launch({ dataDir });
  page = app.page;
  await expect(page.locator('.version-heading')).toHaveText(/^version 2 of 2/);
  await expect(page.locator('.unplaced .orphan .orphan-quote')).toHaveText([REMOVED.trim()]);
  const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'articles', fs.readdirSync(path.join(dataDir, 'articles')).find((n) => n.endsWith('.json'))!), 'utf8'));
  expect(stored).toMatchObject({ schemaVersion: 3, versions: [{ number: 1 }], current: { number: 2 } });
  expect(stored.annotations.map((a: { spans: { start: number; end: number }[] }) => V2.slice(a.spans[0]!.start, a.spans[0]!.end))).toEqual(['Maduro responded negatively to the offer']);
});
