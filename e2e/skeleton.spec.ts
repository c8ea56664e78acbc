import { Ajv2020 } from 'ajv/dist/2020.js';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { clickOn, highlights, openArticle, selectWithMouse, sidebar, waitSaved } from './driver';
import { POLNEAR_DEV_TEXT } from '../tests/corpus/paths';
import { storedArticleFiles } from './stored';

const SAMPLE_TITLE = 'It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…';
const polnear = POLNEAR_DEV_TEXT;
const pastedFile = path.join(polnear, 'breitbart_2016-09-12_stealth-over-health-hillary-clin.txt');

function storedAnnotations(dataDir: string) {
  const out: Record<string, { title: string; annotations: { tag: string; spans: { start: number; end: number }[] }[] }> = {};
  for (const { data: file } of storedArticleFiles(dataDir)) {
    out[file.article.id] = { title: file.article.title, annotations: file.annotations };
  }
  return out;
}

test('first run shows the sample article, dated from its dateline', async ({ launch }) => {
  const { page } = await launch();
  const row = page.locator('.article-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.article-title')).toHaveText(SAMPLE_TITLE);
  await expect(row.locator('.article-sub')).toContainText('2025-12-01 13:06');
  await openArticle(page, SAMPLE_TITLE);
  await expect(page.getByLabel('Article title')).toHaveValue(SAMPLE_TITLE);
  await expect(page.locator('.article-meta')).toContainText('2025');
  await expect(page.locator('.article-text p').first()).toHaveText('01.12.2025 13:06');
});

test('paste, tag, retag, delete, relaunch, export', async ({ launch, workDir }) => {
  const dataDir = path.join(workDir, 'data');
  let app = await launch({ dataDir });
  let { page } = app;

  // Paste a real article through "New article" (Ctrl+N).
  const text = fs.readFileSync(pastedFile, 'utf8');
  await expect(page.locator('.article-row')).toHaveCount(1);
  await page.keyboard.press('Control+n');
  await page.getByLabel('Article text').fill(text);
  await page.getByLabel(/^Outlet/).fill('Breitbart');
  await page.getByLabel(/^URL/).fill('https://www.breitbart.com/2016/09/12/stealth-over-health/');
  await page.getByRole('button', { name: /Add to library/ }).click();
  const title = 'Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics';
  await expect(page.getByLabel('Article title')).toHaveValue(title);
  await expect(page.locator('.article-meta')).toContainText('Breitbart');

  // 1) Mouse selection (inside words: snapping takes whole words) + key 2.
  await selectWithMouse(page, 'eep the details of her medical treatment under wrap');
  await page.keyboard.press('2');
  // 2) Mouse selection + toolbar button.
  await selectWithMouse(page, 'The New York Post');
  await page.getByRole('toolbar').getByRole('button', { name: /^Attribution/ }).click();
  // 3) Keyboard selection: caret at "Secret", Shift+ArrowRight over "Secret Service", key 1.
  await clickOn(page, 'Secret Service protocol');
  for (let i = 0; i < 'Secret Service'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('1');
  await waitSaved(page);

  let painted = await highlights(page);
  expect(painted.quote).toEqual(['keep the details of her medical treatment under wraps']);
  expect(painted.attribution).toEqual(['The New York Post']);
  expect(painted.claim).toEqual(['Secret Service']);
  expect((await sidebar(page)).map((e) => e.label)).toEqual([
    'Attribution: The New York Post',
    'Quote: keep the details of her medical treatment under wraps',
    'Claim: Secret Service',
  ]);
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/skeleton-tagged.png' });

  // Change a tag: click the claim's highlight, press 2 → quote.
  await clickOn(page, 'Secret Service protocol');
  await expect(page.locator('.entry-button[aria-pressed="true"]')).toHaveAccessibleName('Claim: Secret Service');
  await page.keyboard.press('2');
  // Delete one: select the attribution in the sidebar, press Delete.
  await page.getByRole('button', { name: 'Attribution: The New York Post' }).click();
  await page.keyboard.press('Delete');
  await waitSaved(page);
  painted = await highlights(page);
  expect(painted.attribution).toEqual([]);
  expect(painted.quote).toEqual(['Secret Service', 'keep the details of her medical treatment under wraps']);
  expect(painted.claim).toEqual([]);

  const before = storedAnnotations(dataDir);
  await app.close();

  // Relaunch on the same data folder: same library, same annotations.
  app = await launch({ dataDir });
  page = app.page;
  await expect(page.getByLabel('Article title')).toHaveValue(title); // reopens where the user was
  const { selected: _selected, ...tagged } = painted;
  await expect.poll(async () => ({ ...(await highlights(page)), selected: undefined })).toEqual({ ...tagged, selected: undefined });
  expect(storedAnnotations(dataDir)).toEqual(before);
  await page.keyboard.press('Control+l');
  await expect(page.locator('.article-row')).toHaveCount(2);

  // Export from the menu command; the file validates and its code-point spans select the same words.
  await openArticle(page, title);
  const target = path.join(workDir, 'exports', 'stealth.newsmark.json');
  await app.answerSave(target);
  await app.sendCommand('export-annotations');
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export…' }).click(); // format: Newsmark JSON
  await expect(page.locator('.notice').last()).toContainText(`Exported 2 annotations as Newsmark JSON to ${target}`);
  const exported = JSON.parse(fs.readFileSync(target, 'utf8'));
  const schema = JSON.parse(fs.readFileSync(path.resolve('schema/newsmark-v1.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
  const codePoints = Array.from(text);
  const words = exported.annotations.map((a: { spans: { start: number; end: number; exact: string }[] }) =>
    a.spans.map((s) => {
      expect(codePoints.slice(s.start, s.end).join('')).toBe(s.exact);
      return s.exact;
    }),
  );
  expect(words.flat().sort()).toEqual(['Secret Service', 'keep the details of her medical treatment under wraps']);
  expect(exported.annotations.every((a: { tag: string }) => a.tag === 'quote')).toBe(true);
});

test('export counts code points in text outside the Basic Multilingual Plane', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  const text = 'Emoji 😀 first.\nThe mayor 𝐀𝐁 said “𠀀 rates rise” today, 🎉 officials noted.';
  await page.getByRole('button', { name: 'New article' }).first().click();
  await page.getByLabel('Article text').fill(text);
  await page.getByRole('button', { name: /Add to library/ }).click();
  await expect(page.locator('.article-text')).toContainText('officials noted');
  await selectWithMouse(page, '𠀀 rates rise');
  await page.keyboard.press('2');
  await selectWithMouse(page, 'officials');
  await page.keyboard.press('3');
  await waitSaved(page);
  await app.sendCommand('export-annotations');
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export…' }).click();
  await expect(page.locator('.notice').last()).toContainText('Exported 2 annotations as Newsmark JSON to ');
  const file = fs.readdirSync(app.exportDir).find((n) => n.endsWith('.newsmark.json'))!;
  const exported = JSON.parse(fs.readFileSync(path.join(app.exportDir, file), 'utf8'));
  const cps = Array.from(text);
  const got = exported.annotations.map((a: { tag: string; spans: { start: number; end: number }[] }) => [a.tag, cps.slice(a.spans[0]!.start, a.spans[0]!.end).join('')]);
  expect(got).toEqual([
    ['quote', '𠀀 rates rise'],
    ['attribution', 'officials'],
  ]);
  expect(exported.article.length).toBe(cps.length);
});

test('deleting an article asks first', async ({ launch }) => {
  const { page } = await launch();
  await page.getByRole('button', { name: /^Move to trash “/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Move to trash?' });
  await expect(dialog).toContainText(SAMPLE_TITLE);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.article-row')).toHaveCount(1);
  await page.getByRole('button', { name: /^Move to trash “/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.locator('.article-row')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Trash/ })).toContainText('1');
});

test('a corrupt article file is moved aside, named, and the rest keeps working', async ({ launch, workDir }) => {
  const dataDir = path.join(workDir, 'data');
  let app = await launch({ dataDir });
  await app.page.getByRole('button', { name: 'New article' }).first().click();
  await app.page.getByLabel('Article text').fill('A second article.\n\nIts body says “this will survive.”');
  await app.page.getByLabel(/^Title/).fill('Second article');
  await app.page.getByRole('button', { name: /Add to library/ }).click();
  await expect(app.page.getByLabel('Article title')).toHaveValue('Second article');
  await app.close();

  const stored = storedAnnotations(dataDir);
  const sampleId = Object.keys(stored).find((id) => stored[id]!.title === SAMPLE_TITLE)!;
  const sampleFile = path.join(dataDir, 'articles', `${sampleId}.json`);
  fs.writeFileSync(sampleFile, '{"schemaVersion": 1, "revision": 0, "article": {"id": "truncated');

  app = await launch({ dataDir });
  const { page } = app;
  await expect(page.getByRole('alert')).toContainText(`“${SAMPLE_TITLE}” could not be loaded`);
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await page.keyboard.press('Control+l');
  await expect(page.locator('.article-row')).toHaveCount(1);
  await openArticle(page, 'Second article');
  await expect(page.locator('.article-text')).toContainText('this will survive');
  const aside = fs.readdirSync(path.join(dataDir, 'articles')).filter((n) => n.startsWith(`${sampleId}.corrupt-`));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(dataDir, 'articles', aside[0]!), 'utf8')).toContain('"truncated');
  expect(fs.existsSync(sampleFile)).toBe(false);
});
