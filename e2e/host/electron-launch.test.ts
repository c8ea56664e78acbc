import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../electron/services/app-paths';
import { electronLaunchOptions } from './electron-launch';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the Electron host launch', () => {
  const launch = electronLaunchOptions({ repoRoot, dataDir: '/tmp/newsmark-data', executablePath: '/opt/electron/electron', env: { PATH: '/usr/bin', EMPTY: undefined } });

  it('starts the repo folder, as npm start does, with the data folder in the environment', () => {
    expect(launch.args).toEqual([repoRoot]);
    expect(launch.cwd).toBe(repoRoot);
    expect(launch.executablePath).toBe('/opt/electron/electron');
    expect(launch.env).toEqual({ PATH: '/usr/bin', NEWSMARK_DATA_DIR: '/tmp/newsmark-data' });
  });

  it('launches the main.js that package.json names, which then finds the renderer and the sample', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(launch.args[0]!, 'package.json'), 'utf8')) as { main: string };
    const main = path.join(launch.args[0]!, pkg.main);
    expect(main).toBe(path.join(repoRoot, 'dist', 'electron', 'main.js'));
    const paths = appPaths({ mainDir: path.dirname(main), isPackaged: false, resourcesPath: '/nowhere', exists: fs.existsSync });
    expect(paths.rendererDir).toBe(path.join(repoRoot, 'dist', 'renderer'));
    expect(paths.preload).toBe(path.join(repoRoot, 'dist', 'electron', 'preload.cjs'));
    expect(fs.existsSync(path.join(paths.resourcesDir, 'sample', 'venezuela-maduro-call.txt'))).toBe(true);
  });
});
