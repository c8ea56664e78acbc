import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confStoreFactory } from './conf-store';
import type { Ports } from './ports';

export const SAMPLE = fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/sample/venezuela-maduro-call.txt'), 'utf8');

/** Real stores in a temp folder, for tests of the services. */
export function tempPorts(overrides: Partial<Ports> = {}): Ports & { saveAnswers: (string | undefined)[]; openAnswers: (string[] | undefined)[]; folderAnswers: (string | undefined)[] } {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-unit-'));
  const saveAnswers: (string | undefined)[] = [];
  const openAnswers: (string[] | undefined)[] = [];
  const folderAnswers: (string | undefined)[] = [];
  let seq = 0;
  return {
    dataDir,
    openStore: confStoreFactory(dataDir),
    dialogs: { showSave: async () => saveAnswers.shift(), showOpen: async () => openAnswers.shift(), chooseFolder: async () => folderAnswers.shift() },
    sampleArticle: async () => SAMPLE,
    appVersion: '0.0.0-test',
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, seq++)),
    saveAnswers,
    openAnswers,
    folderAnswers,
    ...overrides,
  };
}
