import { _electron as electron } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_CHANNEL, type Command } from '../../shared/ipc/commands';
import { electronLaunchOptions } from './electron-launch';
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
  const app = await electron.launch(electronLaunchOptions({ repoRoot, dataDir, executablePath: options.executablePath }));
  const page = await app.firstWindow();
  // Native dialogs answered from queues the test fills. A save with nothing queued goes to
  // the export folder under its suggested name; an open dialog with nothing queued is
  // cancelled; a folder choice with nothing queued picks the export folder.
  await app.evaluate(({ dialog }, dir) => {
    const g = globalThis as unknown as {
      __answers: (string | undefined)[];
      __openAnswers: (string[] | undefined)[];
      __folderAnswers: (string | undefined)[];
    };
    g.__answers = [];
    g.__openAnswers = [];
    g.__folderAnswers = [];
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      const opts = args[args.length - 1] as { defaultPath?: string };
      const next = g.__answers.length ? g.__answers.shift() : `${dir}/${(opts.defaultPath ?? 'export.json').split('/').pop()}`;
      return next ? { canceled: false, filePath: next } : { canceled: true, filePath: '' };
    }) as typeof dialog.showSaveDialog;
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      const opts = args[args.length - 1] as { properties?: string[] };
      if (opts.properties?.includes('openDirectory')) {
        const folder = g.__folderAnswers.length ? g.__folderAnswers.shift() : dir;
        return folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] };
      }
      const files = g.__openAnswers.shift();
      return files && files.length ? { canceled: false, filePaths: files } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
  }, exportDir);
  return {
    page,
    host: 'electron',
    exportDir,
    dataDir,
    async answerSave(filePath) {
      await app.evaluate((_e, p) => (globalThis as unknown as { __answers: (string | undefined)[] }).__answers.push(p), filePath);
    },
    async answerOpen(paths) {
      await app.evaluate((_e, p) => (globalThis as unknown as { __openAnswers: (string[] | undefined)[] }).__openAnswers.push(p), paths);
    },
    async answerFolder(folder) {
      await app.evaluate((_e, p) => (globalThis as unknown as { __folderAnswers: (string | undefined)[] }).__folderAnswers.push(p), folder);
    },
    async sendCommand(command: Command) {
      // What a menu click does: the focused window (else the newest) gets the command.
      await app.evaluate(
        ({ BrowserWindow }, [channel, c]) => {
          const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows().at(-1);
          win?.webContents.send(channel, c);
        },
        [COMMAND_CHANNEL, command] as const,
      );
    },
    async close() {
      await app.close();
    },
  };
}
