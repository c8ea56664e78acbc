import path from 'node:path';

/**
 * Where the shell finds its files, derived from where the built main.js is, not from
 * app.getAppPath(): Electron takes the folder it was started with as the app path, which
 * is the repo for `electron .` (npm start, the Electron test host) but `dist/electron/` when
 * main.js itself is launched. The app root is the nearest folder up from main.js with a
 * package.json: the repo in development (main.js in dist/electron/, or electron/main.ts
 * under tests), app.asar when packaged.
 */
export interface AppPathsInput {
  /** The folder of the running main module. */
  mainDir: string;
  isPackaged: boolean;
  /** process.resourcesPath (the packaged app's resources folder). */
  resourcesPath: string;
  exists(file: string): boolean;
}

export interface AppPaths {
  root: string;
  rendererDir: string;
  /** Holds sample/ (the first-run article). */
  resourcesDir: string;
  preload: string;
}

export function findAppRoot(start: string, exists: (file: string) => boolean): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (exists(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json in ${start} or any folder above it: Newsmark cannot find its files.`);
  }
}

export function appPaths(input: AppPathsInput): AppPaths {
  const root = findAppRoot(input.mainDir, input.exists);
  return {
    root,
    rendererDir: path.join(root, 'dist', 'renderer'),
    // electron-builder copies resources/sample to <resources>/sample (extraResources).
    resourcesDir: input.isPackaged ? input.resourcesPath : path.join(root, 'resources'),
    // Built next to main.js by scripts/build-electron.mjs.
    preload: path.join(input.mainDir, 'preload.cjs'),
  };
}
