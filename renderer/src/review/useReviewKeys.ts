import { useEffect, useRef } from 'react';
import type { DecisionKind } from '../../../shared/review/decisions';
import { isTextField } from '../common/commands';
import { shortcutFor, type ShortcutId } from '../common/keymap';
import type { LiveRef } from './review-live';

export interface ReviewKeyActions {
  go(direction: 'next' | 'previous', all: boolean): void;
  decide(kind: DecisionKind): void;
  toggleLayout(): void;
}

/** What each review shortcut does (the keymap's `review` scope). */
export function reviewKeyHandlers(a: ReviewKeyActions): Record<ShortcutId<'review'>, (arg: string | undefined, shift: boolean) => void> {
  return {
    'review-step': (arg, shift) => a.go(arg === 'next' ? 'next' : 'previous', shift),
    'review-accept': () => a.decide('accept'),
    'review-reject': () => a.decide('reject'),
    'review-merge': () => a.decide('merge'),
    'review-edit': () => a.decide('edit'),
    'review-layout': () => a.toggleLayout(),
  };
}

/** Review mode's keys, on the Review tab only, never while typing or under a dialog. */
export function useReviewKeys(live: LiveRef, actions: ReviewKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (live.current.tab !== 'review') return;
      if (isTextField(event.target) || document.querySelector('dialog[open]')) return;
      const match = shortcutFor('review', event);
      if (!match) return;
      reviewKeyHandlers(latest.current)[match.id](match.arg, event.shiftKey);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [live]);
}
