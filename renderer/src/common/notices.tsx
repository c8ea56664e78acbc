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
/** Information fades after 6 s, or 10 s when it offers an action (time to press Undo). */
const INFO_MS = 6000;
const ACTION_MS = 10000;

export function useNotices(): { notices: Notice[]; notify: Notify; dismiss(id: number): void } {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((x) => x.id !== id)), []);
  const notify = useCallback<Notify>(
    (message, kind = 'info', action) => {
      const id = ++noticeSeq;
      setNotices((n) => [...n, { id, message, kind, ...(action ? { action } : {}) }]);
      if (kind === 'info') setTimeout(() => dismiss(id), action ? ACTION_MS : INFO_MS);
    },
    [dismiss],
  );
  return { notices, notify, dismiss };
}

export function Notices(props: { notices: readonly Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="notices" aria-live="polite">
      {props.notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
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
