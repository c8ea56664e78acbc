import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type Command } from '../../shared/ipc/commands';
import { contextMenuTemplate, menuTemplate, toElectronTemplate, toTemplateItems, type MenuItemSpec, type MenuRole, type MenuSpec, type TemplateItem } from './menu';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;
const STANDARD_EDIT_ROLES: MenuRole[] = ['cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'];

const items = (menus: MenuSpec[]) => menus.flatMap((m) => m.submenu);
const commands = (list: MenuItemSpec[]) => list.flatMap((i) => ('command' in i ? [i.command] : []));

describe('the application menu', () => {
  for (const platform of PLATFORMS) {
    it(`${platform}: the Edit menu has undo, redo and every standard editing role`, () => {
      const edit = menuTemplate(platform).find((m) => m.label === 'Edit')!;
      const roles = edit.submenu.flatMap((i) => ('role' in i ? [i.role] : []));
      for (const role of STANDARD_EDIT_ROLES) expect(roles).toContain(role);
      // Undo/redo: the field's own in a text field, Newsmark's elsewhere (the window decides).
      expect(commands(edit.submenu)).toEqual(expect.arrayContaining(['undo', 'redo']));
      expect(edit.submenu.find((i) => 'command' in i && i.command === 'undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    });

    it(`${platform}: every custom item sends a known command and gets a click`, () => {
      const sent: Command[] = [];
      const template = toElectronTemplate(menuTemplate(platform, { development: true }), (c) => sent.push(c));
      const custom = template.flatMap((m) => m.submenu ?? []).filter((i) => !i.role && i.type !== 'separator');
      expect(custom.length).toBeGreaterThan(15);
      for (const item of custom) {
        expect(typeof item.click, item.label).toBe('function');
        item.click!();
      }
      expect(sent).toHaveLength(custom.length);
      for (const command of sent) expect(COMMANDS).toContain(command);
    });

    it(`${platform}: no two items share a shortcut (the roles’ own shortcuts included)`, () => {
      const menus = menuTemplate(platform, { development: true });
      const keys = items(menus).flatMap((i) => {
        const own = 'accelerator' in i ? i.accelerator : undefined;
        const key = own ?? ('role' in i ? defaultAccelerator(i.role, platform) : undefined);
        return key ? [normalise(key, platform)] : [];
      });
      expect(keys.length).toBeGreaterThan(15);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    });
  }

  it('macOS gets the app menu and the Window menu; File ends in Close there, Quit elsewhere', () => {
    const mac = menuTemplate('darwin');
    expect(mac[0]).toMatchObject({ label: 'Newsmark', role: 'appMenu' });
    expect(mac.find((m) => m.role === 'windowMenu')).toBeDefined();
    expect(mac.find((m) => m.label === 'File')!.submenu.at(-1)).toEqual({ role: 'close' });
    const linux = menuTemplate('linux');
    expect(linux.find((m) => m.role === 'appMenu' || m.role === 'windowMenu')).toBeUndefined();
    expect(linux.find((m) => m.label === 'File')!.submenu.at(-1)).toEqual({ role: 'quit' });
  });

  it('reload and DevTools only in development builds', () => {
    const view = (development: boolean) => menuTemplate('linux', { development }).find((m) => m.label === 'View')!.submenu;
    const roles = (list: MenuItemSpec[]) => list.flatMap((i) => ('role' in i ? [i.role] : []));
    expect(roles(view(true))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(view(false))).not.toContain('reload');
    expect(roles(view(false))).not.toContain('toggleDevTools');
  });

  it('the window handles every command a menu can send', () => {
    // A command nobody handles is a menu item that silently does nothing.
    const renderer = readAll(path.resolve(import.meta.dirname, '../../renderer/src'));
    const sent = new Set([...PLATFORMS.flatMap((p) => commands(items(menuTemplate(p, { development: true })))), 'tag-claim', 'tag-quote', 'tag-attribution']);
    for (const command of sent) expect(renderer, command).toContain(`'${command}'`);
  });

  it('refuses an item whose command the contract does not know', () => {
    expect(() => toTemplateItems([{ label: 'Bogus', command: 'format-disk' as Command }], () => undefined)).toThrow(/“Bogus” sends an unknown command: format-disk/);
  });
});

describe('the context menu', () => {
  const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

  it('in a text field: cut, copy, paste and select all, enabled as Chromium says', () => {
    const menu = contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: { ...flags, canCut: false, canCopy: false } });
    expect(menu).toEqual([{ role: 'cut', enabled: false }, { role: 'copy', enabled: false }, { role: 'paste', enabled: true }, { type: 'separator' }, { role: 'selectAll', enabled: true }]);
  });

  it('on selected article text: copy and the three tags, with their keys shown but not taken', () => {
    const sent: Command[] = [];
    const menu = contextMenuTemplate({ isEditable: false, selectionText: 'Officials confirmed', editFlags: flags });
    expect(menu[0]).toEqual({ role: 'copy', enabled: true });
    const template: TemplateItem[] = toTemplateItems(menu, (c) => sent.push(c), { showAcceleratorsOnly: true });
    const tags = template.filter((i) => i.click);
    expect(tags.map((i) => [i.label, i.accelerator, i.registerAccelerator])).toEqual([
      ['Tag as Claim', '1', false],
      ['Tag as Quote', '2', false],
      ['Tag as Attribution', '3', false],
    ]);
    for (const item of tags) item.click!();
    expect(sent).toEqual(['tag-claim', 'tag-quote', 'tag-attribution']);
  });

  it('nowhere else (no selection, not a field): no menu', () => {
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  \n', editFlags: flags })).toEqual([]);
  });
});

/** Electron's default accelerators for the roles Newsmark uses (docs/api/menu-item.md, roles). */
function defaultAccelerator(role: MenuRole, platform: string): string | undefined {
  const mac = platform === 'darwin';
  const table: Partial<Record<MenuRole, string>> = {
    close: 'CmdOrCtrl+W',
    quit: mac ? 'Command+Q' : platform === 'win32' ? undefined : 'Ctrl+Q',
    cut: 'CmdOrCtrl+X',
    copy: 'CmdOrCtrl+C',
    paste: 'CmdOrCtrl+V',
    pasteAndMatchStyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CmdOrCtrl+V',
    selectAll: 'CmdOrCtrl+A',
    reload: 'CmdOrCtrl+R',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    resetZoom: 'CmdOrCtrl+0',
    zoomIn: 'CmdOrCtrl+Plus',
    zoomOut: 'CmdOrCtrl+-',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
  };
  return table[role];
}

function normalise(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  const alias: Record<string, string> = { cmdorctrl: mac ? 'cmd' : 'ctrl', commandorcontrol: mac ? 'cmd' : 'ctrl', command: 'cmd', control: 'ctrl', option: 'alt' };
  return accelerator
    .toLowerCase()
    .split('+')
    .map((part) => alias[part] ?? part)
    .sort()
    .join('+');
}

function readAll(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}
