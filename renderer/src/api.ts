import { createBridge, type NewsmarkApi, type NewsmarkTransport } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** The transport, installed by the preload (Electron) or the browser host's init script. */
    newsmark: NewsmarkTransport;
  }
}

let bridge: NewsmarkApi | undefined;

/**
 * The window's only way out: the typed bridge to the main process, built here, on the
 * page's side of Electron's context bridge, so errors arrive as NewsmarkError with their
 * field problems (see NewsmarkTransport).
 */
export function api(): NewsmarkApi {
  if (!window.newsmark) throw new Error('Newsmark bridge missing: the page was opened outside Newsmark.');
  const transport = window.newsmark;
  bridge ??= createBridge(
    (channel, payload) => transport.invoke(channel, payload),
    (listener) => transport.subscribe(listener),
  );
  return bridge;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
