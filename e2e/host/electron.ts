import { _electron as electron } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_CHANNEL, type Command } from '../../shared/ipc/commands';
import type { AppUnderTest } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The same specs against the real Electron app, where a binary exists. Save and open dialogs
 * are answered by replacing dialog.showSaveDialog and dialog.showOpenDialog in the main
 * process, as Playwright suggests.
 */
export async function launchElectron(options: { dataDir: string; exportDir?: string; executablePath: string }): Promise<AppUnderTest> {
  const dataDir = path.resolve(options.dataDir);
  const exportDir = options.exportDir ?? path.join(path.dirname(dataDir), 'exports');
  fs.mkdirSync(exportDir, { recursive: true });
  const app = await electron.launch({
    executablePath: options.executablePath,
    args: [path.join(repoRoot, 'dist', 'electron', 'main.js')],
    env: { ...process.env, NEWSMARK_DATA_DIR: dataDir } as Record<string, string>,
  });
  const page = await app.firstWindow();
  const answers: (string | undefined)[] = [];
  await app.evaluate(({ dialog }, dir) => {
    const g = globalThis as unknown as { __answers: (string | undefined)[]; __openAnswers: (string[] | undefined)[] };
    g.__answers = [];
    g.__openAnswers = [];
    // Nothing queued: the user cancels.
    dialog.showOpenDialog = (async () => {
      const next = g.__openAnswers.shift();
      return next && next.length ? { canceled: false, filePaths: next } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      const opts = args[args.length - 1] as { defaultPath?: string };
      const next = g.__answers.length ? g.__answers.shift() : `${dir}/${(opts.defaultPath ?? 'export.json').split('/').pop()}`;
      return next ? { canceled: false, filePath: next } : { canceled: true, filePath: '' };
    }) as typeof dialog.showSaveDialog;
    // Open dialogs take the queued files; with nothing queued they are canceled.
    const o = globalThis as unknown as { __openAnswers: (string[] | undefined)[] };
    o.__openAnswers = [];
    dialog.showOpenDialog = (async () => {
      const next = o.__openAnswers.shift();
      return next ? { canceled: false, filePaths: next } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
  }, exportDir);
  // Open-file and choose-folder dialogs both go through showOpenDialog; each has its queue.
  await app.evaluate(({ dialog }, dir) => {
    const g = globalThis as unknown as { __openAnswers: (string | undefined)[]; __folderAnswers: (string | undefined)[] };
    g.__openAnswers = [];
    g.__folderAnswers = [];
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      const opts = args[args.length - 1] as { properties?: string[] };
      const folder = opts.properties?.includes('openDirectory');
      const queue = folder ? g.__folderAnswers : g.__openAnswers;
      const next = queue.length ? queue.shift() : folder ? dir : undefined;
      return next ? { canceled: false, filePaths: [next] } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
  }, exportDir);
  return {
    page,
    host: 'electron',
    exportDir,
    dataDir,
    async answerSave(filePath) {
      answers.push(filePath);
      await app.evaluate((_e, p) => (globalThis as unknown as { __answers: (string | undefined)[] }).__answers.push(p), filePath);
    },
    async answerOpen(paths) {
      await app.evaluate((_e, p) => (globalThis as unknown as { __openAnswers: (string[] | undefined)[] }).__openAnswers.push(p), paths);
    },
    async answerFolder(folder) {
      await app.evaluate((_e, p) => (globalThis as unknown as { __folderAnswers: (string | undefined)[] }).__folderAnswers.push(p), folder);
    },
    async sendCommand(command: Command) {
      await app.evaluate(({ BrowserWindow }, [channel, c]) => BrowserWindow.getAllWindows()[0]?.webContents.send(channel, c), [COMMAND_CHANNEL, command] as const);
    },
    async close() {
      await app.close();
    },
  };
}
