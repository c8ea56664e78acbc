import type { Command } from '../../../shared/ipc/commands';

/**
 * One path for every command, whether it came from a native menu (through the bridge) or
 * from a keyboard shortcut in the page, so both do exactly the same thing.
 */
type Listener = (command: Command) => boolean | void;
const listeners = new Set<Listener>();

export function onAppCommand(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Newest listener first; one that returns true has handled the command. */
export function dispatchAppCommand(command: Command): void {
  if (undoInField(command)) return;
  for (const listener of [...listeners].reverse()) if (listener(command) === true) return;
}

/**
 * Undo and redo in a focused text field use the field's own history; elsewhere they are
 * Newsmark's. Edit → Undo (and Cmd+Z on macOS, which reaches a field only through the
 * menu) arrives as a command, so the field's undo is run here, the same way on every
 * platform and for the key as for the menu.
 */
export function undoInField(command: Command): boolean {
  if ((command !== 'undo' && command !== 'redo') || !isTextField(document.activeElement)) return false;
  document.execCommand(command);
  return true;
}

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}
