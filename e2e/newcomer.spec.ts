import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { selectWithMouse, waitSaved } from './driver';
import { expect, test } from './fixtures';

/**
 * What a newcomer tripped over, checked as they saw it: a note lost in the link picker,
 * clipped sidebar rows, a review panel that scrolled away, toasts over the text, and the
 * smaller things around them. At 1280×800 unless a test says otherwise.
 */

async function newArticle(page: Page, text: string, title?: string): Promise<void> {
  await page.locator('.article-row').first().waitFor(); // the app has started
  await page.keyboard.press('Control+n');
  await page.getByLabel('Article text').fill(text);
  if (title) await page.getByLabel(/^Title/).fill(title);
  await page.getByRole('button', { name: /Add to library/ }).click();
  await expect(page.locator('.article-view .article-text')).toBeVisible();
}

function storedAnnotations(dataDir: string) {
  const dir = path.join(dataDir, 'articles');
  const name = fs.readdirSync(dir).find((n) => n.endsWith('.json') && !n.includes('.corrupt-') && JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')).annotations.length);
  return JSON.parse(fs.readFileSync(path.join(dir, name!), 'utf8')).annotations as { tag: string; note: string; links: string[] }[];
}

const SAID = '“We will win,” Mayor Ada Lovelace said on Monday.';

test('a note survives the link picker: a pick closes it, N then opens the note, Escape clears a filter before closing', async ({ launch, workDir }) => {
  const { page } = await launch();
  await newArticle(page, SAID, 'Picker');
  await selectWithMouse(page, 'Mayor Ada Lovelace');
  await page.keyboard.press('3');
  await selectWithMouse(page, '“We will win,”');
  await page.keyboard.press('2');
  await page.keyboard.press('l');
  await expect(page.getByLabel('Find an attribution')).toBeFocused();
  // The picker's title quotes the quote once, not ““…””.
  await expect(page.locator('.link-picker .links-title')).toHaveText('Attribute “We will win,” to:');
  await page.keyboard.press('Enter');
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('attributed to: Mayor Ada Lovelace');
  await expect(page.locator('.link-picker')).toHaveCount(0);
  await expect(page.locator('.article-text')).toBeFocused();

  await page.keyboard.press('n');
  await expect(page.getByLabel(/^Note/)).toBeFocused();
  await page.keyboard.type('Check the video.');
  await page.keyboard.press('Escape');
  await waitSaved(page);
  const quote = storedAnnotations(path.join(workDir, 'data')).find((a) => a.tag === 'quote')!;
  expect(quote.note).toBe('Check the video.');
  expect(quote.links).toHaveLength(1);

  // Typed into the filter, then Escape: the filter clears and the picker stays; Escape again closes.
  await page.keyboard.press('l');
  await page.keyboard.type('nobody here');
  await expect(page.locator('.link-picker')).toContainText('No attribution matches');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Find an attribution')).toHaveValue('');
  await expect(page.locator('.link-picker')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.link-picker')).toHaveCount(0);
  await expect(page.locator('.article-text')).toBeFocused();
});

test('Escape over a pasted article is refused once, with a word; the text is still there', async ({ launch }) => {
  const { page } = await launch();
  await page.locator('.article-row').first().waitFor();
  await page.keyboard.press('Control+n');
  await page.getByLabel('Article text').fill(SAID);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New article' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Escape again (or Cancel) discards what you typed.');
  await expect(page.getByLabel('Article text')).toHaveValue(SAID);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New article' })).toHaveCount(0);
});
