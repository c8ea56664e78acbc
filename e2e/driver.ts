import type { Page } from 'playwright-core';
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** Small, honest steps a user takes, shared by the specs. */

export async function openArticle(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: title }).first().click();
  await expect(page.locator('.article-text')).toBeVisible();
}

/**
 * Viewport points at the left edge of the needle's first character and right edge of its
 * last. The paragraph is scrolled into view first and measured after it has rendered:
 * paragraphs out of view have an estimated height until then (content-visibility).
 */
async function needlePoints(page: Page, needle: string, occurrence: number) {
  await measureNeedle(page, needle, occurrence);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return measureNeedle(page, needle, occurrence);
}

async function measureNeedle(page: Page, needle: string, occurrence: number) {
  return page.evaluate(
    ([needle, occurrence]) => {
      const paragraphs = [...document.querySelectorAll('.article-text [data-slate-string]')];
      let seen = 0;
      for (const el of paragraphs) {
        const node = el.firstChild as Text;
        let from = 0;
        for (;;) {
          const i = node.data.indexOf(needle as string, from);
          if (i === -1) break;
          if (seen++ === occurrence) {
            el.scrollIntoView({ block: 'center' });
            const first = document.createRange();
            first.setStart(node, i);
            first.setEnd(node, i + 1);
            const last = document.createRange();
            last.setStart(node, i + (needle as string).length - 1);
            last.setEnd(node, i + (needle as string).length);
            const a = first.getClientRects()[0]!;
            const b = last.getClientRects()[0]!;
            return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
          }
          from = i + 1;
        }
      }
      return null;
    },
    [needle, occurrence] as const,
  );
}

/** Drag the mouse across the needle's text, as a user selects words. */
export async function selectWithMouse(page: Page, needle: string, occurrence = 0): Promise<void> {
  const p = await needlePoints(page, needle, occurrence);
  if (!p) throw new Error(`"${needle}" not found in the article text`);
  await page.mouse.move(p.x1, p.y1);
  await page.mouse.down();
  await page.mouse.move((p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2, { steps: 3 });
  await page.mouse.move(p.x2, p.y2, { steps: 3 });
  await page.mouse.up();
}

/** Drag from the first character of `from` to the last of `to` (they may be in different paragraphs). */
export async function selectAcross(page: Page, from: string, to: string): Promise<void> {
  const a = await needlePoints(page, from, 0);
  const b = await needlePoints(page, to, 0);
  if (!a || !b) throw new Error(`"${!a ? from : to}" not found in the article text`);
  await page.mouse.move(a.x1, a.y1);
  await page.mouse.down();
  await page.mouse.move(b.x2, b.y2, { steps: 5 });
  await page.mouse.up();
}

/** Click at the start of the needle (a caret, or selecting the annotation under it). */
export async function clickOn(page: Page, needle: string, occurrence = 0): Promise<void> {
  const p = await needlePoints(page, needle, occurrence);
  if (!p) throw new Error(`"${needle}" not found in the article text`);
  await page.mouse.click(p.x1 + 2, p.y1);
}

/** The text under each painted highlight, by tag. */
export async function highlights(page: Page): Promise<Record<'claim' | 'quote' | 'attribution' | 'selected', string[]>> {
  return page.evaluate(() => {
    // A tag paints in its bulk highlight and, for a moment after a change, its fresh one.
    const read = (...names: string[]) => names.flatMap((n) => [...((CSS.highlights.get(n) as unknown as Set<AbstractRange>) ?? [])].map((r) => { const live = document.createRange(); live.setStart(r.startContainer, r.startOffset); live.setEnd(r.endContainer, r.endOffset); return live.toString(); })).sort();
    return {
      claim: read('nm-claim', 'nm-claim-fresh'),
      quote: read('nm-quote', 'nm-quote-fresh'),
      attribution: read('nm-attribution', 'nm-attribution-fresh'),
      selected: read('nm-selected'),
    };
  });
}

/**
 * The sidebar entries as rendered (the list draws only the rows in view), each with the
 * name a screen reader reads: "Quote: the words", then fragments, note and links if any.
 */
export async function sidebar(page: Page): Promise<{ tag: string; label: string }[]> {
  return page.locator('.sidebar .entry').evaluateAll((els) =>
    els.map((el) => {
      const part = (selector: string) => el.querySelector(selector)?.textContent?.trim() ?? '';
      const label = [part('.entry-badge'), part('.entry-text'), part('.entry-links')].filter(Boolean).join(' ');
      return { tag: el.getAttribute('data-tag') ?? '', label };
    }),
  );
}

/** Every change made so far is stored by the main process, and the window says so. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-pending-saves', '0');
  await expect(page.locator('.save-state')).toHaveText('Saved');
}

/** A file to drop: its bytes, or a text of `length` characters made in the page (big files). */
export type DropFile = { name: string; bytes: Buffer } | { name: string; generate: { text: string; length: number } };

/**
 * Drop files on the window as the system does: a DataTransfer holding File objects built
 * in the page, dispatched as dragenter, dragover and drop on the page.
 */
export async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  const payload = files.map((f) => ('bytes' in f ? { name: f.name, base64: f.bytes.toString('base64') } : { name: f.name, generate: f.generate }));
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      let part: BlobPart;
      if (f.base64 !== undefined) part = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      else part = f.generate!.text.repeat(Math.ceil(f.generate!.length / f.generate!.text.length)).slice(0, f.generate!.length);
      dt.items.add(new File([part], f.name));
    }
    const target = document.querySelector('.article-text, .library') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload as { name: string; base64?: string; generate?: { text: string; length: number } }[]);
}

/** Every file in the data folder's articles/ and the library index's entries: what "nothing changed" compares. */
export function libraryOnDisk(dataDir: string): { articles: Record<string, string>; index: unknown } {
  const dir = path.join(dataDir, 'articles');
  const articles: Record<string, string> = {};
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) articles[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  const index = JSON.parse(fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8')) as { articles: unknown };
  return { articles, index: index.articles };
}
