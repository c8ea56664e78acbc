import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { toNewsmarkExport } from '../shared/formats/newsmark-json';
import { sampleFixture } from '../tests/sources/sample-fixture';
import { waitSaved } from './driver';
import { expect, test } from './fixtures';
import type { AppUnderTest } from './host/types';

/**
 * The Sources panel on the sample article, tagged as in tests/sources/labels/sample.json
 * and imported through File → Import Annotations: the summary, a kind changed with a key,
 * two groups merged and the merge undone, the kind kept across a restart and in the export,
 * axe in both themes.
 */
const SHOTS = '/tmp/newsmark-shots';

async function openSample(page: Page): Promise<void> {
  await page.locator('.article-open').first().click();
  await page.locator('.article-text').waitFor();
}

async function importSample(app: AppUnderTest, workDir: string): Promise<void> {
  const { text, annotations } = sampleFixture();
  const file = path.join(workDir, 'sample-sources.json');
  const article = { id: 'x', title: 'Sample', text, source: {}, textHash: `sha256:${'0'.repeat(64)}`, createdAt: '', updatedAt: '' };
  fs.writeFileSync(file, JSON.stringify(toNewsmarkExport(article, annotations, { exporter: { name: 'test', version: '1' }, now: '', includeText: false })));
  await app.answerOpen([file]);
  await app.sendCommand('import-annotations');
  await expect(app.page.locator('.import-summary')).toContainText('from sample-sources.json');
  await waitSaved(app.page);
}

const group = (page: Page, label: string) => page.locator('.source-group').filter({ has: page.locator('.source-label', { hasText: new RegExp(`^${label}$`) }) });

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('.sources-panel').include('.side-tabs').analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the sample article: panel, kind by key, merge, undo, restart, export, axe', async ({ launch, workDir }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  let app = await launch();
  let { page } = app;
  await openSample(page);
  await importSample(app, workDir);
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  const panel = page.locator('.sources-panel');
  await expect(panel.getByTestId('sources-summary')).toHaveText('26 attributions: 8 people, 2 organisations, 6 media, 1 document, 2 anonymous, 7 passive');
  await expect(panel).toContainText('9 of 29 attributed quotes and claims (31%) rest only on anonymous or passive sources');
  await expect(panel).toContainText('2 claims with no source');
  await expect(panel.getByRole('table', { name: 'Attributions by kind of source' }).getByRole('row')).toHaveCount(7);
  // Trump's eight attributions are one source
  await expect(group(page, 'Trump').locator('.source-units li')).toHaveCount(8);
  expect(await axe(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/sources-1280.png` });
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: `${SHOTS}/sources-900.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/sources-900-dark.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Click jumps to the text: the attribution is selected.
  await group(page, 'Fox News').locator('.source-row').click();
  await expect(page.locator('#announcer')).toBeAttached();

  // Kind with one key: 2 = organisation, on the focused source; ↓ moves to the next.
  const usMedia = group(page, 'U.S. media');
  await usMedia.locator('.source-row').focus();
  await page.keyboard.press('2');
  await waitSaved(page);
  await expect(usMedia).toHaveAttribute('data-kind', 'organisation');
  await expect(usMedia.getByRole('combobox', { name: 'Kind' })).toHaveValue('organisation');
  await page.keyboard.press('ArrowDown');
  await expect(group(page, 'reports in the US press').locator('.source-row')).toBeFocused();

  // Merge "the source" into "A source close to the discussions", then undo it.
  const groups = await panel.locator('.source-group').count();
  const theSource = group(page, 'the source');
  await theSource.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'A source close to the discussions' });
  await waitSaved(page);
  await expect(panel.locator('.source-group')).toHaveCount(groups - 1);
  await expect(group(page, 'A source close to the discussions').locator('.source-units li')).toHaveCount(2);
  await page.locator('.article-text').click();
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  await expect(panel.locator('.source-group')).toHaveCount(groups);
  await expect(group(page, 'U.S. media')).toHaveAttribute('data-kind', 'organisation');

  // A restart keeps the kind; the export carries it.
  await app.close();
  app = await launch();
  page = app.page;
  await page.locator('.article-text').waitFor(); // Newsmark reopens the article I was on
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  await expect(group(page, 'U.S. media')).toHaveAttribute('data-kind', 'organisation');
  await expect(page.locator('.sources-panel').getByTestId('sources-summary')).toHaveText('26 attributions: 8 people, 4 organisations, 4 media, 1 document, 2 anonymous, 7 passive');
  const out = path.join(workDir, 'sample-out.json');
  await app.answerSave(out);
  await app.sendCommand('export-annotations');
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.locator('input[name="export-format"][value="newsmark"]').check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(page.locator('.notice').last()).toContainText(` to ${out}`);
  const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as { annotations: { sourceKind?: string; spans: { exact: string }[] }[] };
  expect(exported.annotations.filter((a) => a.sourceKind).map((a) => [a.spans[0]!.exact, a.sourceKind])).toEqual([
    ['U.S. media reported', 'organisation'],
    ['US media reported', 'organisation'],
  ]);
});
