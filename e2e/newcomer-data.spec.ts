import fs from 'node:fs';
import path from 'node:path';
import { dropFiles, highlights } from './driver';
import { expect, test } from './fixtures';
import { POLNEAR_DEV_TEXT, POLNEAR_TRAIN_MULTI } from '../tests/corpus/paths';

/**
 * What a newcomer sees of the data: PolNeAR's NYT quotes come in as quotes, agreement on
 * an unused tag says "—", a file for another article is refused before it changes
 * anything, the W3C export says what the file holds, a PolNeAR file name gives outlet and
 * date.
 */
const NYT = 'nyt_2016-06-07_china-rebuts-american-criticism-';

test('an NYT PolNeAR brat file (quotes as two apostrophes) imports its quotations as quotes', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  const pair = path.join(workDir, 'pair');
  fs.mkdirSync(pair);
  fs.copyFileSync(path.join(POLNEAR_TRAIN_MULTI, 'attributions', `${NYT}_4b22.ann`), path.join(pair, `${NYT}.ann`));
  fs.copyFileSync(path.join(POLNEAR_TRAIN_MULTI, 'text', `${NYT}.txt`), path.join(pair, `${NYT}.txt`));
  await app.answerOpen([path.join(pair, `${NYT}.ann`)]);
  await app.sendCommand('import-as-article');
  await expect(page.locator('.notice').last()).toContainText(`from ${NYT}.ann`);
  await expect.poll(async () => (await highlights(page)).quote.length).toBeGreaterThanOrEqual(5);
  const { quote } = await highlights(page);
  expect(quote.some((q) => q.startsWith("''At that time, the whole world applauded"))).toBe(true);
});

test('the W3C export notice says what the file holds: spans and links', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  const pair = path.join(workDir, 'pair');
  fs.mkdirSync(pair);
  fs.copyFileSync(path.join(POLNEAR_TRAIN_MULTI, 'attributions', `${NYT}_4b22.ann`), path.join(pair, `${NYT}.ann`));
  fs.copyFileSync(path.join(POLNEAR_TRAIN_MULTI, 'text', `${NYT}.txt`), path.join(pair, `${NYT}.txt`));
  await app.answerOpen([path.join(pair, `${NYT}.ann`)]);
  await app.sendCommand('import-as-article');
  await expect(page.locator('.notice').last()).toContainText(`from ${NYT}.ann`);
  const target = path.join(workDir, 'story.w3c.json');
  await app.answerSave(target);
  await app.sendCommand('export-annotations');
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.locator('input[name="export-format"][value="w3c"]').check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(page.locator('.notice').last()).toContainText(` to ${target}`);
  const items = JSON.parse(fs.readFileSync(target, 'utf8')).first.items as { motivation: string }[];
  const spans = items.filter((i) => i.motivation === 'classifying').length;
  const links = items.filter((i) => i.motivation === 'linking').length;
  expect(links).toBeGreaterThan(0);
  await expect(page.locator('.notice').last()).toContainText(`Exported ${items.length} annotations (${spans} spans, ${links} links) as W3C Web Annotation to ${target}`);
});

test('a dropped PolNeAR .txt gets outlet and date from its file name', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  const name = 'nyt_2016-09-28_eager-for-lift-in-polls-trump-to.txt';
  const file = fs.existsSync(path.join(POLNEAR_DEV_TEXT, name)) ? name : fs.readdirSync(POLNEAR_DEV_TEXT).find((f) => f.startsWith('nyt_'))!;
  await dropFiles(page, [{ name: file, bytes: fs.readFileSync(path.join(POLNEAR_DEV_TEXT, file)) }]);
  await expect(page.locator('.notice').last()).toContainText(`from ${file}`);
  const meta = page.locator('.article-meta');
  await expect(meta).toContainText('The New York Times');
  const [y, m, d] = file.split('_')[1]!.split('-').map(Number) as [number, number, number];
  await expect(meta).toContainText(new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }));
});
