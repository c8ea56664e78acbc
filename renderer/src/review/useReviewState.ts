import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { Colleague, ReviewState, StoredDecision } from '../../../shared/review/review-state';
import { api, errorMessage } from '../api';
import { onAppCommand } from '../common/commands';

export type DecisionChange = { set: StoredDecision } | { forget: string };

export interface ReviewStore {
  /** null until main has answered. */
  review: ReviewState | null;
  /** The latest state, for event handlers that must not wait for a render. */
  current(): ReviewState | null;
  replace(next: ReviewState): void;
  /** Apply a decision change here at once and save it behind earlier ones. */
  decide(colleagueId: string, change: DecisionChange): void;
  /** Where the reviewer is (colleague, layout, pair); the pair is saved after a short pause. */
  update(patch: Omit<RequestOf<'review:update'>, 'articleId'>): void;
  setCursor(colleagueId: string, pairId: string | null): void;
  /** Resolves when every change made so far is stored. */
  whenSaved(): Promise<void>;
}

const CURSOR_DELAY_MS = 400;

function applyChange(colleague: Colleague, change: DecisionChange): Colleague {
  if ('set' in change) return { ...colleague, decisions: [...colleague.decisions.filter((d) => d.pairId !== change.set.pairId), change.set] };
  return { ...colleague, decisions: colleague.decisions.filter((d) => d.pairId !== change.forget) };
}

/**
 * The article's review as main stores it (reviews/<id>.json), with every change applied
 * here first and saved in order. `data-review-pending` on <body> counts unsaved changes.
 */
export function useReviewState(articleId: string, onNotice: (message: string, kind?: 'info' | 'error') => void): ReviewStore {
  const [review, setReview] = useState<ReviewState | null>(null);
  const ref = useRef<ReviewState | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const cursorTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cursorPending = useRef<{ colleagueId: string; pairId: string | null } | null>(null);
  const notice = useRef(onNotice);
  notice.current = onNotice;

  const replace = useCallback((next: ReviewState) => {
    ref.current = next;
    setReview(next);
  }, []);

  const send = useCallback((run: () => Promise<unknown>) => {
    pending.current++;
    document.body.dataset.reviewPending = String(pending.current);
    queue.current = queue.current
      .then(run)
      .then(
        () => undefined,
        (error: unknown) => notice.current(`The review was not saved: ${errorMessage(error)}`, 'error'),
      )
      .finally(() => {
        pending.current--;
        document.body.dataset.reviewPending = String(pending.current);
      });
  }, []);

  useEffect(() => {
    let live = true;
    void api()
      .invoke('review:get', { articleId })
      .then(({ review: loaded, problem }) => {
        if (!live) return;
        replace(loaded);
        if (problem) {
          notice.current(
            `The saved review of this article could not be read: ${problem.reason}${problem.movedTo ? `\nThe file was kept as ${problem.movedTo}; a new review starts.` : ''}`,
            'error',
          );
        }
      })
      .catch((error: unknown) => live && notice.current(`Could not open the review: ${errorMessage(error)}`, 'error'));
    return () => {
      live = false;
    };
  }, [articleId, replace]);

  // A desk colleague changed something: take their live layers' new annotations, keep
  // everything here (decisions, where I am) as it is.
  useEffect(
    () =>
      onAppCommand((command) => {
        if (command !== 'desk-changed') return false;
        void queue.current.then(() =>
          api()
            .invoke('review:get', { articleId })
            .then(({ review: fresh }) => {
              const state = ref.current;
              if (!state) return;
              const live = fresh.colleagues.filter((c) => c.live);
              const known = new Map(state.colleagues.map((c) => [c.id, c]));
              if (live.every((c) => known.get(c.id)?.annotations === c.annotations)) return;
              const colleagues = state.colleagues.map((c) => {
                const next = c.live ? live.find((x) => x.id === c.id) : undefined;
                return next && JSON.stringify(next.annotations) !== JSON.stringify(c.annotations) ? { ...c, annotations: next.annotations, counts: next.counts, label: next.label, ...(next.author ? { author: next.author } : {}) } : c;
              });
              const added = live.filter((c) => !known.has(c.id));
              if (added.length === 0 && colleagues.every((c, i) => c === state.colleagues[i])) return;
              replace({ ...state, colleagues: [...colleagues, ...added], ...(state.activeColleagueId ? {} : added[0] ? { activeColleagueId: added[0].id } : {}) });
            }, () => undefined),
        );
        return false;
      }),
    [articleId, replace],
  );

  const flushCursor = useCallback(() => {
    if (cursorTimer.current !== undefined) clearTimeout(cursorTimer.current);
    cursorTimer.current = undefined;
    const cursor = cursorPending.current;
    cursorPending.current = null;
    if (cursor) send(() => api().invoke('review:update', { articleId, cursor }));
  }, [articleId, send]);

  const decide = useCallback(
    (colleagueId: string, change: DecisionChange) => {
      const state = ref.current;
      if (!state) return;
      replace({ ...state, colleagues: state.colleagues.map((c) => (c.id === colleagueId ? applyChange(c, change) : c)) });
      send(() => api().invoke('review:decide', { articleId, colleagueId, change }));
    },
    [articleId, replace, send],
  );

  const update = useCallback(
    (patch: Omit<RequestOf<'review:update'>, 'articleId'>) => {
      const state = ref.current;
      if (state) {
        const next = { ...state };
        if (patch.activeColleagueId !== undefined) next.activeColleagueId = patch.activeColleagueId;
        if (patch.layout !== undefined) next.layout = patch.layout;
        if (patch.reviewing !== undefined) next.reviewing = patch.reviewing;
        replace(next);
      }
      flushCursor();
      send(() => api().invoke('review:update', { articleId, ...patch }));
    },
    [articleId, flushCursor, replace, send],
  );

  const setCursor = useCallback(
    (colleagueId: string, pairId: string | null) => {
      const state = ref.current;
      if (state) {
        const colleagues = state.colleagues.map((c) => {
          if (c.id !== colleagueId) return c;
          const { cursor: _old, ...rest } = c;
          return pairId === null ? rest : { ...rest, cursor: pairId };
        });
        ref.current = { ...state, colleagues };
      }
      if (cursorPending.current && cursorPending.current.colleagueId !== colleagueId) flushCursor();
      cursorPending.current = { colleagueId, pairId };
      if (cursorTimer.current !== undefined) clearTimeout(cursorTimer.current);
      cursorTimer.current = setTimeout(flushCursor, CURSOR_DELAY_MS);
    },
    [flushCursor],
  );

  const whenSaved = useCallback(() => {
    flushCursor();
    return queue.current;
  }, [flushCursor]);

  // Leaving the view keeps where the reviewer was.
  useEffect(() => () => flushCursor(), [flushCursor]);

  const current = useCallback(() => ref.current, []);
  return { review, current, replace, decide, update, setCursor, whenSaved };
}
