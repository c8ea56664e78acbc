import type { Colleague } from '../../../shared/review/review-state';
import { plural } from '../common/format';

/** The colleagues' files loaded for this article: pick the one to review against, open more, close one. */
export function ColleagueBar(props: {
  colleagues: readonly Colleague[];
  names: ReadonlyMap<string, string>;
  activeId: string | undefined;
  onSelect(id: string): void;
  onOpen(): void;
  onRemove(id: string): void;
}) {
  const active = props.colleagues.find((c) => c.id === props.activeId);
  return (
    <div className="colleague-bar">
      <span className="colleague-label" id="colleague-tabs-label">
        Against
      </span>
      <div className="colleague-tabs" role="tablist" aria-labelledby="colleague-tabs-label">
        {props.colleagues.map((c) => (
          <button
            key={c.id}
            type="button"
            role="tab"
            aria-selected={c.id === props.activeId}
            className="colleague-tab"
            title={`${c.label}\n${c.file}\n${c.annotations.length} annotations (${c.format})`}
            onClick={() => props.onSelect(c.id)}
          >
            {c.live ? `${props.names.get(c.id) ?? c.label} · ${plural(c.annotations.length, 'annotation')} · live` : (props.names.get(c.id) ?? c.label)}
          </button>
        ))}
      </div>
      <button type="button" className="open-colleague" onClick={props.onOpen}>
        Open colleague’s annotations… <kbd>Ctrl+Shift+O</kbd>
      </button>
      {active && (
        <>
          <span className="colleague-file" title={`${active.file}\nloaded ${new Date(active.loadedAt).toLocaleString()}`}>
            {active.annotations.length} annotations ({active.format}
            {active.counts.fuzzy > 0 ? `, ${active.counts.fuzzy} re-anchored approximately` : ''})
          </span>
          {active.orphans.length > 0 && (
            <details className="orphans">
              <summary>
                {active.orphans.length} could not be placed on this text
              </summary>
              <ul>
                {active.orphans.map((o) => (
                  <li key={o.id}>
                    <span className={`badge badge-${o.tag}`}>{o.tag}</span> “{o.text.length > 160 ? `${o.text.slice(0, 159)}…` : o.text}”
                  </li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" className="link-button remove-colleague" onClick={() => props.onRemove(active.id)}>
            Close this file
          </button>
        </>
      )}
    </div>
  );
}
