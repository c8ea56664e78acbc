import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { confStoreFactory } from '../../electron/services/conf-store';
import { createHandlers, type Handlers } from '../../electron/services/handlers';
import { contentSecurityPolicy, mimeType } from '../../electron/services/security';
import { ScriptedDialogs } from './dialogs';
import type { AppUnderTest } from './types';

/**
 * The browser host: the built renderer in Debian's Chromium, wired to the real main-process
 * services running in this Node process, on real store files in `dataDir`. Electron's
 * binary cannot be downloaded on our machines; this proves the app anyway.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(repoRoot, 'dist', 'renderer');
export const HOST_ORIGIN = 'http://newsmark.localhost';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Folder for the stores (settings.json, library.json, articles/). Created if missing. */
  dataDir: string;
  /** Where unanswered save dialogs write; defaults to `<dataDir>/../exports`. */
  exportDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  chromiumPath?: string;
  colorScheme?: 'light' | 'dark';
  /** Join this desk at start, as Settings → Desk would (the password is sealed by the stand-in of safeStorage). */
  desk?: { url: string; database: string; user: string; password: string };
  /** The editor's name and id in Settings (an id stays when the name changes). */
  user?: { id: string; name: string };
}

export interface LaunchedApp extends AppUnderTest {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  handlers: Handlers;
  dialogs: ScriptedDialogs;
  host: 'browser';
}

let initScript: Promise<string> | undefined;

async function bridgeInitScript(): Promise<string> {
  initScript ??= build({
    entryPoints: [path.join(repoRoot, 'e2e', 'host', 'bridge-init.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return initScript;
}

export function findChromium(explicit?: string): string {
  const candidates = [explicit, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`Chromium not found (looked in ${candidates.join(', ')}). Install it: apt-get install -y chromium`);
  return found;
}

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}). Run: npm run build`);
  }
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const exportDir = path.resolve(options.exportDir ?? path.join(path.dirname(dataDir), 'exports'));
  fs.mkdirSync(exportDir, { recursive: true });
  const dialogs = new ScriptedDialogs(exportDir);
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const handlers = await createHandlers({
    dataDir,
    openStore: confStoreFactory(dataDir),
    dialogs,
    appVersion: pkg.version,
    sampleArticle: () => fs.promises.readFile(path.join(repoRoot, 'resources', 'sample', 'venezuela-maduro-call.txt'), 'utf8'),
  });
  if (options.user) await handlers.handle('settings:update', { user: options.user });
  if (options.desk) {
    const joined = await handlers.handle('desk:join', options.desk);
    if (!joined.ok) throw new Error(`Could not join the desk: ${joined.error.message}`);
  }

  const browser = await chromium.launch({
    executablePath: findChromium(options.chromiumPath),
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  // Serve the built renderer at a private origin with the same CSP Electron sends.
  await context.route(`${HOST_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, `.${rel}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({
      status: 200,
      body: await fs.promises.readFile(file),
      headers: { 'content-type': mimeType(file), 'content-security-policy': contentSecurityPolicy(HOST_ORIGIN) },
    });
  });
  await context.route(/^(?!http:\/\/newsmark\.localhost\/)/, (route) => route.abort('blockedbyclient'));
  // Replies cross as one JSON string: Playwright's own value serializer is slow on large
  // object graphs (an article with thousands of annotations), JSON.parse in the page is not.
  await context.exposeBinding('__newsmarkInvoke', async (_source, channel: unknown, payload: unknown) => JSON.stringify(await handlers.handle(channel, payload)));
  await context.addInitScript({ content: await bridgeInitScript() });

  const page = await context.newPage();
  // What main.ts sends over the command channel when the desk changes.
  const stopDesk = handlers.desk.onChange(() => void page.evaluate(() => window.__newsmarkHostCommand('desk-changed')).catch(() => undefined));
  page.on('pageerror', (error) => console.error(`[renderer] ${error.message}`));
  await page.goto(`${HOST_ORIGIN}/index.html`);

  let closed = false;
  return {
    page,
    browser,
    context,
    handlers,
    dialogs,
    host: 'browser',
    dataDir,
    exportDir,
    async answerSave(filePath) {
      dialogs.answerSave(filePath);
    },
    async answerOpen(paths) {
      dialogs.answerOpen(paths);
    },
    async answerFolder(folder) {
      dialogs.answerFolder(folder);
    },
    async sendCommand(command) {
      await page.evaluate((c) => window.__newsmarkHostCommand(c), command);
    },
    /** Close the window the way quitting does: pending library writes are flushed. */
    async close() {
      if (closed) return;
      closed = true;
      stopDesk();
      await browser.close();
      await handlers.close();
    },
  };
}
