import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchElectron } from './host/electron';
import { launchApp } from './host/launch';
import { electronBinary, requestedHost } from './host/select';
import type { AppUnderTest } from './host/types';

export interface Fixtures {
  /** A fresh temp folder per test; `launch()` opens the app on `<workDir>/data`. */
  workDir: string;
  launch(options?: { dataDir?: string }): Promise<AppUnderTest>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  launch: async ({ workDir }, use) => {
    const host = requestedHost();
    const binary = electronBinary();
    test.skip(host === 'electron' && !binary, 'NEWSMARK_E2E_HOST=electron, but no Electron binary is installed here');
    const opened: AppUnderTest[] = [];
    await use(async (options = {}) => {
      const dataDir = options.dataDir ?? path.join(workDir, 'data');
      const exportDir = path.join(workDir, 'exports');
      const app =
        host === 'electron'
          ? await launchElectron({ dataDir, exportDir, executablePath: binary! })
          : await launchApp({ dataDir, exportDir });
      opened.push(app);
      return app;
    });
    for (const app of opened) await app.close();
  },
});

export { expect } from '@playwright/test';
