/** The keyboard shortcuts, listed once for the overlay and the README. */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Shift + arrows', action: 'Select text with the keyboard' },
  { keys: '1', action: 'Tag the selection as a claim (or retag the selected annotation)' },
  { keys: '2', action: 'Tag the selection as a quote (or retag)' },
  { keys: '3', action: 'Tag the selection as an attribution (or retag)' },
  { keys: 'Alt + 1/2/3', action: 'Tag the exact characters selected (no snapping to words)' },
  { keys: 'J / K', action: 'Select the next / previous annotation' },
  { keys: 'Delete or Backspace', action: 'Delete the selected annotation' },
  { keys: 'Escape', action: 'Deselect' },
  { keys: 'Ctrl/Cmd + Z', action: 'Undo' },
  { keys: 'Shift + Ctrl/Cmd + Z (or Ctrl + Y)', action: 'Redo' },
  { keys: 'Ctrl/Cmd + E', action: 'Export annotations' },
  { keys: 'Ctrl/Cmd + N', action: 'New article' },
  { keys: 'Ctrl/Cmd + L', action: 'Back to the library' },
  { keys: '?', action: 'Show these shortcuts' },
];
