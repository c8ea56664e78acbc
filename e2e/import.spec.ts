import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { toNewsmarkExport } from '../shared/formats/newsmark-json';
import { textHash } from '../shared/hash';
import type { Annotation, Article } from '../shared/model/types';
import { dropFiles, highlights, libraryOnDisk, openArticle, sidebar, type DropFile } from './driver';
import { expect, test } from './fixtures';
import { storedArticleFiles } from './stored';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'import');
const SAMPLE_TITLE = 'It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…';
const fixture = (name: string): DropFile => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)) });

function storedArticles(dataDir: string) {
  return storedArticleFiles(dataDir).map(({ data }) => data as { article: Article; annotations: Annotation[] });
}

const stored = (dataDir: string, title: string) => storedArticles(dataDir).find((f) => f.article.title === title)!;

/** No axe-core violations in what is on screen (names, labels, contrast, roles). */
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a .txt with Windows line ends: LF text, its headline as title, its dateline as date', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.locator('.article-row')).toHaveCount(1);
  await dropFiles(page, [fixture('crlf.txt')]);
  const title = 'Ferry service suspended after storm damages pier';
  await expect(page.getByLabel('Article title')).toHaveValue(title);
  await expect(page.locator('.notice').last()).toContainText(`Imported “${title}” from crlf.txt`);
  await expect(page.locator('.article-meta')).toContainText('Dec 1, 2025');
  await expect(page.locator('.article-text p').first()).toHaveText('01.12.2025 13:06');
  await expect(page.locator('.article-text p').nth(1)).toHaveText(title);
  const file = stored(app.dataDir, title);
  expect(file.article.text).toBe(fs.readFileSync(path.join(FIXTURES, 'crlf.txt'), 'utf8').replaceAll('\r\n', '\n'));
  expect(file.article.source).toEqual({ published: '2025-12-01T13:06' });
});

test('a Markdown article: the words without the syntax, its front matter in the header', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await dropFiles(page, [fixture('article.md')]);
  const title = "Tenants' group says rent cap is being ignored";
  await expect(page.getByLabel('Article title')).toHaveValue(title);
  const meta = page.locator('.article-meta');
  await expect(meta).toContainText('Tomás Ferreira');
  await expect(meta).toContainText('May 9, 2025');
  await expect(meta.getByRole('link')).toHaveAttribute('href', 'https://www.harborledger.example/news/2025/05/09/rent-cap');
  const text = page.locator('.article-text');
  await expect(text).toContainText('The Eastport Tenants\' Union said that more than a third');
  for (const syntax of ['**', '](', '<!--', '# Tenants', '> "People']) await expect(text).not.toContainText(syntax);
});

test('a saved news page: the story with title, byline, site, published time and URL, and no page furniture', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await dropFiles(page, [fixture('news-page.html')]);
  const title = 'Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion';
  await expect(page.getByLabel('Article title')).toHaveValue(title);
  const meta = page.locator('.article-meta');
  for (const part of ['The Harbor Ledger', 'Priya Raman', 'Mar 14, 2025']) await expect(meta).toContainText(part);
  const url = 'https://www.harborledger.example/news/2025/03/14/eastport-swing-bridge-repairs';
  await expect(meta.getByRole('link', { name: url })).toHaveAttribute('href', url);
  const text = page.locator('.article-text');
  await expect(text).toContainText('Eastport’s 94-year-old swing bridge will close to heavy goods vehicles');
  for (const furniture of ['Advertisement', 'We use cookies', 'Accept all', 'Subscribe from', 'Sign in', 'Share on Facebook', 'Most read', 'Harbour dredging plan', 'Morning Briefing', 'Privacy policy', 'Home']) {
    await expect(text, furniture).not.toContainText(furniture);
  }
  expect(stored(app.dataDir, title).article.source).toEqual({ outlet: 'The Harbor Ledger', url, byline: 'Priya Raman', published: '2025-03-14T07:45:00+00:00' });
});

test('a Newsmark export brings back the article and its annotations as they were', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  // Text outside the BMP, a quote split around "she added", a link and a note: offsets in code points.
  const text = 'Mayor 𝐀𝐁 said 😀 “rates will rise,” she added, “next year.”\nOfficials 🎉 confirmed the plan on Monday.';
  const span = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  const at = '2025-12-02T09:00:00.000Z';
  const author = { id: 'ed-1', name: 'Ana' };
  const annotations: Annotation[] = [
    { id: 'att-1', tag: 'attribution', spans: [span('Mayor 𝐀𝐁')], note: '', links: [], author, createdAt: at, updatedAt: at },
    { id: 'q-1', tag: 'quote', spans: [span('“rates will rise,”'), span('“next year.”')], note: 'split quote', links: ['att-1'], author, createdAt: at, updatedAt: at },
    { id: 'c-1', tag: 'claim', spans: [span('🎉 confirmed the plan')], note: '', links: [], author, createdAt: at, updatedAt: at },
  ];
  const article: Article = { id: 'e2e-restored-1', title: 'Mayor says rates will rise', text, source: { outlet: 'Harbor Ledger', byline: 'Priya Raman' }, textHash: await textHash(text), createdAt: at, updatedAt: at };
  const exported = toNewsmarkExport(article, annotations, { includeText: true, exporter: { name: 'Newsmark', version: '0.1.0' }, now: at });
  const file = path.join(workDir, 'rates.newsmark.json');
  fs.writeFileSync(file, JSON.stringify(exported, null, 2));

  await dropFiles(page, [{ name: 'rates.newsmark.json', bytes: fs.readFileSync(file) }]);
  await expect(page.getByLabel('Article title')).toHaveValue('Mayor says rates will rise');
  await expect(page.locator('.notice').last()).toContainText('Restored “Mayor says rates will rise” with 3 annotations from rates.newsmark.json');
  await expect(page.locator('.article-meta')).toContainText('Harbor Ledger · Priya Raman');
  await expect.poll(() => highlights(page)).toMatchObject({
    attribution: ['Mayor 𝐀𝐁'],
    quote: ['“next year.”', '“rates will rise,”'],
    claim: ['🎉 confirmed the plan'],
  });
  expect((await sidebar(page)).map((e) => e.tag)).toEqual(['attribution', 'quote', 'claim']);
  const restored = stored(app.dataDir, 'Mayor says rates will rise');
  expect(restored.article.id).toBe('e2e-restored-1');
  expect(restored.annotations).toEqual(annotations);

  // The fixture export restores on the sample text too.
  await dropFiles(page, [fixture('newsmark-export.json')]);
  await expect(page.locator('.notice').last()).toContainText('with 1 annotation from newsmark-export.json');
  await expect.poll(async () => (await highlights(page)).quote).toEqual(['"immediately leave Venezuela to save his life."']);
});

test('several files dropped at once: progress n of m, then one summary naming each file that failed', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  // Record every state of the progress indicator.
  await page.evaluate(() => {
    const w = window as unknown as { __progress: string[] };
    w.__progress = [];
    new MutationObserver(() => {
      const text = document.querySelector('.import-progress')?.textContent;
      if (text && w.__progress.at(-1) !== text) w.__progress.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const files = ['crlf.txt', 'article.md', 'image-renamed.txt', 'news-page.html', 'utf16le-bom.txt', 'windows-1252.txt'].map(fixture);
  await dropFiles(page, files);
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('Imported 5 of 6 files.');
  await expect(summary.locator('.import-failures li')).toHaveText(['image-renamed.txt: this is a binary file, not text (it contains NUL bytes).']);
  await expect(summary.locator('.import-successes li')).toHaveCount(5);
  await expect(summary).toContainText('from news-page.html');
  await expectAccessible(page, 'import summary');
  const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(progress[0]).toBe('Importing 1 of 6: crlf.txt');
  expect(progress.at(-1)).toBe('Importing 6 of 6: windows-1252.txt');
  await expect(page.locator('.import-progress')).toHaveCount(0);
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.article-row')).toHaveCount(6);
  await expect(page.getByRole('button', { name: /^Articles/ })).toContainText('6');
  // The summary's entries open the article.
  await dropFiles(page, [fixture('empty.txt'), fixture('article.md')]);
  await page.getByRole('dialog', { name: 'Import finished' }).getByRole('button', { name: /Tenants' group/ }).click();
  await expect(page.getByLabel('Article title')).toHaveValue("Tenants' group says rent cap is being ignored");
});

test('File → Open: the native dialog, several files, cancel', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  const before = libraryOnDisk(app.dataDir);
  // Cancel: nothing happens.
  await app.answerOpen(undefined);
  await app.sendCommand('open-article');
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(libraryOnDisk(app.dataDir)).toEqual(before);
  // Two files through the menu command, with Ctrl+O: both imported, one summary.
  await app.answerOpen([path.join(FIXTURES, 'article.md'), path.join(FIXTURES, 'login-page.html')]);
  await page.keyboard.press('Control+o');
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('Imported 1 of 2 files.');
  await expect(summary.locator('.import-failures li')).toHaveText(['login-page.html: no article text was found in this page (is it a login, search or index page?).']);
  await summary.getByRole('button', { name: 'Close' }).click();
  // One file from the menu: it opens.
  await app.answerOpen([path.join(FIXTURES, 'news-page.html')]);
  await app.sendCommand('open-article');
  await expect(page.getByLabel('Article title')).toHaveValue('Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion');
  await expect(page.locator('.article-meta')).toContainText('Priya Raman');
});

test('article info: edit title, outlet, byline, URL and published time, with clear errors', async ({ launch, workDir }) => {
  const dataDir = path.join(workDir, 'data');
  let app = await launch({ dataDir });
  let { page } = app;
  await openArticle(page, SAMPLE_TITLE);
  await page.keyboard.press('Control+i');
  const info = page.getByRole('dialog', { name: 'Article info' });
  await expect(info).toBeVisible();
  await expect(page.locator('#announcer')).toContainText('Article info');
  await expect(info.getByLabel('Published date')).toHaveValue('2025-12-01');
  await expect(info.getByLabel('Published time')).toHaveValue('13:06');

  await info.getByLabel('Title').fill('   ');
  await info.getByLabel('URL').fill('www.example.com/maduro');
  await info.getByRole('button', { name: /^Save/ }).click();
  await expect(info.getByText('The title cannot be empty.')).toBeVisible();
  await expect(info.getByText(/The URL must be a web address starting with http:\/\/ or https:\/\//)).toBeVisible();
  await expect(info.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(info.getByLabel('Title')).toBeFocused();
  await expectAccessible(page, 'article info with errors');
  // A time without a date is refused too.
  await info.getByRole('button', { name: 'Clear' }).click();
  await info.getByLabel('Published time').fill('08:15');
  await info.getByRole('button', { name: /^Save/ }).click();
  await expect(info.getByText('Give the date too, or clear the time.')).toBeVisible();

  await info.getByLabel('Title').fill('Trump told Maduro to leave, US media say');
  await info.getByLabel('Outlet').fill('Wire desk');
  await info.getByLabel('Byline').fill('Ana Costa');
  await info.getByLabel('URL').fill('https://news.example/maduro-call');
  await info.getByLabel('Published date').fill('2025-12-02');
  await info.getByLabel('Published time').fill('08:15');
  await page.keyboard.press('Control+Enter');
  await expect(info).toHaveCount(0);
  await expect(page.locator('.notice').last()).toContainText('Article info saved');
  await expect(page.getByLabel('Article title')).toHaveValue('Trump told Maduro to leave, US media say');
  const meta = page.locator('.article-meta');
  for (const part of ['Wire desk', 'Ana Costa', 'Dec 2, 2025']) await expect(meta).toContainText(part);
  await expect(meta.getByRole('link')).toHaveAttribute('href', 'https://news.example/maduro-call');
  const file = stored(dataDir, 'Trump told Maduro to leave, US media say');
  expect(file.article.source).toEqual({ outlet: 'Wire desk', byline: 'Ana Costa', url: 'https://news.example/maduro-call', published: '2025-12-02T08:15' });

  // Reachable by the header button too; Cancel changes nothing. Kept across a restart.
  await page.getByRole('button', { name: 'Article info…' }).click();
  await page.getByRole('dialog', { name: 'Article info' }).getByRole('button', { name: 'Cancel' }).click();
  await app.close();
  app = await launch({ dataDir });
  page = app.page;
  await expect(page.getByLabel('Article title')).toHaveValue('Trump told Maduro to leave, US media say');
  await expect(page.locator('.article-meta')).toContainText('Ana Costa');
  await page.keyboard.press('Control+l');
  await expect(page.locator('.article-row').first()).toContainText('Wire desk · 2025-12-02 08:15');
});

test('library: search titles and text, sort, move to the trash, restore and empty it', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await dropFiles(page, ['crlf.txt', 'article.md', 'news-page.html'].map(fixture));
  await page.getByRole('dialog', { name: 'Import finished' }).getByRole('button', { name: 'Close' }).click();
  const rows = page.locator('.article-row');
  const titles = () => rows.locator('.article-title').allTextContents();
  await expect(rows).toHaveCount(4);

  // Search: a title word, a word only in a text (shown in place), nothing, accents and case ignored.
  const search = page.getByLabel('Search articles');
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await search.fill('FERRY');
  await expect.poll(titles).toEqual(['Ferry service suspended after storm damages pier']);
  await search.fill('counterweight');
  await expect.poll(titles).toEqual(['Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion']);
  await expect(rows.first().locator('.article-snippet mark')).toHaveText('counterweight');
  await expect(page.locator('.library-status')).toHaveText('1 of 4 articles matches “counterweight”');
  await expectAccessible(page, 'library search');
  await search.fill('nicolas maduro');
  await expect.poll(titles).toEqual([SAMPLE_TITLE]);
  await search.fill('zzzz-nothing');
  await expect(page.locator('.library-status')).toHaveText('No articles match “zzzz-nothing”');
  await expect(rows).toHaveCount(0);
  await search.fill('');
  await expect(rows).toHaveCount(4);

  // Sort: by title, by last opened (an opened article comes first), by last updated.
  await page.getByLabel('Sort by').selectOption('title');
  await expect.poll(titles).toEqual([
    'Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion',
    'Ferry service suspended after storm damages pier',
    SAMPLE_TITLE,
    "Tenants' group says rent cap is being ignored",
  ]);
  await page.getByLabel('Sort by').selectOption('opened');
  await openArticle(page, 'Ferry service suspended after storm damages pier');
  await page.keyboard.press('Control+l');
  await expect(page.getByLabel('Sort by')).toHaveValue('opened');
  await expect.poll(async () => (await titles())[0]).toBe('Ferry service suspended after storm damages pier');
  await page.getByLabel('Sort by').selectOption('updated');
  await expect.poll(async () => (await titles())[0]).toBe('Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion');

  // Trash: asks first, keeps the file, can be undone, restored, and emptied (asks first).
  const bridge = 'Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion';
  const bridgeFile = () => storedArticles(app.dataDir).find((f) => f.article.title === bridge);
  await page.getByRole('button', { name: `Move to trash “${bridge}”` }).click();
  const confirm = page.getByRole('dialog', { name: 'Move to trash?' });
  await expect(confirm).toContainText('You can restore them from the trash');
  await confirm.getByRole('button', { name: 'Move to trash' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('button', { name: /^Trash/ })).toContainText('1');
  expect(bridgeFile()).toBeDefined();
  await page.locator('.notice').getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(4);
  await page.getByRole('button', { name: `Move to trash “${bridge}”` }).click();
  await page.getByRole('dialog', { name: 'Move to trash?' }).getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('button', { name: 'Move to trash “Ferry service suspended after storm damages pier”' }).click();
  await page.getByRole('dialog', { name: 'Move to trash?' }).getByRole('button', { name: 'Move to trash' }).click();
  await expect(rows).toHaveCount(2);

  await page.getByRole('button', { name: /^Trash/ }).click();
  await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expectAccessible(page, 'trash');
  await page.getByLabel('Search the trash').fill('corrosion');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Search the trash').fill('');
  await page.getByRole('button', { name: `Restore “${bridge}”` }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  const empty = page.getByRole('dialog', { name: 'Empty trash?' });
  await expect(empty).toContainText('1 article with 0 annotations will be deleted from this computer. This cannot be undone.');
  await empty.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('dialog', { name: 'Empty trash?' }).getByRole('button', { name: 'Empty trash' }).click();
  await expect(page.locator('.empty-hint')).toHaveText('The trash is empty.');
  expect(storedArticles(app.dataDir).map((f) => f.article.title).sort()).toEqual([bridge, SAMPLE_TITLE, "Tenants' group says rent cap is being ignored"].sort());
  await page.getByRole('button', { name: /^Articles/ }).click();
  await expect(rows).toHaveCount(3);
});

test('every bad input is refused with the file and the reason, and the library does not change', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.locator('.article-row')).toHaveCount(1);
  const before = libraryOnDisk(app.dataDir);
  await dropFiles(page, [
    fixture('image-renamed.txt'),
    fixture('empty.txt'),
    { name: 'book.txt', generate: { text: 'All work and no play makes Jack a dull boy.\n', length: 6_000_000 } },
    fixture('login-page.html'),
    fixture('web-annotation.json'),
    fixture('newsmark-export-no-text.json'),
    { name: 'story.docx', bytes: Buffer.from('PK\u0003\u0004') },
  ]);
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('None of the 7 files was imported.');
  await expect(summary.locator('.import-failures li')).toHaveText([
    'image-renamed.txt: this is a binary file, not text (it contains NUL bytes).',
    'empty.txt: the file is empty.',
    'book.txt: the file has 6,000,000 characters of text; Newsmark takes articles of up to 5 MB (5,000,000 characters).',
    'login-page.html: no article text was found in this page (is it a login, search or index page?).',
    'web-annotation.json: this JSON file is not a Newsmark export (it has no "format": "newsmark").',
    'newsmark-export-no-text.json: this Newsmark export was saved without the article text, so the article cannot be restored from it; export it again with the text included.',
    'story.docx: Newsmark cannot import .docx files; it reads .txt, .md, .html, .htm and .json files.',
  ]);
  await expect(summary.locator('.import-successes')).toHaveCount(0);
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.article-row')).toHaveCount(1);
  await page.waitForTimeout(500); // a write scheduled by mistake would land by now
  expect(libraryOnDisk(app.dataDir)).toEqual(before);

  // One bad file on its own: the same summary, and still nothing changes.
  await dropFiles(page, [fixture('web-annotation.json')]);
  await expect(page.getByRole('dialog', { name: 'Import finished' })).toContainText('The file was not imported.');
  expect(libraryOnDisk(app.dataDir)).toEqual(before);
});
