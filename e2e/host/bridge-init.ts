// Runs in the page before the app (as a Playwright init script): installs window.newsmark
// over the binding the host exposes, exactly as the Electron preload does over ipcRenderer.
import { createBridge } from '../../shared/ipc/bridge';
import type { Command } from '../../shared/ipc/commands';

declare global {
  interface Window {
    __newsmarkInvoke(channel: string, payload: unknown): Promise<string>;
    __newsmarkHostCommand(command: Command): void;
  }
}

const listeners = new Set<(command: Command) => void>();
window.__newsmarkHostCommand = (command) => {
  for (const listener of listeners) listener(command);
};
window.newsmark = Object.freeze(
  createBridge(
    async (channel, payload) => JSON.parse(await window.__newsmarkInvoke(channel, payload)) as unknown,
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  ),
);
