import { COMMANDS, type Command } from '../../shared/ipc/commands';

/**
 * The native menus as plain data, so they can be tested without Electron. main.ts hands
 * them to Menu.buildFromTemplate through `toElectronTemplate`, which turns every `command`
 * item into a click that sends the command to the window.
 */

/** The Electron menu roles Newsmark uses (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'appMenu'
  | 'windowMenu'
  | 'close'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen';

export type MenuItemSpec =
  | { label: string; accelerator?: string; command: Command; enabled?: boolean }
  | { role: MenuRole; accelerator?: string; enabled?: boolean }
  | { type: 'separator' };

export interface MenuSpec {
  label: string;
  role?: MenuRole;
  submenu: MenuItemSpec[];
}

export interface MenuOptions {
  /** Development builds (`!app.isPackaged`) get reload and DevTools in the View menu. */
  development?: boolean;
}

/**
 * The Edit menu. On macOS, Cmd+X/C/V and the rest reach a text field only through these
 * roles (there is no other key binding for them there), so every platform gets the full set.
 * Undo and Redo are commands, not roles: the window sends them to the focused text field's
 * own history, or to Newsmark's annotation history when no field has focus
 * (renderer/src/common/commands.ts, `undoInField`).
 */
function editMenu(): MenuSpec {
  return {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', command: 'undo' },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', command: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find…', accelerator: 'CmdOrCtrl+F', command: 'find' },
    ],
  };
}

export function menuTemplate(platform: NodeJS.Platform, options: MenuOptions = {}): MenuSpec[] {
  const mac = platform === 'darwin';
  const menus: MenuSpec[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Article…', accelerator: 'CmdOrCtrl+N', command: 'new-article' },
        { label: 'Open Article…', accelerator: 'CmdOrCtrl+O', command: 'open-article' },
        { label: 'Library', accelerator: 'CmdOrCtrl+L', command: 'open-library' },
        { type: 'separator' },
        { label: 'Article Info…', accelerator: 'CmdOrCtrl+I', command: 'article-info' },
        { label: 'Import Annotations…', accelerator: 'Shift+CmdOrCtrl+I', command: 'import-annotations' },
        { label: 'Import as New Article…', command: 'import-as-article' },
        { label: 'New Version of This Article…', command: 'new-version' },
        { label: 'Export Version History…', command: 'export-versions' },
        { label: 'Export Annotations…', accelerator: 'CmdOrCtrl+E', command: 'export-annotations' },
        { label: 'Export All Articles to a Folder…', accelerator: 'Shift+CmdOrCtrl+E', command: 'export-all' },
        { type: 'separator' },
        { label: 'Move Article to Trash…', command: 'delete-article' },
        { type: 'separator' },
        { role: mac ? 'close' : 'quit' },
      ],
    },
    editMenu(),
    {
      label: 'Review',
      submenu: [
        { label: 'Open Colleague’s Annotations…', accelerator: 'CmdOrCtrl+Shift+O', command: 'review-open-colleague' },
        { label: 'Review Mode', accelerator: 'CmdOrCtrl+Shift+R', command: 'review-mode' },
        { type: 'separator' },
        { label: 'Agreement', command: 'review-agreement' },
        { label: 'Curation (3+ Colleagues)', command: 'review-curation' },
        { type: 'separator' },
        { label: 'Export Review Report…', command: 'review-export-report' },
      ],
    },
    {
      label: 'View',
      submenu: [
        // Development only. Reload keeps its Ctrl/Cmd+R; DevTools' default Ctrl+Shift+I (Linux,
        // Windows) is Newsmark's Import Annotations, so it moves to F12 there. No force
        // reload: its Shift+Ctrl/Cmd+R is Review Mode.
        ...(options.development
          ? ([{ role: 'reload' }, { role: 'toggleDevTools', accelerator: mac ? 'Alt+Command+I' : 'F12' }, { type: 'separator' }] as const)
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    // macOS convention: a Window menu (Minimize, Zoom, the window list) before Help.
    ...(mac ? [{ label: 'Window', role: 'windowMenu' as const, submenu: [] }] : []),
    { label: 'Help', submenu: [{ label: 'Keyboard Shortcuts (?)', command: 'show-shortcuts' }] },
  ];
  if (mac) menus.unshift({ label: 'Newsmark', role: 'appMenu', submenu: [] });
  return menus;
}

/** What Electron's `context-menu` event tells about the place that was right-clicked. */
export interface ContextMenuPlace {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/**
 * The context menu, by platform convention: in a text field cut/copy/paste (and select
 * all); on selected article text copy and the three tags (the window tags its current
 * selection, exactly as the 1/2/3 keys do); elsewhere nothing (no menu is shown).
 */
export function contextMenuTemplate(place: ContextMenuPlace): MenuItemSpec[] {
  const flags = place.editFlags;
  if (place.isEditable) {
    return [
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  if (place.selectionText.trim() === '') return [];
  return [
    { role: 'copy', enabled: flags.canCopy },
    { type: 'separator' },
    { label: 'Tag as Claim', accelerator: '1', command: 'tag-claim' },
    { label: 'Tag as Quote', accelerator: '2', command: 'tag-quote' },
    { label: 'Tag as Attribution', accelerator: '3', command: 'tag-attribution' },
  ];
}

/** An item in the shape Menu.buildFromTemplate takes (kept free of Electron's types here). */
export interface TemplateItem {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  enabled?: boolean;
  /** Context-menu accelerators are shown only: the keys are the window's own. */
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: TemplateItem[];
}

/** Spec → template: every command item gets a click that sends its command. */
export function toTemplateItems(items: MenuItemSpec[], send: (command: Command) => void, options: { showAcceleratorsOnly?: boolean } = {}): TemplateItem[] {
  return items.map((item): TemplateItem => {
    if ('command' in item) {
      if (!(COMMANDS as readonly string[]).includes(item.command)) throw new Error(`Menu item “${item.label}” sends an unknown command: ${item.command}`);
      return {
        label: item.label,
        ...(item.accelerator ? { accelerator: item.accelerator } : {}),
        ...(item.accelerator && options.showAcceleratorsOnly ? { registerAccelerator: false } : {}),
        ...(item.enabled !== undefined ? { enabled: item.enabled } : {}),
        click: () => send(item.command),
      };
    }
    if ('role' in item) {
      return { role: item.role, ...(item.accelerator ? { accelerator: item.accelerator } : {}), ...(item.enabled !== undefined ? { enabled: item.enabled } : {}) };
    }
    return { type: 'separator' };
  });
}

export function toElectronTemplate(menus: MenuSpec[], send: (command: Command) => void): TemplateItem[] {
  return menus.map((menu) => (menu.role ? { label: menu.label, role: menu.role } : { label: menu.label, submenu: toTemplateItems(menu.submenu, send) }));
}
