// The sandboxed preload: bundled as CommonJS, it exposes exactly one object to the page,
// the bare transport (NewsmarkTransport). Replies stay envelopes, plain data that survives
// contextBridge's copy; the window unwraps them (createBridge in renderer/src/api.ts), so an
// error keeps its code and field problems.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { NewsmarkTransport } from '../shared/ipc/bridge';
import { COMMAND_CHANNEL, type Command } from '../shared/ipc/commands';

const transport: NewsmarkTransport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, command: Command) => listener(command);
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => {
      ipcRenderer.off(COMMAND_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('newsmark', transport);
