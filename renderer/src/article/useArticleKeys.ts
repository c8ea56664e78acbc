import { useCallback } from 'react';
import type { Tag } from '../../../shared/model/types';
import { isTextField } from '../common/commands';
import { shortcutFor, type ShortcutId } from '../common/keymap';

/** What each of the article view's shortcuts does (the keymap's `article` scope); false: not handled. */
export type ArticleKeyHandlers = Record<ShortcutId<'article'>, (arg: string | undefined, event: React.KeyboardEvent) => void | false>;

/** The article-scope handlers for everything the keymap binds there. */
export function articleKeyHandlers(actions: {
  tag(tag: Tag, exact: boolean): void;
  step(direction: 1 | -1): void;
  fragment(exact: boolean): void;
  startLink(): void;
  openNote(): void;
  removeSelected(): void;
  escape(): void;
}): ArticleKeyHandlers {
  return {
    // The browser moves the caret and the pointer clicks: nothing to do on a key here.
    caret: () => false,
    click: () => false,
    sentence: (arg, event) => void window.getSelection()?.modify(event.shiftKey ? 'extend' : 'move', arg as 'forward' | 'backward', 'sentence'),
    tag: (arg) => actions.tag(arg as Tag, false),
    'tag-exact': (arg) => actions.tag(arg as Tag, true),
    step: (arg) => actions.step(arg === 'next' ? 1 : -1),
    fragment: () => actions.fragment(false),
    link: () => actions.startLink(),
    note: () => actions.openNote(),
    delete: () => actions.removeSelected(),
    escape: () => actions.escape(),
  };
}

/**
 * The article view's keydown: the Unplaced panel's keys first (when it lists something),
 * then the article's. Keys typed in a field, or anywhere in a dialog over the article, are
 * not shortcuts.
 */
export function useArticleKeys(handlers: ArticleKeyHandlers, unplacedKey: (event: React.KeyboardEvent) => boolean) {
  return useCallback(
    (event: React.KeyboardEvent) => {
      if (isTextField(event.target) || (event.target as Element).closest?.('dialog')) return;
      if (unplacedKey(event)) return;
      const match = shortcutFor('article', event);
      if (!match) return;
      if (handlers[match.id](match.arg, event) !== false) event.preventDefault();
    },
    [handlers, unplacedKey],
  );
}
