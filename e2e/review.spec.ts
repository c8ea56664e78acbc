import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readColleagueFile, shortNames } from '../shared/review/colleague-file';
import { consensus, groupSpans } from '../shared/review/curation';
import { clickOn, selectWithMouse, waitSaved } from './driver';
import { expect, test } from './fixtures';
import { POLNEAR as POLNEAR_DIR } from '../tests/corpus/paths';
import { storedArticleFiles } from './stored';

/**
 * Review a colleague's tags, end to end on real PolNeAR text and real annotators' brat
 * files: load two colleagues, step with the keys, accept, reject, merge, undo, relaunch,
 * export the report, compare the agreement panel with `newsmark agree`, and curate an
 * article six annotators tagged.
 */
const REPO = path.resolve(import.meta.dirname, '..');
const POLNEAR = POLNEAR_DIR;
const TRAIN = path.join(POLNEAR, 'train-multi');
const STEM = 'west-journal_2016-04-18_trump-s-son-says-the-battle-agai';
const TEXT_FILE = path.join(TRAIN, 'text', `${STEM}.txt`);
const ann = (annotator: string, dir = TRAIN, stem = STEM) => path.join(dir, 'attributions', `${stem}_${annotator}.ann`);

async function addArticle(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'New article' }).first().click();
  await page.getByLabel('Article text').fill(fs.readFileSync(file, 'utf8'));
  await page.getByRole('button', { name: /Add to library/ }).click();
  await expect(page.locator('.article-view .article-text')).toBeVisible();
}

/** Every change stored: annotations (article session) and decisions (review store). */
async function reviewSaved(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-pending-saves', '0');
  await expect(page.locator('body')).toHaveAttribute('data-review-pending', '0');
  await expect(page.locator('.review-view .save-state')).toHaveText('Saved');
}

async function summary(page: Page): Promise<Record<string, number>> {
  const counts = await page.locator('.summary-count').evaluateAll((els) => els.map((el) => [el.getAttribute('data-category')!, Number(el.querySelector('strong')!.textContent)] as const));
  const progress = page.locator('.summary-progress');
  return { ...Object.fromEntries(counts), decided: Number(await progress.getAttribute('data-decided')), toDecide: Number(await progress.getAttribute('data-to-decide')) };
}

/** The current pair as the panel shows it: category and each side's "Tag text". */
async function currentPair(page: Page) {
  const panel = page.locator('.pair-panel');
  return {
    category: await panel.getAttribute('data-category'),
    mine: (await panel.locator('.pair-side-mine .pair-side-text').innerText()).replace(/\s+/g, ' ').trim(),
    theirs: (await panel.locator('.pair-side-theirs .pair-side-text').innerText()).replace(/\s+/g, ' ').trim(),
  };
}

/** Text under each review mark, read from the CSS highlights the painter set. */
async function marks(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const read = (name: string) => [...((CSS.highlights.get(name) as unknown as Set<AbstractRange>) ?? [])].map((r) => { const live = document.createRange(); live.setStart(r.startContainer, r.startOffset); live.setEnd(r.endContainer, r.endOffset); return live.toString(); }).sort();
    const out: Record<string, string[]> = {};
    for (const side of ['mine', 'theirs']) for (const tag of ['claim', 'quote', 'attribution']) out[`${side}-${tag}`] = read(`nm-rv-${side}-${tag}`);
    out.current = read('nm-rv-current');
    out.currentEdge = read('nm-rv-current-edge');
    out.todo = read('nm-rv-todo');
    return out;
  });
}

function stored(dataDir: string) {
  const found = storedArticleFiles(dataDir).find(({ data }) => data.article.title.startsWith('Trump’s Son'));
  if (!found) throw new Error('no stored article titled Trump’s Son…');
  return found.data;
}

/** RFC 4180, read independently of the writer: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** `newsmark agree … --json`, run as a user runs it. */
function cliAgree(files: string[], textFile: string) {
  const out = execFileSync(process.execPath, [path.join(REPO, 'bin', 'newsmark.js'), 'agree', ...files, '--text', textFile, '--json'], { cwd: REPO, encoding: 'utf8' });
  return JSON.parse(out);
}

/** The agreement table as shown: per row, the ten cells. */
async function agreementTable(page: Page): Promise<Record<string, string[]>> {
  const rows = await page.locator('.agreement-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row')!, [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())] as const));
  return Object.fromEntries(rows);
}

type Score = number | null;
function cliRow(r: { exact: { precision: Score; recall: Score; f1: Score }; overlap: { precision: Score; recall: Score; f1: Score }; kappa: Score }): string[] {
  return [r.exact.precision, r.exact.recall, r.exact.f1, r.overlap.precision, r.overlap.recall, r.overlap.f1, r.kappa].map((x) => (x === null ? '—' : x.toFixed(3)));
}

test('review two colleagues: step with the keys, accept, reject, merge, undo, relaunch, report, agreement', async ({ launch, workDir }) => {
  const dataDir = path.join(workDir, 'data');
  let app = await launch({ dataDir });
  let { page } = app;

  // My own tags on a PolNeAR article: one agrees with 4b22, one differs in tag, one in extent.
  await addArticle(page, TEXT_FILE);
  for (const [needle, key] of [
    ['Trump’s Son', '3'],
    ['Says', '1'],
    ['The Battle Against Hillary', '1'],
  ] as const) {
    await selectWithMouse(page, needle);
    await page.keyboard.press(key);
  }
  await waitSaved(page);

  // Review → Open colleague's annotations…: two brat files in one dialog.
  await app.answerOpen([ann('4b22'), ann('4e07')]);
  await app.sendCommand('review-open-colleague');
  await expect(page.locator('.review-view')).toBeVisible();
  await expect(page.getByRole('tab')).toHaveText(['4b22', '4e07']);
  await expect(page.getByRole('tab', { name: '4b22' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.notice').last()).toHaveText(/Loaded 2 colleagues’ files:\s*4b22: 54 annotations\s*4e07: 60 annotations/);
  expect(await summary(page)).toEqual({ agree: 1, 'tag-conflict': 1, 'boundary-conflict': 1, 'only-mine': 0, 'only-theirs': 51, links: 1, decided: 0, toDecide: 53 });

  // The review opens on the first pair to decide; N and P step in document order.
  await expect.poll(() => currentPair(page)).toEqual({ category: 'tag-conflict', mine: 'Claim Says', theirs: 'Attribution Says' });
  let m = await marks(page);
  expect(m['mine-attribution']).toEqual(['Trump’s Son']);
  expect(m['mine-claim']).toEqual(['Says', 'The Battle Against Hillary']);
  expect(m['theirs-attribution']).toContain('Trump’s Son');
  expect(m.current).toEqual(['Says', 'Says']);
  await page.keyboard.press('n');
  await expect.poll(() => currentPair(page)).toEqual({
    category: 'boundary-conflict',
    mine: 'Claim The Battle Against Hillary',
    theirs: 'Claim The Battle Against Hillary Will Be Unprecedented',
  });
  // The current pair: solid where both cover the words, lighter where only theirs does.
  m = await marks(page);
  expect(m.current).toEqual(['The Battle Against Hillary', 'The Battle Against Hillary']);
  expect(m.currentEdge).toEqual([' Will Be Unprecedented']);
  await page.keyboard.press('n');
  await expect.poll(() => currentPair(page)).toMatchObject({ category: 'only-theirs', theirs: 'Attribution Donald Trump' });
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect.poll(() => currentPair(page)).toMatchObject({ category: 'tag-conflict' });
  await page.screenshot({ path: '/tmp/newsmark-review-together.png' });

  // A accepts theirs (and moves on), M merges, A again, R rejects.
  await page.keyboard.press('a');
  await expect.poll(() => currentPair(page)).toMatchObject({ category: 'boundary-conflict' });
  await page.keyboard.press('m');
  await expect.poll(() => currentPair(page)).toMatchObject({ category: 'only-theirs', theirs: 'Attribution Donald Trump' });
  await page.keyboard.press('a');
  await expect.poll(() => currentPair(page)).toMatchObject({ category: 'only-theirs', theirs: 'Attribution began tweeting out' });
  await page.keyboard.press('r');
  await expect.poll(() => currentPair(page)).toMatchObject({ category: 'only-theirs', theirs: 'Claim his new nickname for Democratic presidential candidate Hillary Clinton' });
  await reviewSaved(page);
  expect(await summary(page)).toMatchObject({ agree: 4, 'tag-conflict': 0, 'boundary-conflict': 0, 'only-theirs': 50, links: 0, decided: 4, toDecide: 49 });
  m = await marks(page);
  expect(m['mine-attribution']).toEqual(['Donald Trump', 'Says', 'Trump’s Son']);
  expect(m['mine-claim']).toEqual(['The Battle Against Hillary Will Be Unprecedented']);

  // My annotations as stored: the accepted ones keep where they came from.
  const file = stored(dataDir);
  const byText = (t: string) => file.annotations.find((a: { spans: { start: number; end: number }[] }) => file.article.text.slice(a.spans[0]!.start, a.spans[0]!.end) === t);
  expect(file.annotations).toHaveLength(4);
  expect(byText('Donald Trump')).toMatchObject({ tag: 'attribution', origin: { kind: 'colleague', file: ann('4b22'), originalId: `${STEM}_4b22#T4` } });
  expect(byText('Says')).toMatchObject({ tag: 'attribution', origin: { kind: 'colleague', file: ann('4b22'), originalId: `${STEM}_4b22#T2` } });
  const merged = byText('The Battle Against Hillary Will Be Unprecedented');
  expect(merged!.tag).toBe('claim');
  expect(merged!.links.sort()).toEqual([byText('Says')!.id, byText('Trump’s Son')!.id].sort());

  // Undo takes the last decision back (the reject), redo makes it again.
  await page.keyboard.press('Control+z');
  await expect.poll(() => summary(page)).toMatchObject({ decided: 3, toDecide: 50 });
  await expect.poll(() => currentPair(page)).toMatchObject({ theirs: 'Attribution began tweeting out' });
  await expect(page.locator('.pair-panel .pair-decision')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => summary(page)).toMatchObject({ decided: 4, toDecide: 49 });
  await page.keyboard.press('n');
  await expect.poll(() => currentPair(page)).toMatchObject({ theirs: 'Claim his new nickname for Democratic presidential candidate Hillary Clinton' });

  // The other colleague has a review of their own; side by side shows two texts.
  await page.getByRole('tab', { name: '4e07' }).click();
  await expect.poll(() => summary(page)).toMatchObject({ decided: 0 });
  await page.getByRole('tab', { name: '4b22' }).click();
  await expect.poll(() => summary(page)).toMatchObject({ decided: 4 });
  await page.keyboard.press('s');
  await expect(page.locator('.review-column')).toHaveCount(2);
  await expect(page.locator('.review-column-theirs .column-title')).toHaveText('4b22');
  m = await marks(page);
  expect(m.current).toEqual(['his new nickname for Democratic presidential candidate Hillary Clinton']);
  await page.screenshot({ path: '/tmp/newsmark-review-side-by-side.png' });
  await reviewSaved(page);
  const before = stored(dataDir).annotations;
  await app.close();

  // Relaunch: the app reopens in review mode, on the same pair, with every decision kept.
  app = await launch({ dataDir });
  page = app.page;
  await expect(page.locator('.review-view')).toBeVisible();
  await expect(page.locator('.review-column')).toHaveCount(2);
  await expect.poll(() => summary(page)).toMatchObject({ decided: 4, toDecide: 49, agree: 4 });
  await expect.poll(() => currentPair(page)).toMatchObject({ theirs: 'Claim his new nickname for Democratic presidential candidate Hillary Clinton' });
  expect(stored(dataDir).annotations).toEqual(before);
  const statuses = await page.locator('.pair-row.decided').evaluateAll((rows) => rows.map((r) => r.querySelector('.pair-status')!.textContent));
  expect(statuses).toEqual(['Accepted', 'Merged', 'Accepted', 'Rejected']);
  await page.keyboard.press('s');
  await expect(page.locator('.review-column')).toHaveCount(1);

  // The report: every pair, its category then, and the decision.
  const csvPath = path.join(workDir, 'exports', 'review.csv');
  await app.answerSave(csvPath);
  await page.getByRole('button', { name: 'Report CSV…' }).click();
  await expect(page.locator('.notice').last()).toContainText(`Exported the review report (54 pairs) to ${csvPath}`);
  const csv = parseCsv(fs.readFileSync(csvPath, 'utf8'));
  expect(csv[0]!.join(',')).toBe('pair_id,category,links,mine_id,mine_tag,mine_spans,mine_text,theirs_id,theirs_tag,theirs_spans,theirs_text,decision,decided_at');
  expect(csv).toHaveLength(55);
  const decided = csv.slice(1).filter((c) => c[11] !== '');
  expect(decided.map((c) => [c[1], c[4], c[8], c[10], c[11]])).toEqual([
    ['tag-conflict', 'claim', 'attribution', 'Says', 'accept'],
    ['boundary-conflict', 'claim', 'claim', 'The Battle Against Hillary Will Be Unprecedented', 'merge'],
    ['only-theirs', '', 'attribution', 'Donald Trump', 'accept'],
    ['only-theirs', '', 'attribution', 'began tweeting out', 'reject'],
  ]);
  expect(decided[1]![6]).toBe('The Battle Against Hillary');
  expect(decided[1]![9]).toBe('17-65');
  const jsonPath = path.join(workDir, 'exports', 'review.json');
  await app.answerSave(jsonPath);
  await app.sendCommand('review-export-report');
  await expect(page.locator('.notice').last()).toContainText(`to ${jsonPath}`);
  const rows = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { pairId: string; category: string; decision: string | null }[];
  expect(rows).toHaveLength(54);
  expect(rows.filter((r) => r.decision).map((r) => [r.category, r.decision])).toEqual(decided.map((c) => [c[1], c[11]]));

  // The agreement panel shows what `newsmark agree` prints for the same files.
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  await page.getByLabel('First annotator').selectOption({ label: '4b22' });
  await page.getByLabel('Second annotator').selectOption({ label: '4e07' });
  const cli = cliAgree([ann('4b22'), ann('4e07')], TEXT_FILE).pairs[0].agreement;
  const table = await agreementTable(page);
  for (const tag of ['claim', 'quote', 'attribution'] as const) {
    expect(table[tag]!.slice(0, 7), tag).toEqual(cliRow(cli.perTag[tag]));
    expect(table[tag]!.slice(7).map(Number)).toEqual([cli.perTag[tag].mine, cli.perTag[tag].theirs]);
  }
  expect(table.overall!.slice(0, 7)).toEqual(cliRow(cli.overall));
  await expect(page.getByTestId('agreement-links')).toContainText(`P ${cli.links.precision.toFixed(3)} · R ${cli.links.recall.toFixed(3)} · F1 ${cli.links.f1.toFixed(3)}`);
  await expect(page.getByTestId('agreement-pairs')).toHaveText(
    `${cli.counts.agree} agree · ${cli.counts['tag-conflict']} tag conflict · ${cli.counts['boundary-conflict']} boundary conflict · ${cli.counts['only-mine']} only mine · ${cli.counts['only-theirs']} only theirs · ${cli.tokens} word tokens`,
  );
  // …and for my own annotations, exported and compared by the command line.
  const mineJson = path.join(workDir, 'exports', 'mine.newsmark.json');
  await app.answerSave(mineJson);
  await page.keyboard.press('Control+e');
  await expect(page.locator('.notice').last()).toContainText(`Exported 4 annotations to ${mineJson}`);
  await page.getByLabel('First annotator').selectOption({ index: 0 });
  await page.getByLabel('Second annotator').selectOption({ label: '4b22' });
  const mineCli = cliAgree([mineJson, ann('4b22')], TEXT_FILE).pairs[0].agreement;
  const mineTable = await agreementTable(page);
  expect(mineTable.overall!.slice(0, 7)).toEqual(cliRow(mineCli.overall));
  expect(mineTable.attribution!.slice(0, 7)).toEqual(cliRow(mineCli.perTag.attribution));
  await page.screenshot({ path: '/tmp/newsmark-review-agreement.png' });

  // Back to editing: the article view shows the annotations the review made.
  await app.sendCommand('review-mode');
  await expect(page.locator('.article-view')).toBeVisible();
  await expect(page.locator('.sidebar .entry')).toHaveCount(4);
});

test('curation: six annotators, accept what four agree on in one undoable step', async ({ launch }) => {
  const dir = path.join(POLNEAR, 'annotator-training');
  const stem = 'breitbart_2016-03-11_activists-brick-up-entrance-to-m';
  const textFile = path.join(dir, 'text', `${stem}.txt`);
  const annotators = ['4b22', '4e07', '5fec', '6b86', 'd473', 'ef2d'];
  const files = annotators.map((a) => ann(a, dir, stem));
  const app = await launch();
  const { page } = app;
  await addArticle(page, textFile);
  await app.answerOpen(files);
  await app.sendCommand('review-open-colleague');
  await expect(page.getByRole('tab')).toHaveText(annotators);
  await expect(page.getByRole('button', { name: 'Curation' })).toBeEnabled();
  await app.sendCommand('review-curation');
  await expect(page.locator('.curation')).toBeVisible();

  // The groups the view lists are those of the curation code over the same files.
  const text = fs.readFileSync(textFile, 'utf8');
  const names = shortNames(files.map((f) => path.basename(f, '.ann')));
  const expected = groupSpans(
    files.map((f, i) => {
      const r = readColleagueFile({ name: f, content: fs.readFileSync(f, 'utf8'), articleText: text, now: '' });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return { annotator: names[i]!, annotations: r.value.annotations };
    }),
  );
  const rows = page.locator('.group-row');
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((els) => els.map((el) => el.querySelector('.group-count')!.textContent));
  expect(shown).toEqual(expected.map((g) => `${g.annotators.length} of 6`));

  // At least 4 of 6: the button adds exactly what the consensus holds; one undo takes it all back.
  await page.getByLabel('How many annotators must agree').selectOption('4');
  const four = consensus(expected, 4);
  expect(four.length).toBeGreaterThan(5);
  const accept = page.getByRole('button', { name: `Add ${four.length} to mine` });
  await accept.click();
  await expect(page.locator('.notice').last()).toContainText(`Added ${four.length} annotations that at least 4 of 6 agree on`);
  await reviewSaved(page);
  await expect(page.getByRole('button', { name: 'Nothing to add' })).toBeDisabled();
  const mineNow = async () => (await page.evaluate(() => [...((CSS.highlights.get('nm-rv-mine-claim') as unknown as Set<Range>) ?? [])].length + [...((CSS.highlights.get('nm-rv-mine-quote') as unknown as Set<Range>) ?? [])].length + [...((CSS.highlights.get('nm-rv-mine-attribution') as unknown as Set<Range>) ?? [])].length));
  const spansInConsensus = four.reduce((n, c) => n + c.spans.length, 0);
  await expect.poll(mineNow).toBe(spansInConsensus);
  await rows.nth(2).getByRole('button').click();
  await page.screenshot({ path: '/tmp/newsmark-review-curation.png' });
  // Each view of review mode passes axe (WCAG rules: names, landmarks, headings, contrast).
  const axe = async () => (await new AxeBuilder({ page: page as never }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await axe()).toEqual([]);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.locator('.pair-panel')).toBeVisible();
  expect(await axe()).toEqual([]);
  await page.getByRole('button', { name: 'Curation', exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(mineNow).toBe(0);
  await expect(accept).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(mineNow).toBe(spansInConsensus);
  await reviewSaved(page);

  // Fleiss' kappa over the six, as the command line computes it.
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const cli = cliAgree(files, textFile);
  await expect(page.getByTestId('agreement-fleiss')).toContainText(`Fleiss’ κ over 7 annotators`);
  expect(await axe()).toEqual([]);
  await page.getByLabel('First annotator').selectOption({ label: '4b22' });
  await page.getByLabel('Second annotator').selectOption({ label: 'ef2d' });
  const pair = cli.pairs.find((p: { mine: string; theirs: string }) => p.mine.endsWith('_4b22.ann') && p.theirs.endsWith('_ef2d.ann')).agreement;
  expect((await agreementTable(page)).overall!.slice(0, 7)).toEqual(cliRow(pair.overall));
  // Without my annotations the Fleiss line covers the six files, as the CLI does.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('agreement-fleiss')).toContainText(`Fleiss’ κ over 6 annotators (${annotators.join(', ')}): ${cli.fleiss.kappa.toFixed(3)}`);
});

test('a bad colleague file is refused with its name and line, and nothing is loaded', async ({ launch, workDir }) => {
  const app = await launch();
  const { page } = app;
  await addArticle(page, TEXT_FILE);
  const bad = path.join(workDir, 'colleague.ann');
  fs.writeFileSync(bad, 'T1\tSource 0 11\tTrump’s Son\nT2\tCue 12\tSays\n');
  await app.answerOpen([ann('4b22'), bad]);
  await app.sendCommand('review-open-colleague');
  const error = page.locator('.notice-error').last();
  await expect(error).toContainText('Could not load colleague.ann; nothing was loaded.');
  await expect(error).toContainText('colleague.ann: line 2');
  await expect(page.locator('.review-empty')).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
  // Canceling the dialog changes nothing either.
  await app.answerOpen(undefined);
  await page.getByRole('button', { name: 'Open colleague’s annotations…' }).first().click();
  await expect(page.getByRole('tab')).toHaveCount(0);
  const reviews = path.join(app.dataDir, 'reviews');
  for (const name of fs.existsSync(reviews) ? fs.readdirSync(reviews) : []) {
    expect(JSON.parse(fs.readFileSync(path.join(reviews, name), 'utf8')).colleagues).toEqual([]);
  }
});

test('E edits with the selected words and a chosen tag; A on "only mine" removes mine, undo restores it', async ({ launch, workDir }) => {
  const dataDir = path.join(workDir, 'data');
  const app = await launch({ dataDir });
  const { page } = app;
  await addArticle(page, TEXT_FILE);
  await app.answerOpen([ann('4b22')]);
  await app.sendCommand('review-open-colleague');
  await expect.poll(() => currentPair(page)).toEqual({ category: 'only-theirs', mine: 'Nothing tagged here', theirs: 'Attribution Trump’s Son' });

  // Escape closes the dialog and changes nothing.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Edit: your own version' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await summary(page)).toMatchObject({ decided: 0 });

  // Select other words in the text, press E: they are offered first; 1 makes it a claim, Enter saves.
  await selectWithMouse(page, 'Trump’s Son Says');
  await page.keyboard.press('e');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /The text you selected/ })).toBeChecked();
  await expect(dialog.locator('.edit-span q')).toHaveText(['Trump’s Son Says', 'Trump’s Son']);
  await expect(dialog.getByRole('radio', { name: /Attribution/ })).toBeChecked();
  await page.keyboard.press('1');
  await expect(dialog.getByRole('radio', { name: /Claim/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await reviewSaved(page);
  expect(await summary(page)).toMatchObject({ decided: 1, 'boundary-conflict': 1 });
  const file = stored(dataDir);
  expect(file.annotations).toHaveLength(1);
  const [a] = file.annotations;
  expect(file.article.text.slice(a!.spans[0]!.start, a!.spans[0]!.end)).toBe('Trump’s Son Says');
  expect(a).toMatchObject({ tag: 'claim', origin: { kind: 'colleague', file: ann('4b22'), originalId: `${STEM}_4b22#T1` } });
  await expect(page.locator('.pair-row.decided .pair-status')).toHaveText(['Edited']);

  // Accepting theirs where only I tagged something removes mine: click my tag, press A.
  await app.sendCommand('review-mode');
  await expect(page.locator('.article-view .article-text')).toBeVisible();
  await selectWithMouse(page, 'Watertown');
  await page.keyboard.press('1');
  await waitSaved(page);
  await app.sendCommand('review-mode');
  await expect(page.locator('.pair-panel[data-pair-id]')).toBeVisible(); // resumed on a pair
  await clickOn(page, 'Watertown');
  await expect.poll(() => currentPair(page)).toEqual({ category: 'only-mine', mine: 'Claim Watertown', theirs: 'Nothing tagged here' });
  await page.keyboard.press('a');
  await reviewSaved(page);
  expect(await summary(page)).toMatchObject({ decided: 2, 'only-mine': 0 });
  expect(stored(dataDir).annotations).toHaveLength(1);
  await page.keyboard.press('Control+z');
  await reviewSaved(page);
  expect(await summary(page)).toMatchObject({ decided: 1, 'only-mine': 1 });
  expect(stored(dataDir).annotations).toHaveLength(2);
});
