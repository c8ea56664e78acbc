import { useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model/types';
import { excerpt } from './Sidebar';

/**
 * Attribute the selected quote or claim: the attributions nearest to it first, type to
 * filter, arrows and Enter to link or unlink, or click an attribution in the text.
 */
export function LinkPicker(props: {
  from: Annotation;
  annotations: readonly Annotation[];
  text: string;
  onToggle(toId: string): void;
  onClose(): void;
}) {
  const { from, text } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const candidates = useMemo(() => {
    const at = from.spans[0]!.start;
    const needle = query.trim().toLowerCase();
    return props.annotations
      .filter((a) => a.tag === 'attribution' && (!needle || excerpt(text, a, 400).toLowerCase().includes(needle)))
      .sort((a, b) => Math.abs(a.spans[0]!.start - at) - Math.abs(b.spans[0]!.start - at))
      .slice(0, 50);
  }, [from, props.annotations, query, text]);

  return (
    <section className="link-picker" aria-label="Attribute to">
      <p className="links-title">Attribute “{excerpt(text, from, 60)}” to:</p>
      <input
        autoFocus
        type="search"
        aria-label="Find an attribution"
        placeholder="Type to filter; Enter links or unlinks"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(candidates.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && candidates[active]) props.onToggle(candidates[active].id);
          else if (e.key === 'Escape') props.onClose();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {candidates.length === 0 ? (
        <p className="empty-hint small">No attribution {query ? 'matches' : 'in this article yet: tag one with 3'}.</p>
      ) : (
        <ul aria-label="Attributions">
          {candidates.map((a, i) => (
            <li key={a.id} className={i === active ? 'active' : ''} aria-current={i === active ? 'true' : undefined}>
              <button type="button" aria-pressed={from.links.includes(a.id)} onClick={() => props.onToggle(a.id)}>
                {from.links.includes(a.id) ? '✓ ' : ''}
                {excerpt(text, a, 80)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={props.onClose}>
        Done <kbd>Esc</kbd>
      </button>
    </section>
  );
}
