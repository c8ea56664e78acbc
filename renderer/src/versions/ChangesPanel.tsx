import { memo, useState } from 'react';
import type { SentenceChange } from '../../../shared/versions/types';
import { panelOrder } from '../../../shared/versions/diff';

const clip = (s: string | undefined, n = 200) => {
  const t = (s ?? '').replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
const KIND_LABEL = { added: 'Added', removed: 'Removed', reworded: 'Reworded' } as const;

/**
 * The sentence edits from the previous version: those that touch an annotation first,
 * each a button (Tab / arrow keys) that shows the change in the text. The kind is written
 * out, so nothing depends on colour.
 */
export const ChangesPanel = memo(function ChangesPanel(props: {
  from: number;
  to: number;
  changes: readonly SentenceChange[];
  canUndo: boolean;
  onShow(change: SentenceChange): void;
  onUndo(): void;
  onOpenVersion(n: number): void;
  versions: number;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const list = panelOrder(props.changes);
  const move = (e: React.KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.change-item')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    e.preventDefault();
  };
  return (
    <section className="changes" aria-label="Changes from the previous version">
      <h2 className="changes-title">
        Changes from version {props.from} <span className="count">{props.changes.length}</span>
      </h2>
      <div className="changes-actions">
        {Array.from({ length: props.versions - 1 }, (_, i) => (
          <button key={i} type="button" className="link-button" onClick={() => props.onOpenVersion(i + 1)}>
            Open version {i + 1}
          </button>
        ))}
        {props.canUndo && (
          <button type="button" className="link-button" onClick={props.onUndo}>
            Undo new version
          </button>
        )}
      </div>
      {list.length === 0 && <p className="changes-none">No sentence changed.</p>}
      <ul className="changes-list" onKeyDown={move}>
        {list.map((c) => (
          <li key={c.index} className={`change change-${c.kind}`}>
            <button type="button" className="change-item" aria-expanded={c.kind === 'removed' ? open === c.index : undefined} onClick={() => {
              setOpen(open === c.index ? null : c.index);
              props.onShow(c);
            }}>
              <span className="change-kind">{KIND_LABEL[c.kind]}</span>
              {c.annotations.length > 0 && <span className="change-touch"> · touches {c.annotations.length} annotation{c.annotations.length === 1 ? '' : 's'}</span>}
              {c.quote && <strong className="change-quote"> · Reworded direct quote: the words inside the quotation marks changed</strong>}
              <span className="change-text">{clip(c.kind === 'removed' ? c.oldText : c.newText)}</span>
            </button>
            {open === c.index && c.kind !== 'added' && (
              <p className="change-before">
                <span className="visually-hidden">Before: </span>
                <del>{clip(c.oldText, 2000)}</del>
                {c.quote && (
                  <span className="change-quote-detail">
                    {' '}Quote was “{c.quote.before}”, now “{c.quote.after}”.
                  </span>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
});
