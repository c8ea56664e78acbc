// The Electron shell: windows, menus, dialogs and stores. Everything it does beyond wiring
// lives in electron/services as plain Node, where the tests and the browser host run it.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type MenuItemConstructorOptions, type OpenDialogOptions } from 'electron';
import ElectronStore from 'electron-store';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../shared/ipc/contract';
import { COMMAND_CHANNEL, type Command } from '../shared/ipc/commands';
import { adaptConf } from './services/conf-store';
import { createHandlers, type Handlers } from './services/handlers';
import { menuTemplate } from './services/menu';
import type { OpenStore } from './services/ports';
import {
  APP_ENTRY,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isTrustedSender,
  mimeType,
  resolveAppFile,
} from './services/security';
import type { WindowBounds } from './services/store-files';

const here = path.dirname(fileURLToPath(import.meta.url));
// getAppPath() is the folder with package.json (or app.asar when packaged), which holds dist/.
const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources');

// A data folder can be given for tests and for keeping several libraries apart.
if (process.env.NEWSMARK_DATA_DIR) app.setPath('userData', path.resolve(process.env.NEWSMARK_DATA_DIR));

// standard + secure give app:// a real origin (relative URLs, 'self' in the CSP); corsEnabled
// lets Chromium load the bundle's module scripts (fetched in CORS mode) from it, as VS Code
// does for its own scheme. Only this app's files are served there, and navigation is denied.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);

let mainWindow: BrowserWindow | undefined;
let handlers: Handlers | undefined;

const openStore: OpenStore = (dir, name) => {
  const cwd = path.join(app.getPath('userData'), dir);
  return adaptConf(
    () =>
      new ElectronStore<Record<string, unknown>>({
        cwd,
        name,
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
      }) as unknown as { path: string; store: Record<string, unknown> },
    path.join(cwd, `${name}.json`),
  );
};

function sendCommand(command: Command): void {
  mainWindow?.webContents.send(COMMAND_CHANNEL, command);
}

function buildMenu(): Menu {
  const toItem = (item: ReturnType<typeof menuTemplate>[number]['submenu'][number]): MenuItemConstructorOptions =>
    'command' in item
      ? { label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}), click: () => sendCommand(item.command) }
      : (item as MenuItemConstructorOptions);
  return Menu.buildFromTemplate(
    menuTemplate(process.platform).map((menu) => ({
      label: menu.label,
      ...(menu.role ? { role: menu.role as MenuItemConstructorOptions['role'] } : { submenu: menu.submenu.map(toItem) }),
    })),
  );
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function registerIpc(h: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'invalid-request', message: 'Refused: the request did not come from the Newsmark window.' } };
      }
      return h.handle(channel, payload);
    });
  }
}

function createWindow(h: Handlers): BrowserWindow {
  const bounds: WindowBounds | undefined = h.library.windowBounds;
  const win = new BrowserWindow({
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 840,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 720,
    minHeight: 480,
    title: 'Newsmark',
    show: false,
    // Written out here (not built elsewhere) so Electronegativity can check every flag.
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (bounds?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const b = win.getNormalBounds();
    h.library.windowBounds = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  });
  // Navigation and new windows are denied. Article URLs come from pasted or imported text,
  // so the window shows them to copy rather than handing them to the system to open.
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== APP_ENTRY) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(APP_ENTRY);
  return win;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // The same policy as CONTENT_SECURITY_POLICY (a unit test keeps them equal), on every response.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src app://newsmark/assets/; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
        ],
      },
    });
  });
  serveRenderer();
  handlers = await createHandlers({
    dataDir: app.getPath('userData'),
    openStore,
    appVersion: app.getVersion(),
    sampleArticle: () => fs.readFile(path.join(resourcesDir, 'sample', 'venezuela-maduro-call.txt'), 'utf8'),
    dialogs: {
      async showSave(request) {
        const options = {
          title: request.title,
          defaultPath: path.join(app.getPath('documents'), request.defaultName),
          filters: request.filters,
        };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return result.canceled ? undefined : result.filePath;
      },
      // The files are read in main (electron/services/import), never by the window.
      async showOpen(request) {
        const options: OpenDialogOptions = {
          title: request.title,
          defaultPath: app.getPath('documents'),
          filters: request.filters,
          properties: request.multi ? ['openFile', 'multiSelections'] : ['openFile'],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled || result.filePaths.length === 0 ? undefined : result.filePaths;
      },
      async chooseFolder(request) {
        const options = {
          title: request.title,
          defaultPath: app.getPath('documents'),
          ...(request.buttonLabel ? { buttonLabel: request.buttonLabel } : {}),
          properties: ['openDirectory' as const, 'createDirectory' as const],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? undefined : result.filePaths[0];
      },
    },
  });
  registerIpc(handlers);
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow(handlers);
  mainWindow.on('closed', () => (mainWindow = undefined));
  app.on('activate', () => {
    if (!mainWindow && handlers) mainWindow = createWindow(handlers);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => handlers?.library.close());

void start().catch((error: unknown) => {
  dialog.showErrorBox('Newsmark could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
  app.exit(1);
});
