import { useEffect } from 'react';
import { dispatchAppCommand, isTextField } from '../common/commands';
import { commandFromKey } from '../common/keymap';

/**
 * The window-wide shortcuts (the keymap's `app` scope): each becomes the command the native
 * menu would send. In a text field, undo, redo and `?` belong to the field; under an open
 * dialog only undo and redo go through.
 */
export function useAppKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandFromKey(event);
      if (!command) return;
      const inField = isTextField(event.target);
      if (inField && command === 'show-shortcuts') return;
      if (document.querySelector('dialog[open]') && command !== 'undo' && command !== 'redo') return;
      event.preventDefault();
      dispatchAppCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
