// The sandboxed preload: bundled as CommonJS, it exposes exactly one object to the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../shared/ipc/bridge';
import { COMMAND_CHANNEL, type Command } from '../shared/ipc/commands';

contextBridge.exposeInMainWorld(
  'newsmark',
  createBridge(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    (listener) => {
      const handler = (_event: IpcRendererEvent, command: Command) => listener(command);
      ipcRenderer.on(COMMAND_CHANNEL, handler);
      return () => {
        ipcRenderer.off(COMMAND_CHANNEL, handler);
      };
    },
  ),
);
