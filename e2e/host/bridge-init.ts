// Runs in the page before the app (as a Playwright init script): installs window.newsmark,
// the same transport the Electron preload exposes, over the binding the host exposes, and
// copies it into the page the way Electron's contextBridge does (context-bridge.ts), so the
// window gets exactly what it would get in Electron.
import type { NewsmarkTransport } from '../../shared/ipc/bridge';
import type { Command } from '../../shared/ipc/commands';
import { copyAcrossWorlds } from './context-bridge';

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
const transport: NewsmarkTransport = {
  invoke: async (channel, payload) => JSON.parse(await window.__newsmarkInvoke(channel, payload)) as unknown,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
window.newsmark = Object.freeze(copyAcrossWorlds(transport));
