import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../shared/ipc/commands';
import { chordMatches, commandFromKey, KEYMAP, shortcutFor, type KeyPress, type Scope, type Shortcut } from './keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const table = KEYMAP as readonly Shortcut[];

/** Every key the table names, under every combination of modifiers. */
function everyPress(): KeyPress[] {
  const keys = new Set<string>();
  const codes = new Set<string>();
  for (const s of table) {
    for (const c of s.chords) {
      if (c.key) keys.add(c.key);
      for (const x of c.codes ?? []) codes.add(x);
    }
  }
  const out: KeyPress[] = [];
  for (let m = 0; m < 16; m++) {
    const mods = { ctrlKey: !!(m & 1), metaKey: !!(m & 2), altKey: !!(m & 4), shiftKey: !!(m & 8) };
    for (const key of keys) out.push(press(key, mods));
    for (const code of codes) out.push(press('x', { ...mods, code }));
  }
  return out;
}

describe('the keymap', () => {
  it('binds every shortcut it lists, unless the browser or the pointer does the work', () => {
    for (const s of table) expect(s.chords.length > 0 || s.native === true, s.keys).toBe(true);
    expect(new Set(table.map((s) => `${s.scope}:${s.id}`)).size).toBe(table.length);
  });

  it('never binds one key press twice among the scopes listening at the same time', () => {
    // The app-wide listener runs beside the article view (and its Unplaced panel) or review mode.
    const together: Scope[][] = [
      ['app', 'article', 'unplaced'],
      ['app', 'review'],
      ['app', 'unplaced-list'],
    ];
    for (const scopes of together) {
      for (const event of everyPress()) {
        const hits = table.filter((s) => scopes.includes(s.scope) && s.chords.some((c) => chordMatches(c, event)));
        expect(hits.map((s) => s.id), JSON.stringify(event)).toHaveLength(Math.min(hits.length, 1));
      }
    }
  });

  it('gives the window-wide commands the menu sends too', () => {
    expect(commandFromKey(press('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFromKey(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFromKey(press('y', { ctrlKey: true }))).toBe('redo');
    expect(commandFromKey(press('O', { ctrlKey: true, shiftKey: true }))).toBe('review-open-colleague');
    expect(commandFromKey(press('o', { ctrlKey: true }))).toBe('open-article');
    expect(commandFromKey(press('r', { ctrlKey: true }))).toBeNull(); // the browser's reload is not ours
    expect(commandFromKey(press('e', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandFromKey(press('?', { shiftKey: true }))).toBe('show-shortcuts');
    expect(commandFromKey(press('?', { ctrlKey: true }))).toBeNull();
    for (const s of table.filter((x) => x.scope === 'app')) expect(COMMANDS).toContain(s.id);
  });

  it('tells the handler which tag, direction or variant was pressed', () => {
    expect(shortcutFor('article', press('1', { code: 'Digit1' }))).toEqual({ id: 'tag', arg: 'claim' });
    expect(shortcutFor('article', press('¡', { code: 'Digit1', altKey: true }))).toEqual({ id: 'tag-exact', arg: 'claim' });
    expect(shortcutFor('article', press('3', { code: 'Numpad3', shiftKey: true }))).toEqual({ id: 'tag', arg: 'attribution' });
    expect(shortcutFor('article', press('1', { code: 'Digit1', ctrlKey: true }))).toBeNull();
    expect(shortcutFor('article', press('K', { shiftKey: true }))).toEqual({ id: 'step', arg: 'previous' });
    expect(shortcutFor('article', press('j', { altKey: true }))).toBeNull();
    expect(shortcutFor('article', press('ArrowUp', { altKey: true, shiftKey: true }))).toEqual({ id: 'sentence', arg: 'backward' });
    expect(shortcutFor('article', press('Escape', { ctrlKey: true }))).toEqual({ id: 'escape' });
    expect(shortcutFor('unplaced', press('p', { code: 'KeyP', altKey: true }))).toEqual({ id: 'place', arg: 'exact' });
    expect(shortcutFor('unplaced', press('P', { code: 'KeyP', shiftKey: true }))).toBeNull();
    expect(shortcutFor('review', press('N', { shiftKey: true }))).toEqual({ id: 'review-step', arg: 'next' });
    expect(shortcutFor('review', press('a', { metaKey: true }))).toBeNull();
  });
});
