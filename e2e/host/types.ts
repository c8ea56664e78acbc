import type { Page } from 'playwright-core';
import type { Command } from '../../shared/ipc/commands';

/** What a spec gets, whichever host runs the app. */
export interface AppUnderTest {
  page: Page;
  host: 'browser' | 'electron';
  dataDir: string;
  exportDir: string;
  /** Queue the answer to the next save dialog (undefined = Cancel). */
  answerSave(filePath: string | undefined): Promise<void>;
  /** Queue the answer to the next open dialog: the chosen files, or undefined (= Cancel). */
  answerOpen(paths: string[] | undefined): Promise<void>;
  /** Queue the answer to the next choose-folder dialog (undefined = Cancel; nothing queued = exportDir). */
  answerFolder(folder: string | undefined): Promise<void>;
  /** What a native menu item sends. */
  sendCommand(command: Command): Promise<void>;
  close(): Promise<void>;
}
