import type { Command } from '../../../shared/ipc/commands';

/**
 * Every keyboard shortcut, once. The key handlers look keys up here (`shortcutFor`), the
 * `?` overlay lists this table, and a test checks the README's shortcut tables against it,
 * so a shortcut cannot be documented and not bound, or bound twice (keymap.test.ts).
 */

/**
 * One key press that triggers a shortcut. `key` is compared with `event.key` in lower case;
 * `codes` with `event.code` (layout-independent, and what Alt+digit still reports on macOS).
 * A modifier left out may be either up or down; `mod` is Ctrl or Cmd.
 */
export interface Chord {
  key?: string;
  codes?: readonly string[];
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** Told to the handler: which tag, which direction… */
  arg?: string;
}

/**
 * Where a shortcut is listened for. `app`: the whole window, always (commands, also sent by
 * the native menu); `article`: the article view; `unplaced`: the article view while the
 * Unplaced panel lists something (looked up before `article`); `unplaced-list`: a row of
 * that panel; `review`: review mode's Review tab.
 */
export type Scope = 'app' | 'article' | 'unplaced' | 'unplaced-list' | 'review';

export interface Shortcut {
  id: string;
  scope: Scope;
  /** As written in the overlay and the README. */
  keys: string;
  action: string;
  /** The presses bound to it; none when the browser or the pointer does the work (`native`). */
  chords: readonly Chord[];
  native?: true;
}

const mod = (key: string, shift = false): Chord => ({ key, mod: true, alt: false, shift });
/** A plain key: no Ctrl/Cmd, no Alt, Shift either way. */
const plain = (key: string, arg?: string): Chord => ({ key, mod: false, alt: false, ...(arg ? { arg } : {}) });
const tagKeys = (alt: boolean): Chord[] =>
  (['claim', 'quote', 'attribution'] as const).map((tag, i) => ({ codes: [`Digit${i + 1}`, `Numpad${i + 1}`], mod: false, alt, arg: tag }));

export const KEYMAP = [
  { id: 'caret', scope: 'article', keys: 'Arrows, Ctrl/Alt + arrows', action: 'Move the caret by character and word (Shift extends the selection)', chords: [], native: true },
  {
    id: 'sentence',
    scope: 'article',
    keys: 'Alt + ↓ / ↑',
    action: 'Move the caret to the next / previous sentence (Shift extends)',
    chords: [
      { key: 'arrowdown', mod: false, alt: true, arg: 'forward' },
      { key: 'arrowup', mod: false, alt: true, arg: 'backward' },
    ],
  },
  { id: 'tag', scope: 'article', keys: '1 / 2 / 3', action: 'Tag the selection as claim / quote / attribution, or retag the selected annotation', chords: tagKeys(false) },
  { id: 'tag-exact', scope: 'article', keys: 'Alt + 1 / 2 / 3', action: 'Tag the exact characters selected (no snapping to words)', chords: tagKeys(true) },
  { id: 'step', scope: 'article', keys: 'J / K', action: 'Select the next / previous annotation (↓ / ↑ in the sidebar list)', chords: [plain('j', 'next'), plain('k', 'previous')] },
  { id: 'click', scope: 'article', keys: 'Click, click again', action: 'Select the innermost annotation under the pointer, then the next one out', chords: [], native: true },
  { id: 'fragment', scope: 'article', keys: 'F, or Ctrl/Cmd + select', action: 'Add the selected words as a further fragment of the selected annotation', chords: [plain('f')] },
  { id: 'link', scope: 'article', keys: 'L', action: 'Attribute the selected quote or claim (pick the attribution, or click it in the text)', chords: [plain('l')] },
  { id: 'note', scope: 'article', keys: 'N', action: 'Write a note on the selected annotation (Escape returns to the text)', chords: [plain('n')] },
  {
    id: 'delete',
    scope: 'article',
    keys: 'Delete or Backspace',
    action: 'Delete the selected annotation',
    chords: [
      { key: 'delete', mod: false },
      { key: 'backspace', mod: false },
    ],
  },
  { id: 'escape', scope: 'article', keys: 'Escape', action: 'Deselect (or close the attribution picker)', chords: [{ key: 'escape' }] },
  { id: 'undo', scope: 'app', keys: 'Ctrl/Cmd + Z', action: 'Undo', chords: [mod('z')] },
  { id: 'redo', scope: 'app', keys: 'Shift + Ctrl/Cmd + Z, Ctrl + Y', action: 'Redo', chords: [mod('z', true), mod('y')] },
  { id: 'find', scope: 'app', keys: 'Ctrl/Cmd + F', action: 'Find in the article text (Enter / Shift + Enter: next / previous); in the library, search', chords: [mod('f')] },
  { id: 'export-annotations', scope: 'app', keys: 'Ctrl/Cmd + E', action: 'Export annotations (choose the format)', chords: [mod('e')] },
  { id: 'export-all', scope: 'app', keys: 'Shift + Ctrl/Cmd + E', action: 'Export all articles to a folder', chords: [mod('e', true)] },
  { id: 'import-annotations', scope: 'app', keys: 'Shift + Ctrl/Cmd + I', action: 'Import annotations onto this article', chords: [mod('i', true)] },
  {
    id: 'place',
    scope: 'unplaced',
    keys: 'P, Alt + P',
    action: 'Place the chosen unplaced annotation on the selected words (Alt: the exact characters)',
    chords: [
      { codes: ['KeyP'], mod: false, alt: false, shift: false, arg: 'words' },
      { codes: ['KeyP'], mod: false, alt: true, shift: false, arg: 'exact' },
    ],
  },
  {
    id: 'discard',
    scope: 'unplaced-list',
    keys: 'Delete (in Unplaced)',
    action: 'Discard the unplaced annotation (Ctrl/Cmd + Z brings it back)',
    chords: [
      { key: 'delete', mod: false },
      { key: 'backspace', mod: false },
    ],
  },
  { id: 'article-info', scope: 'app', keys: 'Ctrl/Cmd + I', action: 'Article info', chords: [mod('i')] },
  { id: 'open-article', scope: 'app', keys: 'Ctrl/Cmd + O', action: 'Open article files (or drop files on the window)', chords: [mod('o')] },
  { id: 'review-open-colleague', scope: 'app', keys: 'Ctrl/Cmd + Shift + O', action: 'Open colleagues’ annotations (review)', chords: [mod('o', true)] },
  { id: 'review-mode', scope: 'app', keys: 'Ctrl/Cmd + Shift + R', action: 'Review mode on / off', chords: [mod('r', true)] },
  { id: 'new-article', scope: 'app', keys: 'Ctrl/Cmd + N', action: 'New article', chords: [mod('n')] },
  { id: 'open-library', scope: 'app', keys: 'Ctrl/Cmd + L', action: 'Back to the library', chords: [mod('l')] },
  { id: 'show-shortcuts', scope: 'app', keys: '?', action: 'Show the shortcuts', chords: [{ key: '?', mod: false, alt: false }] },
  {
    id: 'review-step',
    scope: 'review',
    keys: 'N / P',
    action: 'Next / previous pair still to decide (Shift: every pair), scrolling the text',
    chords: [plain('n', 'next'), plain('p', 'previous')],
  },
  { id: 'review-accept', scope: 'review', keys: 'A', action: 'Accept theirs (into mine, keeping who and which file it came from)', chords: [plain('a')] },
  { id: 'review-reject', scope: 'review', keys: 'R', action: 'Reject (keep mine)', chords: [plain('r')] },
  { id: 'review-merge', scope: 'review', keys: 'M', action: 'Merge: the union of both spans', chords: [plain('m')] },
  { id: 'review-edit', scope: 'review', keys: 'E', action: 'Edit: choose the spans and the tag yourself', chords: [plain('e')] },
  { id: 'review-layout', scope: 'review', keys: 'S', action: 'Together / side by side', chords: [plain('s')] },
] as const satisfies readonly Shortcut[];

type Entry = (typeof KEYMAP)[number];
export type ShortcutId<S extends Scope = Scope> = Extract<Entry, { scope: S }>['id'];

// Every app-wide shortcut is a command the native menu can send too.
type AppIdsAreCommands = ShortcutId<'app'> extends Command ? true : never;
export const APP_SHORTCUTS_ARE_COMMANDS: AppIdsAreCommands = true;

/** What a key handler needs of an event (a DOM KeyboardEvent, React's, or a plain object in tests). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function chordMatches(chord: Chord, event: KeyPress): boolean {
  if (chord.key !== undefined && event.key.toLowerCase() !== chord.key) return false;
  if (chord.codes !== undefined && !chord.codes.includes(event.code)) return false;
  if (chord.mod !== undefined && chord.mod !== (event.ctrlKey || event.metaKey)) return false;
  if (chord.alt !== undefined && chord.alt !== event.altKey) return false;
  if (chord.shift !== undefined && chord.shift !== event.shiftKey) return false;
  return true;
}

export interface Match<S extends Scope> {
  id: ShortcutId<S>;
  arg?: string;
}

/** The shortcut of `scope` this key press triggers, if any. */
export function shortcutFor<S extends Scope>(scope: S, event: KeyPress): Match<S> | null {
  for (const entry of KEYMAP as readonly Shortcut[]) {
    if (entry.scope !== scope) continue;
    const chord = entry.chords.find((c) => chordMatches(c, event));
    if (chord) return { id: entry.id as ShortcutId<S>, ...(chord.arg ? { arg: chord.arg } : {}) };
  }
  return null;
}

/** The window-wide command a key press gives, if any (the same commands the menu sends). */
export function commandFromKey(event: KeyPress): Command | null {
  return shortcutFor('app', event)?.id ?? null;
}

/** The rows of the overlay and of the README tables: everything but review mode, then review mode. */
export const shortcutRows = (part: 'main' | 'review'): readonly Shortcut[] => (KEYMAP as readonly Shortcut[]).filter((s) => (s.scope === 'review') === (part === 'review'));

/** A README table (Markdown) of one part of the keymap. */
export function markdownTable(part: 'main' | 'review'): string {
  const head = part === 'main' ? '| Keys | Action |' : '| Keys | In review mode |';
  return [head, '| --- | --- |', ...shortcutRows(part).map((s) => `| ${s.keys.replace(/\|/g, '\\|')} | ${s.action} |`)].join('\n');
}
