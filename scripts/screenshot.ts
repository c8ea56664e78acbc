// Tags the sample article through the real UI (browser host) and saves docs/screenshot.png.
// Run: npm run build && npx tsx scripts/screenshot.ts [out.png] [--dark]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selectWithMouse } from '../e2e/driver';
import { launchApp } from '../e2e/host/launch';

const out = process.argv.find((a) => a.endsWith('.png')) ?? 'docs/screenshot.png';
const dark = process.argv.includes('--dark');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-shot-'));
const app = await launchApp({ dataDir: path.join(dir, 'data'), viewport: { width: 1280, height: 760 }, colorScheme: dark ? 'dark' : 'light' });
const { page } = app;
try {
  await page.locator('.article-open').first().click();
  await page.locator('.article-text').waitFor();
  const tags: [string, string][] = [
    ['It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan President Nicolas Maduro', '1'],
    ['U.S. media reported', '3'],
    ['Maduro demanded a global amnesty and made requests related to the military', '1'],
    ['According to reports in the US press', '3'],
    ['"immediately leave Venezuela to save his life."', '2'],
    ['Trump stated', '3'],
    ['"Venezuela\'s airspace is closed"', '2'],
  ];
  for (const [needle, key] of tags) {
    await selectWithMouse(page, needle);
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 300);
  await page.evaluate(() => document.querySelector('.article-scroll')!.scrollTo(0, 0));
  await page.waitForTimeout(2000); // let fresh highlights settle
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
