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
  for (const listener of [...listeners].reverse()) if (listener(command) === true) return;
}

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}
