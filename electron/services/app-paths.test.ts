import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, findAppRoot } from './app-paths';

/** A file system holding only these files. */
const only = (...files: string[]) => (file: string) => files.includes(file);

describe('appPaths', () => {
  const repo = '/home/ana/newsmark';
  const exists = only(`${repo}/package.json`);

  it('finds the same files whether Electron was started with the repo or with main.js', () => {
    // `electron .` and `electron dist/electron/main.js` run the same main.js: Electron's app
    // path differs (the repo, or dist/electron), where main.js is does not.
    const paths = appPaths({ mainDir: `${repo}/dist/electron`, isPackaged: false, resourcesPath: '/electron/resources', exists });
    expect(paths).toEqual({
      root: repo,
      rendererDir: `${repo}/dist/renderer`,
      resourcesDir: `${repo}/resources`,
      preload: `${repo}/dist/electron/preload.cjs`,
    });
    expect(paths.rendererDir).not.toContain('dist/electron/dist');
  });

  it('when packaged: the renderer inside app.asar, the sample in the resources folder', () => {
    const resources = '/Applications/Newsmark.app/Contents/Resources';
    const paths = appPaths({ mainDir: `${resources}/app.asar/dist/electron`, isPackaged: true, resourcesPath: resources, exists: only(`${resources}/app.asar/package.json`) });
    expect(paths.rendererDir).toBe(`${resources}/app.asar/dist/renderer`);
    expect(paths.resourcesDir).toBe(resources);
  });

  it('names the folder when there is no package.json above main.js', () => {
    expect(() => findAppRoot('/tmp/loose/dist/electron', only())).toThrow(/No package.json in \/tmp\/loose\/dist\/electron/);
    expect(findAppRoot(path.join(repo, 'electron'), exists)).toBe(repo);
  });
});
