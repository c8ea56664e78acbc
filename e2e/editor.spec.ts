import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { clickOn, highlights, selectAcross, selectWithMouse, sidebar, waitSaved } from './driver';
import { expect, test } from './fixtures';
import { storedArticleFiles } from './stored';

async function newArticle(page: Page, text: string, title: string): Promise<void> {
  await page.locator('.article-row').first().waitFor(); // the app has started
  await page.keyboard.press('Control+n');
  await page.getByLabel('Article text').fill(text);
  await page.getByLabel(/^Title/).fill(title);
  await page.getByRole('button', { name: /Add to library/ }).click();
  await expect(page.getByLabel('Article title')).toHaveValue(title);
  await expect(page.locator('.article-text')).toBeVisible();
}

async function paintedOverlay(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...((CSS.highlights.get(n) as unknown as Set<AbstractRange>) ?? [])].map((r) => { const live = document.createRange(); live.setStart(r.startContainer, r.startOffset); live.setEnd(r.endContainer, r.endOffset); return live.toString(); }).sort(), name);
}

function storedArticle(dataDir: string, title: string) {
  for (const { data: file } of storedArticleFiles(dataDir)) {
    if (file.article.title === title) return file as unknown as { article: { text: string }; annotations: { id: string; tag: string; spans: { start: number; end: number }[]; links: string[]; note: string }[] };
  }
  throw new Error(`no stored article titled ${title}`);
}

const SPLIT = '“We will win,” Mayor Ada Lovelace said, “and win big.”\nCouncillors were not convinced by the budget figures.';

test('a fully keyboard-driven session: split quote, link, note, undo three, redo two, relaunch', async ({ launch, workDir }) => {
  const dataDir = path.join(workDir, 'data');
  let app = await launch({ dataDir });
  let { page } = app;
  await newArticle(page, SPLIT, 'Keyboard session');
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 14; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  await page.keyboard.press('End');
  for (let i = 0; i < 14; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('f');
  await page.keyboard.press('Home');
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'Mayor Ada Lovelace'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('3');
  await page.keyboard.press('k'); // back to the quote
  await expect(page.locator('.entry-button[aria-pressed="true"]')).toHaveAccessibleName(/^Quote: “We will win,” … “and win big\.” 2 fragments$/);
  await page.keyboard.press('l');
  await page.keyboard.type('Lovelace');
  await page.keyboard.press('Enter');
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('2 fragments · attributed to: Mayor Ada Lovelace');
  // The pick closed the picker; the text has the keys again.
  await page.keyboard.press('n');
  await expect(page.getByLabel(/^Note/)).toBeFocused();
  await page.keyboard.type('Check the second half against the video.');
  await page.keyboard.press('Escape');
  await expect(page.locator('.article-text')).toBeFocused();
  // The caret entering an annotation is announced for screen readers.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#announcer')).toHaveText('In quote: “We will win,” … “and win big.”');
  await waitSaved(page);
  let stored = storedArticle(dataDir, 'Keyboard session');
  expect(stored.annotations.find((a) => a.tag === 'quote')!.note).toBe('Check the second half against the video.');

  // Undo three steps (note, link, attribution), redo two (attribution, link).
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await waitSaved(page);
  expect((await sidebar(page)).map((e) => e.tag)).toEqual(['quote']);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await waitSaved(page);
  await app.close();

  app = await launch({ dataDir });
  page = app.page;
  await expect(page.getByLabel('Article title')).toHaveValue('Keyboard session');
  stored = storedArticle(dataDir, 'Keyboard session');
  const text = stored.article.text;
  const quote = stored.annotations.find((a) => a.tag === 'quote')!;
  const source = stored.annotations.find((a) => a.tag === 'attribution')!;
  expect(stored.annotations).toHaveLength(2);
  expect(quote.spans.map((s) => text.slice(s.start, s.end))).toEqual(['“We will win,”', '“and win big.”']);
  expect(text.slice(source.spans[0]!.start, source.spans[0]!.end)).toBe('Mayor Ada Lovelace');
  expect(quote.links).toEqual([source.id]);
  expect(quote.note).toBe('');
  await expect.poll(() => highlights(page)).toMatchObject({ quote: ['“We will win,”', '“and win big.”'], attribution: ['Mayor Ada Lovelace'] });
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('2 fragments · attributed to: Mayor Ada Lovelace');
});

const OVERLAP = 'The council claimed that “spending rose 40% in a year” according to its own audit report.';

test('overlaps and nesting stay visible; clicks pick the innermost, then step outward', async ({ launch }) => {
  const { page } = await launch();
  await newArticle(page, OVERLAP, 'Overlaps');
  await selectWithMouse(page, 'The council claimed that “spending rose 40% in a year” according to its own audit report');
  await page.keyboard.press('1');
  await selectWithMouse(page, 'spending rose 40% in a year');
  await page.keyboard.press('1'); // a claim nested in a claim
  await selectWithMouse(page, '“spending rose 40% in a year”');
  await page.keyboard.press('2');
  await selectWithMouse(page, 'according to its own audit report');
  await page.keyboard.press('3');
  await waitSaved(page);
  const painted = await highlights(page);
  expect(painted.claim).toHaveLength(2);
  expect(painted.quote).toEqual(['“spending rose 40% in a year”']);
  expect(painted.attribution).toEqual(['according to its own audit report']);
  await expect.poll(() => paintedOverlay(page, 'nm-claim-nested')).toEqual(['spending rose 40% in a year']);
  await expect.poll(() => paintedOverlay(page, 'nm-stack')).toEqual(['spending rose 40% in a year']);
  expect((await sidebar(page)).map((e) => e.tag)).toEqual(['claim', 'quote', 'claim', 'attribution']);

  const pressed = page.locator('.entry-button[aria-pressed="true"]');
  await clickOn(page, 'rose 40%');
  await expect(pressed).toHaveAccessibleName(/^Claim: spending rose 40% in a year/);
  await clickOn(page, 'rose 40%');
  await expect(pressed).toHaveAccessibleName(/^Quote: “spending rose/);
  await clickOn(page, 'rose 40%');
  await expect(pressed).toHaveAccessibleName(/^Claim: The council claimed/);
  await page.screenshot({ path: 'test-results/editor-overlaps.png' });
});

test('split quote with Ctrl+selection, links by clicking, hover lights up, undo restores links', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  await newArticle(page, SPLIT, 'Links');
  await selectWithMouse(page, '“We will win,”');
  await page.keyboard.press('2');
  await page.keyboard.down('Control');
  await selectWithMouse(page, '“and win big.”');
  await page.keyboard.up('Control');
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('2 fragments');
  await selectWithMouse(page, 'Ada Lovelace');
  await page.keyboard.press('3');
  await clickOn(page, 'will win');
  await page.keyboard.press('l');
  await clickOn(page, 'Lovelace'); // in link mode a click on an attribution links it
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('2 fragments · attributed to: Ada Lovelace');
  await page.keyboard.press('Escape');

  await page.locator('.entry[data-tag="attribution"]').hover();
  await expect.poll(() => paintedOverlay(page, 'nm-linked')).toEqual(['“We will win,”', '“and win big.”']);
  await page.locator('.entry[data-tag="quote"]').hover();
  await expect.poll(() => paintedOverlay(page, 'nm-linked')).toEqual(['Ada Lovelace']);

  // Deleting the attribution removes the link; undo brings both back.
  await page.getByRole('button', { name: /^Attribution: Ada Lovelace/ }).click();
  await page.keyboard.press('Delete');
  await waitSaved(page);
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('2 fragments');
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  await expect(page.locator('.entry[data-tag="quote"] .entry-links')).toHaveText('2 fragments · attributed to: Ada Lovelace');

  await app.sendCommand('export-annotations');
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export…' }).click(); // Newsmark JSON
  await expect(page.locator('.notice').last()).toContainText('Exported 2 annotations');
  const file = fs.readdirSync(path.join(workDir, 'exports')).find((n) => n.endsWith('.json'))!;
  const exported = JSON.parse(fs.readFileSync(path.join(workDir, 'exports', file), 'utf8'));
  const quote = exported.annotations.find((a: { tag: string }) => a.tag === 'quote');
  expect(quote.spans.map((s: { exact: string }) => s.exact)).toEqual(['“We will win,”', '“and win big.”']);
  expect(quote.links).toEqual([exported.annotations.find((a: { tag: string }) => a.tag === 'attribution').id]);
});

test('selection trims spaces, snaps to words, keeps exact characters with Alt, crosses paragraphs', async ({ launch }) => {
  const { page } = await launch();
  await newArticle(page, 'Officials confirmed the report.\nThe mayor denied it on Friday.', 'Selection');
  await selectWithMouse(page, 'fficials confir');
  await page.keyboard.press('1');
  await selectWithMouse(page, 'eport');
  await page.keyboard.press('Alt+2');
  await selectAcross(page, 'report.', 'The mayor');
  await page.keyboard.press('3');
  await waitSaved(page);
  const painted = await highlights(page);
  expect(painted.claim).toEqual(['Officials confirmed']);
  expect(painted.quote).toEqual(['eport']);
  expect(painted.attribution).toEqual(['report.The mayor']); // one range across two paragraphs
});

test('notes, filter by tag and text, and find in the article', async ({ launch, workDir }) => {
  const app = await launch({ dataDir: path.join(workDir, 'data') });
  const { page } = app;
  await page.locator('.article-open').first().click();
  await selectWithMouse(page, 'It was claimed that U.S. President Donald Trump had a phone conversation');
  await page.keyboard.press('1');
  await selectWithMouse(page, 'U.S. media reported');
  await page.keyboard.press('3');
  await selectWithMouse(page, '"immediately leave Venezuela to save his life."');
  await page.keyboard.press('2');
  await page.keyboard.press('n');
  await page.keyboard.type('Verify with the Miami Herald piece.');
  await page.keyboard.press('Escape');
  await waitSaved(page);
  await expect(page.locator('.entry[data-tag="quote"]')).toContainText('note');

  const chip = page.getByRole('group', { name: 'Show tags' }).getByRole('button', { name: /^Claim/ });
  await chip.click(); // hide claims
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  expect((await sidebar(page)).map((e) => e.tag)).toEqual(['attribution', 'quote']);
  await page.getByLabel('Filter annotations by text').fill('miami herald');
  expect((await sidebar(page)).map((e) => e.tag)).toEqual(['quote']);
  await page.getByLabel('Filter annotations by text').fill('');
  await chip.click();
  expect(await sidebar(page)).toHaveLength(3);

  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('maduro');
  await expect(page.locator('.find-count')).toHaveText(/^1 of \d+$/);
  const count = Number((await page.locator('.find-count').textContent())!.split(' of ')[1]);
  expect(count).toBe((fs.readFileSync('resources/sample/venezuela-maduro-call.txt', 'utf8').match(/maduro/gi) ?? []).length);
  await expect.poll(async () => (await paintedOverlay(page, 'nm-find')).length).toBe(count);
  await page.keyboard.press('Enter');
  await expect(page.locator('.find-count')).toHaveText(`2 of ${count}`);
  await page.keyboard.press('Escape');
  await expect.poll(() => paintedOverlay(page, 'nm-find')).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`no WCAG 2.1 A/AA violations (${theme} theme): library, tagged article, shortcuts`, async ({ launch }) => {
    const { page } = await launch();
    const axe = () => new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.locator('.article-row').first().waitFor();
    expect((await axe()).violations).toEqual([]);
    await page.locator('.article-open').first().click();
    await selectWithMouse(page, 'U.S. media reported');
    await page.keyboard.press('3');
    await selectWithMouse(page, 'Maduro demanded a global amnesty');
    await page.keyboard.press('1');
    await selectWithMouse(page, '"immediately leave Venezuela to save his life."');
    await page.keyboard.press('2');
    await waitSaved(page);
    expect((await axe()).violations).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.article-text').focus();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect((await axe()).violations).toEqual([]);
    await page.screenshot({ path: `test-results/editor-shortcuts-${theme}.png` });
  });
}
