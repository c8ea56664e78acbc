import { useCallback, useState } from 'react';

export type NoticeKind = 'info' | 'error';

export interface Notice {
  id: number;
  message: string;
  kind: NoticeKind;
  /** A button on the notice, such as Undo. */
  action?: { label: string; run(): void };
}

/** How any part of the window tells the user something (errors stay until dismissed). */
export type Notify = (message: string, kind?: NoticeKind, action?: Notice['action']) => void;

let noticeSeq = 0;
/** Information fades after 4 s, or 8 s when it offers an action (time to press Undo). */
export const INFO_MS = 4000;
const ACTION_MS = 8000;
/** More than this many at once: the oldest information goes first (errors stay until dismissed). */
const MAX_SHOWN = 3;

/** The list with `next` added, trimmed to MAX_SHOWN by dropping the oldest information. */
export function withNotice(list: readonly Notice[], next: Notice): Notice[] {
  const out = [...list, next];
  while (out.length > MAX_SHOWN) {
    const i = out.findIndex((n) => n.kind === 'info' && n !== next);
    if (i === -1) break;
    out.splice(i, 1);
  }
  return out;
}

export function useNotices(): { notices: Notice[]; notify: Notify; dismiss(id: number): void } {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((x) => x.id !== id)), []);
  const notify = useCallback<Notify>(
    (message, kind = 'info', action) => {
      const id = ++noticeSeq;
      setNotices((n) => withNotice(n, { id, message, kind, ...(action ? { action } : {}) }));
      if (kind === 'info') setTimeout(() => dismiss(id), action ? ACTION_MS : INFO_MS);
    },
    [dismiss],
  );
  return { notices, notify, dismiss };
}

/**
 * Bottom right, over the side column rather than the article, and announced politely
 * (a status, never an interruption): the text being worked on stays readable.
 */
export function Notices(props: { notices: readonly Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="notices">
      {props.notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role="status" aria-live="polite">
          <span>{n.message}</span>
          {n.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                props.onDismiss(n.id);
                n.action!.run();
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={() => props.onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
