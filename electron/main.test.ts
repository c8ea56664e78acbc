import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../shared/ipc/contract';

// main.ts is wiring; this test runs it against a minimal fake of Electron (here only) to
// check the wiring: secure webPreferences, one handler per contract channel, sender checks.
const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
    windows: [] as { options: Record<string, unknown>; events: Map<string, (...a: unknown[]) => unknown>; openHandler?: (d: { url: string }) => unknown; loaded?: string }[],
    menu: undefined as unknown,
    headersHook: undefined as undefined | ((details: unknown, cb: (r: unknown) => void) => void),
    permissionHook: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    privileged: [] as unknown[],
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof fake.windows)[number] = { options, events: new Map() };
      fake.windows.push(record);
      this.webContents = {
        on: (name: string, fn: (...a: unknown[]) => unknown) => record.events.set(name, fn),
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (record.openHandler = fn),
        send: () => undefined,
      };
      this.loadURL = async (url: string) => {
        record.loaded = url;
      };
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    on() {}
    maximize() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 800, height: 600 };
    }
  }
  const app = {
    isPackaged: false,
    getAppPath: () => path.resolve(import.meta.dirname, '..'),
    getPath: () => fake.userData,
    setPath: () => undefined,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: () => undefined,
    quit: () => undefined,
    exit: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    dialog: { showSaveDialog: async () => ({ canceled: true }), showErrorBox: (t: string, m: string) => console.error(t, m) },
    ipcMain: { handle: (channel: string, fn: (e: unknown, p: unknown) => unknown) => fake.handlers.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (fake.menu = m) },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => fake.privileged.push(...s), handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof fake.permissionHook) => (fake.permissionHook = fn),
        webRequest: { onHeadersReceived: (fn: typeof fake.headersHook) => (fake.headersHook = fn) },
      },
    },
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

beforeAll(async () => {
  fake.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-main-'));
  await import('./main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 5000 });
});

describe('electron/main.ts wiring', () => {
  it('opens the window with the secure defaults', () => {
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(fake.windows[0]!.loaded).toBe('app://newsmark/index.html');
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
  });

  it('registers a handler for every contract channel and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our page and refuses any other sender', async () => {
    const handler = fake.handlers.get('library:list')!;
    const ours = (await handler({ senderFrame: { url: 'app://newsmark/index.html' } }, {})) as { ok: boolean; value: { articles: unknown[] } };
    expect(ours.ok).toBe(true);
    expect(ours.value.articles).toHaveLength(1); // the sample, on a real store file
    for (const frame of [{ url: 'https://evil.example/' }, null]) {
      expect(await handler({ senderFrame: frame }, {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const invalid = await fake.handlers.get('article:open')!({ senderFrame: { url: 'app://newsmark/index.html' } }, { id: 5 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('denies navigation, new windows and permission requests, and sends the CSP', () => {
    const win = fake.windows[0]!;
    let prevented = false;
    win.events.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(win.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    fake.permissionHook!(null, 'geolocation', (ok) => (granted = ok));
    expect(granted).toBe(false);
    let headers: Record<string, string[]> = {};
    fake.headersHook!({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toContain("default-src 'none'");
  });

  it('builds a menu whose items send commands', () => {
    const menu = fake.menu as { label: string; submenu?: { label?: string; click?: () => void }[] }[];
    const file = menu.find((m) => m.label === 'File')!;
    expect(file.submenu!.map((i) => i.label).filter(Boolean)).toContain('Export Annotations…');
    expect(typeof file.submenu!.find((i) => i.label === 'Export Annotations…')!.click).toBe('function');
  });
});
