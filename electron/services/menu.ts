import type { Command } from '../../shared/ipc/commands';

/**
 * The native menu as plain data, so it can be tested without Electron. main.ts turns
 * `command` items into clicks that send the command to the window.
 */
export type MenuItemSpec =
  | { label: string; accelerator?: string; command: Command }
  | { role: string }
  | { type: 'separator' };

export interface MenuSpec {
  label: string;
  role?: string;
  submenu: MenuItemSpec[];
}

export function menuTemplate(platform: NodeJS.Platform): MenuSpec[] {
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
        { label: 'Export Annotations…', accelerator: 'CmdOrCtrl+E', command: 'export-annotations' },
        { label: 'Export All Articles to a Folder…', accelerator: 'Shift+CmdOrCtrl+E', command: 'export-all' },
        { type: 'separator' },
        { label: 'Move Article to Trash…', command: 'delete-article' },
        { type: 'separator' },
        { role: mac ? 'close' : 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The window keeps its own annotation history, so undo/redo are commands, not roles.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', command: 'undo' },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', command: 'redo' },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', command: 'find' },
      ],
    },
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
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: 'Help', submenu: [{ label: 'Keyboard Shortcuts (?)', command: 'show-shortcuts' }] },
  ];
  if (mac) menus.unshift({ label: 'Newsmark', role: 'appMenu', submenu: [] });
  return menus;
}
