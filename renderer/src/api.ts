import type { NewsmarkApi } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the browser host's init script. */
    newsmark: NewsmarkApi;
  }
}

/** The window's only way out: the typed bridge to the main process. */
export function api(): NewsmarkApi {
  if (!window.newsmark) throw new Error('Newsmark bridge missing: the page was opened outside Newsmark.');
  return window.newsmark;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
