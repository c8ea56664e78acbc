import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { clickOn, selectWithMouse, waitSaved } from './driver';
import { expect, test } from './fixtures';
import { POLNEAR } from '../tests/corpus/paths';
import { storedArticleFiles } from './stored';

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
  const found = storedArticleFiles(dataDir).find(({ data }) => data.annotations.length);
  return found!.data.annotations as { tag: string; note: string; links: string[] }[];
}

const TRAIN = path.join(POLNEAR, 'train-multi');
const STEM = 'west-journal_2016-04-18_trump-s-son-says-the-battle-agai';

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

const SPLIT = '“We will win,” said the Mayor of the City of London, Ada Lovelace, at a packed press conference on Monday, “and win big.”\nCouncillors were not convinced by the budget figures.';

/** Each drawn sidebar row: its box, and the boxes of its lines. */
async function rowBoxes(page: Page) {
  return page.locator('.sidebar .entry').evaluateAll((els) =>
    els.map((el) => {
      const box = (e: Element | null) => (e ? (({ top, bottom, left, right }) => ({ top, bottom, left, right }))(e.getBoundingClientRect()) : null);
      const button = el.querySelector('.entry-button')!;
      return { tag: el.getAttribute('data-tag'), row: box(el)!, button: box(button)!, text: box(el.querySelector('.entry-text')), links: box(el.querySelector('.entry-links')), linksText: el.querySelector('.entry-links')?.textContent ?? '' };
    }),
  );
}

test('sidebar rows fit their content: the third line (fragments, note, links) is inside its row, at both sizes and in both themes', async ({ launch }) => {
  const { page } = await launch();
  await newArticle(page, SPLIT, 'Rows');
  await selectWithMouse(page, '“We will win,”');
  await page.keyboard.press('2');
  await page.keyboard.down('Control');
  await selectWithMouse(page, '“and win big.”');
  await page.keyboard.up('Control');
  await selectWithMouse(page, 'the Mayor of the City of London, Ada Lovelace');
  await page.keyboard.press('3');
  await selectWithMouse(page, 'Councillors were not convinced');
  await page.keyboard.press('1');
  await clickOn(page, 'will win');
  await page.keyboard.press('l');
  await page.keyboard.press('Enter');
  await page.keyboard.press('n');
  await page.keyboard.type('Check the second half against the video.');
  await page.keyboard.press('Escape');
  await waitSaved(page);
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('2 fragments · ✎ note · attributed to: the Mayor of the City of London, Ada Lovelace');

  for (const size of [{ width: 1280, height: 800 }, { width: 900, height: 600 }]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await expect
        .poll(async () => {
          const rows = await rowBoxes(page);
          const problems: string[] = [];
          rows.forEach((r, i) => {
            for (const part of [r.text, r.links]) if (part && (part.bottom > r.button.bottom + 0.5 || part.top < r.button.top - 0.5)) problems.push(`${r.tag}: a line outside its row (${part.top}–${part.bottom} in ${r.button.top}–${r.button.bottom})`);
            const next = rows[i + 1];
            if (next && next.row.top < r.button.bottom - 0.5) problems.push(`${next.tag} overlaps ${r.tag}`);
          });
          return problems;
        }, { message: `${size.width}×${size.height} ${colorScheme}` })
        .toEqual([]);
    }
  }
  const quote = (await rowBoxes(page)).find((r) => r.tag === 'quote')!;
  expect(quote.links!.bottom - quote.links!.top).toBeGreaterThan(10); // drawn, not squeezed to nothing
});

/** The part of `selector`'s box inside the window, as a fraction of its height (0 when out of view). */
async function inView(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    const seen = Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0);
    return r.height ? Math.max(0, seen) / r.height : 0;
  });
}

test('at 900×600 the current pair stays in view after N ten times, and the text keeps most of the window', async ({ launch }) => {
  const { page, answerOpen, sendCommand } = await launch();
  await page.setViewportSize({ width: 900, height: 600 });
  await newArticle(page, fs.readFileSync(path.join(TRAIN, 'text', `${STEM}.txt`), 'utf8'));
  await answerOpen([path.join(TRAIN, 'attributions', `${STEM}_4b22.ann`)]);
  await sendCommand('review-open-colleague');
  await expect(page.locator('.pair-panel')).toBeVisible();
  await page.locator('.review-column').first().focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('n');
  await expect(page.locator('.pair-panel .pair-position')).toContainText('11');
  for (const part of ['.pair-panel', '.pair-panel .pair-side-mine .pair-side-text', '.pair-panel .pair-side-theirs .pair-side-text', '.pair-panel .pair-title']) {
    expect(await inView(page, part), part).toBe(1);
  }
  // The current row is scrolled into view inside the list, not the panel out of it.
  expect(await inView(page, '.pair-row-button[aria-current="true"]')).toBe(1);
  const textHeight = await page.locator('.review-column').first().evaluate((el) => el.getBoundingClientRect().height);
  expect(textHeight / 600).toBeGreaterThan(0.55);
});

test('toasts sit off the article, are announced politely, can be dismissed, and go by themselves soon', async ({ launch }) => {
  const { page } = await launch();
  for (const size of [{ width: 1280, height: 800 }, { width: 900, height: 600 }]) {
    await page.setViewportSize(size);
    await newArticle(page, SAID, `Toast ${size.width}`);
    const toast = page.locator('.notice').filter({ hasText: `Added “Toast ${size.width}”` });
    await expect(toast).toBeVisible();
    await expect(toast).toHaveAttribute('role', 'status');
    await expect(toast).toHaveAttribute('aria-live', 'polite');
    const a = (await toast.boundingBox())!;
    const t = (await page.locator('.article-scroll').boundingBox())!;
    const overlap = Math.max(0, Math.min(a.x + a.width, t.x + t.width) - Math.max(a.x, t.x)) * Math.max(0, Math.min(a.y + a.height, t.y + t.height) - Math.max(a.y, t.y));
    expect(overlap, `${size.width}×${size.height}: the toast covers the article`).toBe(0);
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect(toast).toHaveCount(0);
    await page.keyboard.press('Control+l');
  }
  await newArticle(page, SAID, 'Fading');
  const fading = page.locator('.notice').filter({ hasText: 'Added “Fading”' });
  await expect(fading).toBeVisible();
  await expect(fading).toHaveCount(0, { timeout: 5500 });
});
