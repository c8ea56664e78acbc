import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseCsv } from '../shared/formats/csv-rfc4180';
import { highlights, selectWithMouse, waitSaved } from './driver';
import { expect, test } from './fixtures';
import type { AppUnderTest } from './host/types';
import { POLNEAR_DEV } from '../tests/corpus/paths';
import { storedArticleFiles } from './stored';

/**
 * Annotations out and back in, through the menu commands a user would choose: export in
 * every format, export all to a folder, import each format onto an article (PolNeAR's real
 * brat files for brat), import onto an edited text with the Unplaced panel, undo, bad
 * files, and a brat pair as a new article. Files are checked on disk.
 */
const POLNEAR = POLNEAR_DEV;
const STORY = 'breitbart_2016-09-12_stealth-over-health-hillary-clin';
const STORY_TXT = path.join(POLNEAR, 'text', `${STORY}.txt`);
const STORY_ANN = path.join(POLNEAR, 'attributions', `${STORY}_ef2d.ann`);
const STORY_TITLE = 'Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics';
/** Content, Source and Cue entities: what a PolNeAR file brings in as annotations. */
const STORY_ENTITIES = fs.readFileSync(STORY_ANN, 'utf8').split('\n').filter((l) => /^T\d+\t(Source|Cue|Content) /.test(l)).length;

/** Text outside the Basic Multilingual Plane, so code points and UTF-16 differ. */
const EMOJI_TEXT = 'Emoji 😀 first.\nThe mayor 𝐀𝐁 said “𠀀 rates rise” today, 🎉 officials noted.';
const cps = (s: string) => Array.from(s);

interface StoredArticle {
  schemaVersion: number;
  revision: number;
  article: { id: string; title: string; text: string };
  annotations: { id: string; tag: string; spans: { start: number; end: number }[]; origin?: { kind: string; file?: string } }[];
  orphans?: { id: string; spans: { exact: string }[] }[];
}

function storeFile(dataDir: string, title: string): { file: string; data: StoredArticle } {
  for (const { file, data: stored } of storedArticleFiles(dataDir)) {
    const data = stored as unknown as StoredArticle;
    if (data.article.title === title) return { file, data };
  }
  throw new Error(`no stored article titled ${title}`);
}

async function newArticle(page: Page, text: string, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New article' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Article text').fill(text);
  await dialog.getByLabel(/^Title/).fill(title);
  await page.getByRole('button', { name: /Add to library/ }).click();
  await expect(page.getByLabel('Article title')).toHaveValue(title);
}

/** File → Export Annotations…: the format dialog, then the (scripted) save dialog. */
async function exportAs(app: AppUnderTest, format: string, target: string, includeText = false): Promise<void> {
  const { page } = app;
  await app.answerSave(target);
  await app.sendCommand('export-annotations');
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.locator(`input[name="export-format"][value="${format}"]`).check();
  if (format === 'newsmark') await dialog.getByRole('checkbox', { name: /Include the article text/ }).setChecked(includeText);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(page.locator('.notice').last()).toContainText(` to ${target}`);
}

/** File → Import Annotations…, answering the open dialog with `file`; returns the summary. */
async function importOnto(app: AppUnderTest, file: string): Promise<string> {
  await app.answerOpen([file]);
  await app.sendCommand('import-annotations');
  const summary = app.page.locator('.import-summary');
  await expect(summary).toContainText(`from ${path.basename(file)}`);
  await waitSaved(app.page);
  return (await summary.locator('span').first().textContent()) ?? '';
}

async function paintedCount(page: Page): Promise<number> {
  const h = await highlights(page);
  return h.claim.length + h.quote.length + h.attribution.length;
}

async function unplacedQuotes(page: Page): Promise<string[]> {
  return page.locator('.unplaced .orphan .orphan-quote').allTextContents();
}

test('export each format from the menu: files, shapes and code points', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  await newArticle(page, EMOJI_TEXT, 'Rates rise');
  await selectWithMouse(page, '𠀀 rates rise');
  await page.keyboard.press('2');
  await selectWithMouse(page, 'officials');
  await page.keyboard.press('3');
  await selectWithMouse(page, 'The mayor 𝐀𝐁');
  await page.keyboard.press('1');
  await waitSaved(page);
  const out = path.join(workDir, 'out');
  fs.mkdirSync(out);
  const expected = [
    ['claim', 'The mayor 𝐀𝐁'],
    ['quote', '𠀀 rates rise'],
    ['attribution', 'officials'],
  ];

  // The dialog offers every format, the include-text box only for Newsmark JSON.
  await app.sendCommand('export-annotations');
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog.getByRole('radio')).toHaveCount(5);
  await dialog.locator('input[value="csv"]').check();
  await expect(dialog.getByRole('checkbox', { name: /Include the article text/ })).toBeDisabled();
  fs.mkdirSync('/tmp/newsmark-shots', { recursive: true });
  await page.screenshot({ path: '/tmp/newsmark-shots/export-dialog.png' });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Newsmark JSON with the text.
  await exportAs(app, 'newsmark', path.join(out, 'rates.newsmark.json'), true);
  const newsmark = JSON.parse(fs.readFileSync(path.join(out, 'rates.newsmark.json'), 'utf8'));
  expect(newsmark).toMatchObject({ format: 'newsmark', version: 1, article: { text: EMOJI_TEXT, length: cps(EMOJI_TEXT).length } });
  expect(newsmark.annotations.map((a: { tag: string; spans: { start: number; end: number; exact: string }[] }) => [a.tag, cps(EMOJI_TEXT).slice(a.spans[0]!.start, a.spans[0]!.end).join('')])).toEqual(expected);

  // W3C: an AnnotationCollection.
  await exportAs(app, 'w3c', path.join(out, 'rates.w3c.jsonld'));
  const w3c = JSON.parse(fs.readFileSync(path.join(out, 'rates.w3c.jsonld'), 'utf8'));
  expect(w3c).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', startIndex: 0 } });
  for (const item of w3c.first.items) {
    expect(item).toMatchObject({ type: 'Annotation', motivation: 'classifying', creator: { type: 'Person' } });
    expect(item.id).toMatch(/^urn:newsmark:annotation:/);
    expect(item.body).toEqual([{ type: 'TextualBody', value: expect.stringMatching(/^(claim|quote|attribution)$/), purpose: 'tagging' }]);
    const [quote, position] = item.target.selector;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(position.type).toBe('TextPositionSelector');
    expect(cps(EMOJI_TEXT).slice(position.start, position.end).join('')).toBe(quote.exact);
  }
  expect(w3c.first.items.map((i: { body: { value: string }[]; target: { selector: { exact: string }[] } }) => [i.body[0]!.value, i.target.selector[0]!.exact])).toEqual(expected);

  // W3C as JSON Lines: one complete annotation per line.
  await exportAs(app, 'w3c-jsonl', path.join(out, 'rates.w3c.jsonl'));
  const lines = fs.readFileSync(path.join(out, 'rates.w3c.jsonl'), 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines.map((l) => JSON.parse(l)).map((a) => [a['@context'], a.motivation, a.body[0].value])).toEqual(expected.map(([tag]) => ['http://www.w3.org/ns/anno.jsonld', 'classifying', tag]));

  // brat: the .ann with T lines in code points, the text as .txt beside it.
  await exportAs(app, 'brat', path.join(out, 'rates.ann'));
  await expect(page.locator('.notice').last()).toContainText(path.join(out, 'rates.txt'));
  expect(fs.readFileSync(path.join(out, 'rates.txt'), 'utf8')).toBe(EMOJI_TEXT);
  const ann = fs.readFileSync(path.join(out, 'rates.ann'), 'utf8').trimEnd().split('\n');
  expect(ann.map((l) => l.split('\t')[1]!.split(' ')[0])).toEqual(['Claim', 'Quote', 'Attribution']);
  for (const line of ann) {
    const [, head, words] = line.split('\t');
    const [, start, end] = head!.split(' ');
    expect(cps(EMOJI_TEXT).slice(Number(start), Number(end)).join('')).toBe(words);
  }

  // CSV: one row per span, RFC 4180, a BOM for spreadsheets.
  await exportAs(app, 'csv', path.join(out, 'rates.csv'));
  const csvRaw = fs.readFileSync(path.join(out, 'rates.csv'), 'utf8');
  expect(csvRaw.charCodeAt(0)).toBe(0xfeff);
  const csv = parseCsv(csvRaw);
  if (!csv.ok) throw new Error(csv.message);
  const [header, ...rows] = csv.rows.filter((r) => r.length > 1);
  expect(header!.slice(0, 6)).toEqual(['id', 'tag', 'fragment', 'start', 'end', 'exact']);
  expect(rows.map((r) => [r[1], cps(EMOJI_TEXT).slice(Number(r[3]), Number(r[4])).join('')])).toEqual(expected);
  expect(rows.map((r) => r[5])).toEqual(expected.map(([, words]) => words));

  // The dialog remembers the last choice, in settings.
  expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8')).exportPrefs).toEqual({ format: 'csv', includeText: true }); // the box keeps its last state for Newsmark JSON
  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog', { name: 'Export annotations' }).locator('input[value="csv"]')).toBeChecked();
  await expect(page.getByRole('dialog', { name: 'Export annotations' })).toContainText('The 3 annotations of this article go to a file you choose next.');
  // Keyboard only: the checked format has focus, arrows change it, Enter exports.
  await expect(page.locator('input[value="csv"]')).toBeFocused();
  await app.answerSave(path.join(out, 'keys.ann'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('.notice').last()).toContainText(`Exported 3 annotations as brat standoff to ${path.join(out, 'keys.ann')}`);
  expect(fs.readFileSync(path.join(out, 'keys.ann'), 'utf8')).toBe(fs.readFileSync(path.join(out, 'rates.ann'), 'utf8'));
});

test('export all articles to a folder: one file each, clashing names resolved, nothing overwritten', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  await newArticle(page, EMOJI_TEXT, 'Rates rise');
  await selectWithMouse(page, 'officials');
  await page.keyboard.press('3');
  // Not saved yet when the export starts: it waits for the save.
  const folder = path.join(workDir, 'all');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'rates-rise.csv'), 'my own sheet');
  await app.answerFolder(folder);
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export all articles' });
  await expect(dialog).toContainText('Every article in the library (2)');
  await dialog.locator('input[value="csv"]').check();
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(page.locator('.notice').last()).toContainText(`Exported 2 articles as CSV to ${folder}`);
  const names = fs.readdirSync(folder).sort();
  expect(names).toHaveLength(3);
  expect(names).toContain('rates-rise-2.csv');
  expect(fs.readFileSync(path.join(folder, 'rates-rise.csv'), 'utf8')).toBe('my own sheet');
  const rows = fs.readFileSync(path.join(folder, 'rates-rise-2.csv'), 'utf8').trimEnd().split('\r\n');
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(',attribution,1,');
  const sample = names.find((n) => n.startsWith('it-was-claimed'))!;
  expect(fs.readFileSync(path.join(folder, sample), 'utf8').trimEnd().split('\r\n')).toHaveLength(1); // header only: the sample has no annotations

  // Cancelling the folder dialog writes nothing.
  await app.answerFolder(undefined);
  await app.sendCommand('export-all');
  await page.getByRole('dialog', { name: 'Export all articles' }).getByRole('button', { name: 'Choose folder…' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(fs.readdirSync(folder)).toHaveLength(3);
});

test('import each format onto an article (PolNeAR brat first), undo an import, skip what is already there', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  const text = fs.readFileSync(STORY_TXT, 'utf8');

  // brat: the article from the corpus .txt, then its annotator's .ann (its .txt is found in ../text).
  await newArticle(page, text, 'Original');
  const summary = await importOnto(app, STORY_ANN);
  expect(summary).toBe(`Imported ${STORY_ENTITIES} annotations from ${path.basename(STORY_ANN)}: ${STORY_ENTITIES} placed exactly, 0 placed fuzzily, 0 left unplaced. Offsets checked against ${STORY}.txt.`);
  const painted = await highlights(page);
  expect(painted.attribution).toContain('The New York Post');
  expect(painted.attribution).toContain('has learned');
  expect(await paintedCount(page)).toBe(STORY_ENTITIES);
  // The sidebar draws only the rows in view; its heading counts them all.
  await expect(page.locator('.sidebar-title .count')).toHaveText(String(STORY_ENTITIES));
  const stored = storeFile(app.dataDir, 'Original').data;
  expect(stored.annotations).toHaveLength(STORY_ENTITIES);
  expect(stored.annotations.every((a) => a.origin?.kind === 'import' && a.origin.file === path.basename(STORY_ANN))).toBe(true);
  await expect(page.locator('.unplaced')).toHaveCount(0);

  const out = path.join(workDir, 'out');
  fs.mkdirSync(out);
  await exportAs(app, 'newsmark', path.join(out, 'story.newsmark.json'));
  await exportAs(app, 'w3c', path.join(out, 'story.w3c.jsonld'));
  await exportAs(app, 'w3c-jsonl', path.join(out, 'story.w3c.jsonl'));
  await exportAs(app, 'csv', path.join(out, 'story.csv'));

  // A second article with the same text: each format lands on the same words; undo takes an import back whole.
  await newArticle(page, text, 'Copy');
  for (const file of ['story.newsmark.json', 'story.w3c.jsonld', 'story.w3c.jsonl', 'story.csv']) {
    const s = await importOnto(app, path.join(out, file));
    expect(s).toBe(`Imported ${STORY_ENTITIES} annotations from ${file}: ${STORY_ENTITIES} placed exactly, 0 placed fuzzily, 0 left unplaced.`);
    expect(await highlights(page)).toEqual({ ...painted, selected: [] });
    expect(storeFile(app.dataDir, 'Copy').data.annotations).toHaveLength(STORY_ENTITIES);
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    expect(await paintedCount(page)).toBe(0);
    expect(storeFile(app.dataDir, 'Copy').data.annotations).toHaveLength(0);
  }
  // Redo brings the last import back; importing it again adds nothing twice.
  await page.keyboard.press('Control+Shift+z');
  await waitSaved(page);
  expect(await paintedCount(page)).toBe(STORY_ENTITIES);
  const again = await importOnto(app, path.join(out, 'story.csv'));
  expect(again).toContain(`${STORY_ENTITIES} were already on this article and not added again.`);
  expect(await paintedCount(page)).toBe(STORY_ENTITIES);
  expect(storeFile(app.dataDir, 'Copy').data.annotations).toHaveLength(STORY_ENTITIES);
});

test('import onto an edited text: fuzzy and unplaced, the Unplaced panel places by selection and discards, all undoable, kept across a restart', async ({ launch }) => {
  let app = await launch();
  let { page } = app;
  let edited = fs.readFileSync(STORY_TXT, 'utf8').replace('a campaign operative decided', 'a campaign aide decided');
  edited = edited.replace(
    'Clinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that request, the source added.',
    'Clinton told officials she did not want any escort, yet the NYPD overruled her request, the source added.',
  );
  edited = edited.replace(/Clinton’s van was supposed[^\n]*\n\n/, '');
  await newArticle(page, edited, 'Edited');
  const summary = await importOnto(app, STORY_ANN);
  expect(summary).toContain(`Imported ${STORY_ENTITIES} annotations from ${path.basename(STORY_ANN)}: 13 placed exactly, 1 placed fuzzily, 4 left unplaced.`);
  // The fuzzy one sits on the changed words, never on other ones.
  const changed = edited.slice(edited.indexOf('But a campaign aide'), edited.indexOf('to reporters') + 'to reporters'.length);
  expect((await highlights(page)).claim).toContain(changed);
  const panel = page.getByRole('region', { name: 'Unplaced annotations' });
  await expect(panel.locator('.orphan')).toHaveCount(4);
  expect(await unplacedQuotes(page)).toEqual([
    'another source',
    'said',
    expect.stringMatching(/^Clinton’s van was supposed to be escorted/),
    expect.stringMatching(/^Clinton had told police officials/),
  ]);
  await expect(panel).toContainText('from breitbart_2016-09-12_stealth-over-health-hillary-clin_ef2d.ann');
  expect(storeFile(app.dataDir, 'Edited').data.orphans).toHaveLength(4);
  fs.mkdirSync('/tmp/newsmark-shots', { recursive: true });
  await page.screenshot({ path: '/tmp/newsmark-shots/unplaced-panel.png' });
  const axe = await new AxeBuilder({ page }).include('.unplaced').include('.import-summary').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Place the rewritten claim: pick it, select its new words, press P.
  await panel.getByRole('button', { name: /^Claim: Clinton had told police officials/ }).click();
  await expect(panel.locator('.orphan.is-current')).toContainText('Clinton had told police officials');
  const rewritten = 'Clinton told officials she did not want any escort, yet the NYPD overruled her request';
  await selectWithMouse(page, rewritten);
  await page.keyboard.press('p');
  await waitSaved(page);
  await expect(panel.locator('.orphan')).toHaveCount(3);
  expect((await highlights(page)).claim).toContain(rewritten);
  let stored = storeFile(app.dataDir, 'Edited').data;
  expect(stored.orphans).toHaveLength(3);
  expect(stored.annotations).toHaveLength(15);
  await expect(page.locator('.entry-button[aria-pressed="true"]')).toHaveAccessibleName(`Claim: ${rewritten} attributed to: added; the source`);

  // Discard "another source" with its button; undo brings it back; undo again takes the placement back.
  const anotherSource = panel.locator('.orphan').filter({ has: page.locator('.orphan-quote', { hasText: /^another source$/ }) });
  await anotherSource.getByRole('button', { name: 'Discard' }).click();
  await waitSaved(page);
  expect(await unplacedQuotes(page)).not.toContain('another source');
  expect(storeFile(app.dataDir, 'Edited').data.orphans).toHaveLength(2);
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  await expect(panel.locator('.orphan')).toHaveCount(3);
  expect(await unplacedQuotes(page)).toContain('another source');
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  await expect(panel.locator('.orphan')).toHaveCount(4);
  expect((await highlights(page)).claim).not.toContain(rewritten);
  expect(storeFile(app.dataDir, 'Edited').data.orphans).toHaveLength(4);
  await page.keyboard.press('Control+Shift+z');
  await waitSaved(page);
  await expect(panel.locator('.orphan')).toHaveCount(3);

  // An export leaves the unplaced ones out, and says so.
  await app.sendCommand('export-annotations');
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export…' }).click();
  await expect(page.locator('.notice').last()).toContainText('Exported 15 annotations as ');
  await expect(page.locator('.notice').last()).toContainText('3 unplaced annotations are not in it: place them first to include them.');

  // P with nothing selected places nothing, and says why.
  await page.keyboard.press('Escape');
  await page.locator('.article-text p').first().click();
  await page.keyboard.press('p');
  await expect(page.locator('#announcer')).toContainText('Select the words for this');
  await expect(panel.locator('.orphan')).toHaveCount(3);

  // Delete on an unplaced entry discards it (and never deletes an annotation).
  await anotherSource.getByRole('button', { name: /^Attribution: another source/ }).focus();
  await page.keyboard.press('Delete');
  await waitSaved(page);
  await expect(panel.locator('.orphan')).toHaveCount(2);
  stored = storeFile(app.dataDir, 'Edited').data;
  expect(stored.annotations).toHaveLength(15);

  // A restart keeps the unplaced ones and the placed claim.
  await app.close();
  app = await launch({ dataDir: app.dataDir });
  page = app.page;
  await expect(page.getByLabel('Article title')).toHaveValue('Edited');
  await expect(page.getByRole('region', { name: 'Unplaced annotations' }).locator('.orphan')).toHaveCount(2);
  expect(await unplacedQuotes(page)).toEqual(['said', expect.stringMatching(/^Clinton’s van was supposed/)]);
  await expect.poll(async () => (await highlights(page)).claim).toContain(rewritten);
});

test('bad files: every problem located, nothing changes on disk', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  await newArticle(page, EMOJI_TEXT, 'Rates rise');
  await selectWithMouse(page, 'officials');
  await page.keyboard.press('3');
  await waitSaved(page);
  const { file } = storeFile(app.dataDir, 'Rates rise');
  const before = fs.readFileSync(file, 'utf8');
  const header = { format: 'newsmark', version: 1, exporter: { name: 'x', version: '1' }, exportedAt: 'x', article: { id: 'a', title: 't', source: {}, textHash: `sha256:${'0'.repeat(64)}`, length: cps(EMOJI_TEXT).length } };
  const one = (patch: object) => ({ id: 'a', tag: 'claim', spans: [{ start: 0, end: 5, exact: 'Emoji', prefix: '', suffix: ' ' }], note: '', links: [], author: { id: 'u', name: 'U' }, createdAt: 'x', updatedAt: 'x', ...patch });
  const dir = path.join(workDir, 'bad');
  fs.mkdirSync(dir);
  const cases: { name: string; content: string; where: string[] }[] = [
    { name: 'truncated.json', content: JSON.stringify({ ...header, annotations: [one({})] }).slice(0, 180), where: ['line 1 column 181'] },
    { name: 'types.json', content: JSON.stringify({ ...header, annotations: [one({ tag: 'rumour', note: 7 })] }), where: ['$.annotations[0].tag', '$.annotations[0].note'] },
    { name: 'range.json', content: JSON.stringify({ ...header, annotations: [one({ spans: [{ start: 60, end: 900, exact: 'x', prefix: '', suffix: '' }] })] }), where: ['$.annotations[0]'] },
    { name: 'range.ann', content: 'T1\tClaim 0 5\tEmoji\nT2\tQuote 70 9000\tnothing\n', where: ['line 2'] },
  ];
  for (const c of cases) {
    fs.writeFileSync(path.join(dir, c.name), c.content);
    await app.answerOpen([path.join(dir, c.name)]);
    await app.sendCommand('import-annotations');
    const dialog = page.getByRole('dialog', { name: 'Could not import the annotations' });
    await expect(dialog).toContainText(`${c.name}: `);
    await expect(dialog).toContainText('nothing was imported');
    for (const where of c.where) await expect(dialog.getByRole('cell', { name: where, exact: true })).toBeVisible();
    if (c.name === 'types.json') await page.screenshot({ path: '/tmp/newsmark-shots/import-problems.png' });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toHaveCount(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect((await highlights(page)).attribution).toEqual(['officials']);
  }
  await expect(page.locator('.import-summary')).toHaveCount(0);
  await expect(page.locator('body')).toHaveAttribute('data-pending-saves', '0');
});

test('a brat pair becomes a new article, and exports back to the same brat', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  const pair = path.join(workDir, 'pair');
  fs.mkdirSync(pair);
  const original = fs.readFileSync(STORY_ANN, 'utf8');
  fs.writeFileSync(path.join(pair, 'story.ann'), original);
  fs.copyFileSync(STORY_TXT, path.join(pair, 'story.txt'));
  await app.answerOpen([path.join(pair, 'story.ann')]);
  await app.sendCommand('import-as-article');
  await expect(page.getByLabel('Article title')).toHaveValue(STORY_TITLE);
  await expect(page.locator('.notice').last()).toContainText(`New article “${STORY_TITLE}”. Imported ${STORY_ENTITIES} annotations from story.ann: ${STORY_ENTITIES} placed exactly`);
  await expect.poll(() => paintedCount(page)).toBe(STORY_ENTITIES);
  await exportAs(app, 'brat', path.join(workDir, 'back.ann'));
  const lines = (s: string) => s.split('\n').filter(Boolean).sort();
  expect(lines(fs.readFileSync(path.join(workDir, 'back.ann'), 'utf8'))).toEqual(lines(original));
  expect(fs.readFileSync(path.join(workDir, 'back.txt'), 'utf8')).toBe(fs.readFileSync(STORY_TXT, 'utf8'));
});
