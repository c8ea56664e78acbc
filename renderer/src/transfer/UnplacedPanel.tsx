import { memo } from 'react';
import { TAG_LABELS } from '../../../shared/model/types';
import { orphanQuote, type Orphan } from '../../../shared/transfer/orphans';
import { contextAfter, contextBefore } from './labels';
import './transfer.css';
import { shortcutFor } from '../common/keymap';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** The quote in its context: "…before **quote** after…", as it read in the imported file. */
function InContext(props: { orphan: Orphan }) {
  const first = props.orphan.spans[0]!;
  const last = props.orphan.spans[props.orphan.spans.length - 1]!;
  return (
    <span className="orphan-context">
      {contextBefore(first.prefix)}
      <mark className={`orphan-quote tag-${props.orphan.tag}`}>{clip(orphanQuote(props.orphan).replace(/\s+/g, ' '), 240)}</mark>
      {contextAfter(last.suffix)}
    </span>
  );
}

/**
 * Imported annotations that could not be placed with confidence. The editor selects the
 * right words in the article and presses P (or "Place on selection"), or discards one;
 * both can be undone.
 */
export const UnplacedPanel = memo(function UnplacedPanel(props: {
  orphans: readonly Orphan[];
  currentId: string | null;
  onPick(id: string): void;
  onPlace(id: string, exact: boolean): void;
  onDiscard(id: string): void;
}) {
  if (props.orphans.length === 0) return null;
  return (
    <section className="unplaced" aria-label="Unplaced annotations">
      <h2 className="unplaced-title">
        Unplaced <span className="count">{props.orphans.length}</span>
      </h2>
      <p className="unplaced-hint">
        Imported, but not found in this text with confidence. Select the right words, then press <kbd>P</kbd> to place the highlighted one.
      </p>
      <ol className="orphans">
        {props.orphans.map((o) => {
          const current = o.id === props.currentId;
          const label = TAG_LABELS[o.tag];
          return (
            <li
              key={o.id}
              className={`orphan ${current ? 'is-current' : ''}`}
              data-orphan-id={o.id}
              data-tag={o.tag}
              onKeyDown={(e) => {
                // Delete here discards this one; it must not delete the selected annotation.
                if (shortcutFor('unplaced-list', e)?.id === 'discard') {
                  e.preventDefault();
                  e.stopPropagation();
                  props.onDiscard(o.id);
                }
              }}
            >
              <button
                type="button"
                className="orphan-pick"
                aria-pressed={current}
                aria-label={`${label}: ${clip(orphanQuote(o), 160)}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => props.onPick(o.id)}
              >
                <span className={`badge badge-${o.tag}`} aria-hidden="true">
                  {label}
                </span>
                <InContext orphan={o} />
                <span className="orphan-origin">
                  from {o.origin.file ?? 'an import'}
                  {o.author.name ? ` · ${o.author.name}` : ''}
                  {o.note ? ` · note: ${clip(o.note, 80)}` : ''}
                </span>
              </button>
              <span className="orphan-actions">
                {/* mousedown must not take the text selection away from the article */}
                <button type="button" className="primary" onMouseDown={(e) => e.preventDefault()} onClick={() => props.onPlace(o.id, false)} aria-keyshortcuts="P">
                  Place on selection
                </button>
                <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => props.onDiscard(o.id)}>
                  Discard
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
