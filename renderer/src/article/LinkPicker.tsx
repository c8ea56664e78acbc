import { useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model/types';
import { announce } from '../common/announcer';
import { excerpt } from './Sidebar';
import { quoted } from '../common/format';

/**
 * Attribute the selected quote or claim: the attributions nearest to it first, type to
 * filter, arrows and Enter to link or unlink, or click an attribution in the text. A pick
 * closes the picker (`onPicked`), so the next key (N for the note) reaches the text again;
 * Escape with a filter typed clears the filter first rather than closing over it.
 */
export function LinkPicker(props: {
  from: Annotation;
  annotations: readonly Annotation[];
  text: string;
  onToggle(toId: string): void;
  /** A link was made or removed here: close and give the text its focus back. */
  onPicked(): void;
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

  const pick = (id: string) => {
    props.onToggle(id);
    props.onPicked();
  };

  return (
    <section className="link-picker" aria-label="Attribute to">
      <p className="links-title">Attribute {quoted(excerpt(text, from, 60))} to:</p>
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
          else if (e.key === 'Enter' && candidates[active]) pick(candidates[active].id);
          else if (e.key === 'Escape' && query) {
            setQuery('');
            setActive(0);
            announce('Filter cleared. Escape again closes the picker.');
          } else if (e.key === 'Escape') props.onClose();
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
              <button type="button" aria-pressed={from.links.includes(a.id)} onClick={() => pick(a.id)}>
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
