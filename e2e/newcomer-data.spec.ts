import fs from 'node:fs';
import path from 'node:path';
import { highlights } from './driver';
import { expect, test } from './fixtures';
import { POLNEAR_TRAIN_MULTI } from '../tests/corpus/paths';

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
