import path from 'node:path';

/**
 * How the Electron test host starts the app: with the repo folder, as `npm start`
 * (`electron .`) does. Electron then reads package.json's `main` (dist/electron/main.js)
 * and takes the repo as the app path; main.js finds dist/renderer and resources/ from its
 * own location either way (electron/services/app-paths.ts).
 */
export interface ElectronLaunch {
  executablePath: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export function electronLaunchOptions(options: { repoRoot: string; dataDir: string; executablePath: string; env?: NodeJS.ProcessEnv }): ElectronLaunch {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env ?? process.env)) if (value !== undefined) env[key] = value;
  env.NEWSMARK_DATA_DIR = path.resolve(options.dataDir);
  return { executablePath: options.executablePath, args: [path.resolve(options.repoRoot)], cwd: path.resolve(options.repoRoot), env };
}
