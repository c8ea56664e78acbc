import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from './services/security';

// main.ts is wiring; this test runs it against a minimal stand-in for Electron (here only) to
// check the wiring: secure webPreferences, one handler per contract channel, sender checks,
// the CSP, and every window's lifecycle.
const fake = vi.hoisted(() => {
  type Listener = (...a: unknown[]) => unknown;
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener) {
      const wrapped: Listener = (...a) => {
        this.listeners.set(name, (this.listeners.get(name) ?? []).filter((f) => f !== wrapped));
        return fn(...a);
      };
      return this.on(name, wrapped);
    }
    emit(name: string, ...a: unknown[]) {
      for (const fn of [...(this.listeners.get(name) ?? [])]) fn(...a);
    }
  }
  const state = {
    Emitter,
    userData: '',
    handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
    windows: [] as {
      options: Record<string, unknown>;
      win: InstanceType<typeof Emitter> & { destroyed: boolean; calls: string[]; closeNow(): void };
      contents: InstanceType<typeof Emitter> & { sent: unknown[] };
      openHandler?: (d: { url: string }) => unknown;
      loaded?: string;
    }[],
    app: new Emitter(),
    menu: undefined as unknown,
    popups: [] as unknown[],
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    permissionHook: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    privileged: [] as unknown[],
    messageBoxes: [] as { message?: string; detail?: string }[],
    messageBoxAnswer: 0,
    opened: [] as string[],
    quits: 0,
    webRequestUsed: false,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow extends fake.Emitter {
    webContents: InstanceType<typeof fake.Emitter> & { sent: unknown[] };
    destroyed = false;
    calls: string[] = [];
    constructor(options: Record<string, unknown>) {
      super();
      const contents = Object.assign(new fake.Emitter(), {
        sent: [] as unknown[],
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (record.openHandler = fn),
        send: (...a: unknown[]) => {
          if (this.destroyed) throw new TypeError('Object has been destroyed');
          contents.sent.push(a);
        },
        isDestroyed: () => this.destroyed,
      });
      this.webContents = contents;
      const record: (typeof fake.windows)[number] = { options, win: this, contents };
      fake.windows.push(record);
      this.loadURL = async (url: string) => {
        record.loaded = url;
      };
    }
    loadURL: (url: string) => Promise<void>;
    isDestroyed() {
      return this.destroyed;
    }
    isFocused() {
      return false;
    }
    isMinimized() {
      return false;
    }
    maximize() {
      this.calls.push('maximize');
    }
    show() {
      this.calls.push('show');
    }
    focus() {
      if (this.destroyed) throw new TypeError('Object has been destroyed');
      this.calls.push('focus');
    }
    restore() {}
    isMaximized() {
      return true;
    }
    getNormalBounds() {
      return { x: 40, y: 60, width: 1000, height: 700 };
    }
    /** What Electron does on close: `close`, then destroyed, then `closed`. */
    closeNow() {
      this.emit('close');
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const app = Object.assign(fake.app, {
    isPackaged: false,
    getPath: () => fake.userData,
    setPath: () => undefined,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => void fake.quits++,
    exit: () => undefined,
  });
  const area = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    app,
    BrowserWindow,
    dialog: {
      showSaveDialog: async () => ({ canceled: true }),
      showMessageBox: async (...a: unknown[]) => (fake.messageBoxes.push(a.at(-1) as { message?: string }), { response: fake.messageBoxAnswer }),
      showErrorBox: (t: string, m: string) => console.error(t, m),
    },
    ipcMain: { handle: (channel: string, fn: (e: unknown, p: unknown) => unknown) => fake.handlers.set(channel, fn) },
    Menu: {
      buildFromTemplate: (t: unknown) => Object.assign(t as object, { popup: (options: unknown) => fake.popups.push({ template: t, options }) }),
      setApplicationMenu: (m: unknown) => (fake.menu = m),
    },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => fake.privileged.push(...s), handle: (_scheme: string, fn: typeof fake.protocolHandler) => (fake.protocolHandler = fn) },
    screen: { getAllDisplays: () => [{ workArea: area }], getPrimaryDisplay: () => ({ workArea: area }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof fake.permissionHook) => (fake.permissionHook = fn),
        webRequest: { onHeadersReceived: () => (fake.webRequestUsed = true) },
      },
    },
    shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  };
});

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf {
      constructor(options: Record<string, unknown>) {
        super({ ...options, configName: options.name as string, projectName: 'newsmark' });
      }
    },
  };
});

type MenuItem = { label?: string; role?: string; click?: () => void; submenu?: MenuItem[] };
const ours = { senderFrame: { url: 'app://newsmark/index.html' } };
const lastWindow = () => fake.windows.at(-1)!;
const menuItem = (label: string) =>
  (fake.menu as MenuItem[])
    .flatMap((m) => m.submenu ?? [])
    .find((i) => i.label === label)!;

beforeAll(async () => {
  fake.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-main-'));
  await import('./main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 5000 });
});

describe('electron/main.ts wiring', () => {
  it('opens the window with the secure defaults; app:// is standard and secure, without corsEnabled', () => {
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toBe(path.resolve(import.meta.dirname, 'preload.cjs'));
    expect(fake.windows[0]!.loaded).toBe('app://newsmark/index.html');
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('registers a handler for every contract channel and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our page and refuses any other sender', async () => {
    const handler = fake.handlers.get('library:list')!;
    const reply = (await handler(ours, {})) as { ok: boolean; value: { articles: unknown[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value.articles).toHaveLength(1); // the sample, found in resources/ and stored in a real file
    for (const frame of [{ url: 'https://evil.example/' }, null]) {
      expect(await handler({ senderFrame: frame }, {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const invalid = await fake.handlers.get('article:open')!(ours, { id: 5 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('sends the CSP from the app:// handler (its one source; no webRequest hook) and serves nothing outside the bundle', async () => {
    expect(fake.webRequestUsed).toBe(false);
    for (const url of ['app://newsmark/assets/missing.js', 'app://newsmark/%2e%2e/%2e%2e/package.json', 'app://elsewhere/index.html']) {
      const response = await fake.protocolHandler!(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('denies navigation (details.url), webviews and permission requests', () => {
    const { contents } = fake.windows[0]!;
    let prevented = false;
    contents.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    prevented = false;
    contents.emit('will-navigate', { url: 'app://newsmark/index.html', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
    let granted: boolean | undefined;
    fake.permissionHook!(null, 'geolocation', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('opens an http(s) link in the browser only after showing it; refuses other schemes; never a new window', async () => {
    const win = fake.windows[0]!;
    fake.messageBoxAnswer = 0;
    expect(win.openHandler!({ url: 'https://news.example/story' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.opened).toEqual(['https://news.example/story']));
    expect(fake.messageBoxes.at(-1)).toMatchObject({ message: 'Open this link in your web browser?', detail: 'https://news.example/story' });
    fake.messageBoxAnswer = 1; // Cancel
    win.openHandler!({ url: 'https://news.example/other' });
    await vi.waitFor(() => expect(fake.messageBoxes.at(-1)).toMatchObject({ detail: 'https://news.example/other' }));
    expect(win.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.messageBoxes.at(-1)).toMatchObject({ message: 'Newsmark did not open this link' }));
    expect(fake.opened).toEqual(['https://news.example/story']);
  });

  it('shows a context menu on selected text that tags it, and none on empty space', () => {
    const { contents } = fake.windows[0]!;
    const flags = { canCut: false, canCopy: true, canPaste: false, canSelectAll: true };
    contents.emit('context-menu', {}, { isEditable: false, selectionText: '', editFlags: flags, frame: null });
    expect(fake.popups).toHaveLength(0);
    contents.emit('context-menu', {}, { isEditable: false, selectionText: 'Officials confirmed', editFlags: flags, frame: null });
    const popup = fake.popups[0] as { template: MenuItem[]; options: { window: unknown } };
    expect(popup.options.window).toBe(fake.windows[0]!.win);
    popup.template.find((i) => i.label === 'Tag as Quote')!.click!();
    expect(contents.sent.at(-1)).toEqual(['newsmark:command', 'tag-quote']);
  });

  it('builds a menu whose items send commands to the window', () => {
    menuItem('Export Annotations…').click!();
    expect(fake.windows[0]!.contents.sent.at(-1)).toEqual(['newsmark:command', 'export-annotations']);
    const view = (fake.menu as MenuItem[]).find((m) => m.label === 'View')!;
    expect(view.submenu!.map((i) => i.role)).toContain('toggleDevTools'); // not packaged
  });

  it('every window, not only the first, has the same lifecycle (close, reopen from the dock, close again)', async () => {
    const first = fake.windows[0]!;
    first.win.closeNow();
    // Menu clicks and a second instance with no window open: nothing throws.
    expect(() => menuItem('Find…').click!()).not.toThrow();
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(2);
    const second = lastWindow();
    // Bounds were saved maximized on close: maximized only once the content is ready.
    expect(second.options).toMatchObject({ x: 40, y: 60, width: 1000, height: 700 });
    expect(second.win.calls).toEqual([]);
    second.win.emit('ready-to-show');
    expect(second.win.calls).toEqual(['maximize', 'show']);
    menuItem('Find…').click!();
    expect(second.contents.sent.at(-1)).toEqual(['newsmark:command', 'find']);
    fake.app.emit('activate'); // a window is open: no other
    expect(fake.windows).toHaveLength(2);

    second.win.closeNow();
    expect(() => menuItem('Find…').click!()).not.toThrow();
    expect(() => fake.app.emit('second-instance')).not.toThrow();
    expect(fake.windows).toHaveLength(3); // the second instance opened one
    expect(first.contents.sent.filter((s) => (s as unknown[])[1] === 'find')).toHaveLength(0);
  });

  it('Cmd+Q with a save in flight: quits once the window has stored it and closed', () => {
    const win = lastWindow();
    const before = fake.quits;
    fake.app.emit('before-quit');
    win.contents.emit('will-prevent-unload', {}); // the window's beforeunload guard holds it
    expect(fake.quits).toBe(before);
    win.win.closeNow(); // saved: the window closed itself
    expect(fake.quits).toBe(before + 1);
  });
});
