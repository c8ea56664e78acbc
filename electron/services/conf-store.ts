import Conf from 'conf';
import path from 'node:path';
import type { JsonStore, OpenStore } from './ports';

/** Adapt a conf-compatible instance (conf, or electron-store which extends it) to JsonStore. */
export function adaptConf(create: () => { path: string; store: Record<string, unknown> }, filePath: string): JsonStore {
  let instance: { path: string; store: Record<string, unknown> } | undefined;
  const get = () => (instance ??= create());
  return {
    path: filePath,
    read: () => ({ ...get().store }),
    write: (value) => {
      get().store = value;
    },
  };
}

/** conf on an explicit folder: the browser host and tests use it; same files as electron-store. */
export function confStoreFactory(dataDir: string): OpenStore {
  return (dir, name) => {
    const cwd = path.join(dataDir, dir);
    return adaptConf(
      () =>
        new Conf<Record<string, unknown>>({
          cwd,
          configName: name,
          projectName: 'newsmark',
          accessPropertiesByDotNotation: false,
          clearInvalidConfig: false,
        }) as unknown as { path: string; store: Record<string, unknown> },
      path.join(cwd, `${name}.json`),
    );
  };
}
