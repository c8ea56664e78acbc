import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './launch';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type HostName = 'browser' | 'electron';

export function requestedHost(): HostName {
  return process.env.NEWSMARK_E2E_HOST === 'electron' ? 'electron' : 'browser';
}

/** The Electron binary, when one was downloaded (never on our build machines). */
export function electronBinary(): string | undefined {
  const pathFile = path.join(repoRoot, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(repoRoot, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}

export function describeHost(): string {
  if (requestedHost() === 'electron') {
    const binary = electronBinary();
    return binary
      ? `electron (${binary})`
      : 'electron requested, but no Electron binary is installed: every spec will be skipped (run `npx electron --version` once with internet access)';
  }
  return `browser (Debian Chromium ${findChromium()} + the real main-process services in Node)`;
}
