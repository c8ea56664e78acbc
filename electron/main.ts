// The Electron shell: windows, menus, dialogs and stores. Everything it does beyond wiring
// lives in electron/services as plain Node, where the tests and the browser host run it.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import ElectronStore from 'electron-store';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../shared/ipc/contract';
import { COMMAND_CHANNEL, type Command } from '../shared/ipc/commands';
import { appPaths } from './services/app-paths';
import { adaptConf } from './services/conf-store';
import { placeWindow } from './services/display-bounds';
import { openExternalLink } from './services/external-links';
import { createHandlers, type Handlers } from './services/handlers';
import { contextMenuTemplate, menuTemplate, toElectronTemplate, toTemplateItems, type TemplateItem } from './services/menu';
import type { OpenStore } from './services/ports';
import { QuitGuard } from './services/quit-guard';
import { APP_ENTRY, APP_SCHEME, CONTENT_SECURITY_POLICY, isTrustedSender, mimeType, resolveAppFile } from './services/security';
import { WindowRegistry } from './services/windows';

// Paths come from where this file is, so `electron .` and `electron dist/electron/main.js`
// find the same files (electron/services/app-paths.ts).
const paths = appPaths({
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  exists: existsSync,
});

// A data folder can be given for tests and for keeping several libraries apart.
if (process.env.NEWSMARK_DATA_DIR) app.setPath('userData', path.resolve(process.env.NEWSMARK_DATA_DIR));

// standard + secure give app:// a real origin (relative URLs, 'self' in the CSP). The
// bundle's module scripts are fetched in CORS mode, but from the page's own origin, and
// Electron refuses only cross-origin CORS requests to a scheme without corsEnabled
// (electron/electron#51152), so corsEnabled stays off: with it, any origin could read the
// bundle (electron/electron#52498). See docs/shell.md.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const windows = new WindowRegistry<BrowserWindow>();
const quitGuard = new QuitGuard(() => app.quit());
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

function send(win: BrowserWindow | undefined, command: Command): void {
  if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(COMMAND_CHANNEL, command);
}

/** The parent for a dialog: the current window, or none (a free-standing dialog). */
function parent(): BrowserWindow | undefined {
  return windows.current();
}

function buildMenu(): Menu {
  const template = toElectronTemplate(menuTemplate(process.platform, { development: !app.isPackaged }), (command) => send(windows.current(), command));
  return Menu.buildFromTemplate(template as MenuItemConstructorOptions[]);
}

// The one source of the Content-Security-Policy: a header on every app:// response, set
// here. (A session webRequest hook does not see custom-protocol responses,
// electron/electron#6021, so there is none.)
function serveRenderer(): void {
  const respond = (body: ConstructorParameters<typeof Response>[0], status: number, type: string) =>
    new Response(body, { status, headers: { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY } });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(paths.rendererDir, request.url);
    if (!file) return respond('Not found', 404, 'text/plain; charset=utf-8');
    try {
      return respond(await fs.readFile(file), 200, mimeType(file));
    } catch {
      return respond('Not found', 404, 'text/plain; charset=utf-8');
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

async function messageBox(win: BrowserWindow | undefined, options: MessageBoxOptions): Promise<number> {
  const result = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return result.response;
}

/** The article's source link: vetted, shown in full and confirmed, then the system browser. */
function openLink(url: string, win: BrowserWindow): void {
  void openExternalLink(url, {
    confirm: async (vetted) =>
      (await messageBox(win, {
        type: 'question',
        buttons: ['Open in Browser', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        message: 'Open this link in your web browser?',
        detail: vetted,
      })) === 0,
    open: (vetted) => shell.openExternal(vetted),
    refuse: (raw, reason) => void messageBox(win, { type: 'warning', message: 'Newsmark did not open this link', detail: `${raw.slice(0, 300)}\n\nWhy: ${reason}.` }),
  }).catch((error: unknown) => dialog.showErrorBox('The link could not be opened', error instanceof Error ? error.message : String(error)));
}

function showContextMenu(win: BrowserWindow, params: Electron.ContextMenuParams): void {
  const items = contextMenuTemplate(params);
  if (items.length === 0) return;
  const template: TemplateItem[] = toTemplateItems(items, (command) => send(win, command), { showAcceleratorsOnly: true });
  Menu.buildFromTemplate(template as MenuItemConstructorOptions[]).popup({ window: win, ...(params.frame ? { frame: params.frame } : {}) });
}

function createWindow(h: Handlers): BrowserWindow {
  const saved = h.library.windowBounds;
  // Saved bounds are checked against the displays connected now (a monitor may be gone).
  const place = placeWindow(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
    { width: 1280, height: 840 },
  );
  const win = new BrowserWindow({
    ...place,
    minWidth: 720,
    minHeight: 480,
    title: 'Newsmark',
    show: false,
    // Written out here (not built elsewhere) so Electronegativity can check every flag.
    webPreferences: {
      preload: paths.preload,
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
  windows.track(win);
  quitGuard.windowOpened();
  // Maximized here, not before: maximize() shows the window, which must wait for its content.
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    const b = win.getNormalBounds();
    h.library.windowBounds = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  });
  win.on('closed', () => quitGuard.windowClosed(windows.all().filter((w) => w !== win).length));
  // The window's beforeunload guard is holding it open for a save (this cancels a quit).
  win.webContents.on('will-prevent-unload', () => quitGuard.unloadPrevented());
  // Navigation and new windows are denied. The one link the window shows (the article's
  // source) opens in the system browser after the user has seen and confirmed its URL.
  win.webContents.on('will-navigate', (details) => {
    if (details.url !== APP_ENTRY) details.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openLink(url, win);
    return { action: 'deny' };
  });
  win.webContents.on('context-menu', (_event, params) => showContextMenu(win, params));
  void win.loadURL(APP_ENTRY);
  return win;
}

/** Bring a window to the front, opening one when there is none (dock, second instance). */
function showAWindow(): void {
  const win = windows.current();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  } else if (handlers) createWindow(handlers);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', showAWindow);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  serveRenderer();
  handlers = await createHandlers({
    dataDir: app.getPath('userData'),
    openStore,
    appVersion: app.getVersion(),
    // The desk password, sealed by the OS keychain (Keychain, DPAPI, libsecret).
    secrets: {
      available: () => safeStorage.isEncryptionAvailable(),
      seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
      open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    },
    sampleArticle: () => fs.readFile(path.join(paths.resourcesDir, 'sample', 'venezuela-maduro-call.txt'), 'utf8'),
    dialogs: {
      async showSave(request) {
        const options: SaveDialogOptions = {
          title: request.title,
          defaultPath: path.join(app.getPath('documents'), request.defaultName),
          filters: request.filters,
        };
        const win = parent();
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
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
        const win = parent();
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled || result.filePaths.length === 0 ? undefined : result.filePaths;
      },
      async chooseFolder(request) {
        const options: OpenDialogOptions = {
          title: request.title,
          defaultPath: app.getPath('documents'),
          ...(request.buttonLabel ? { buttonLabel: request.buttonLabel } : {}),
          properties: ['openDirectory', 'createDirectory'],
        };
        const win = parent();
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? undefined : result.filePaths[0];
      },
    },
  });
  registerIpc(handlers);
  // Every window shows the desk: each one hears that it changed.
  handlers.desk.onChange(() => { for (const win of windows.all()) send(win, 'desk-changed'); });
  Menu.setApplicationMenu(buildMenu());
  createWindow(handlers);
  // macOS: clicking the dock icon with no window open opens one.
  app.on('activate', () => {
    if (windows.size === 0 && handlers) createWindow(handlers);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Quitting while a window still writes a change: that window holds itself open until the
// change is stored (its beforeunload guard), which cancels this quit; the guard quits once
// it has closed (electron/services/quit-guard.ts).
app.on('before-quit', () => quitGuard.quitRequested());
// Every window is closed by now, with its last change stored.
app.on('will-quit', () => {
  handlers?.library.close();
  void handlers?.desk.close();
});

void start().catch((error: unknown) => {
  dialog.showErrorBox('Newsmark could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
  app.exit(1);
});
