import { useEffect, useMemo, useRef, useState } from 'react';
import type { Span } from '../../../shared/model/types';

const MAX_MATCHES = 10_000;

/** Every case-insensitive occurrence of `query` (a regex over the text keeps offsets exact). */
export function findAll(text: string, query: string): Span[] {
  if (!query) return [];
  const re = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}

/** Ctrl/Cmd+F: find in the article text; Enter / Shift+Enter step, Escape closes. */
export function FindBar(props: { text: string; onMatches(all: Span[], current: Span | null): void; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findAll(props.text, query), [props.text, query]);
  const current = matches.length ? matches[Math.min(index, matches.length - 1)]! : null;
  const { onMatches } = props;

  useEffect(() => {
    onMatches(matches, current);
  }, [matches, current, onMatches]);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches.length) {
            e.preventDefault();
            setIndex((i) => (i + (e.shiftKey ? matches.length - 1 : 1)) % matches.length);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onClose();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query ? (matches.length ? `${Math.min(index, matches.length - 1) + 1} of ${matches.length}${matches.length >= MAX_MATCHES ? '+' : ''}` : 'No matches') : ''}
      </span>
      <button type="button" aria-label="Previous match" disabled={!matches.length} onClick={() => setIndex((i) => (i + matches.length - 1) % matches.length)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={!matches.length} onClick={() => setIndex((i) => (i + 1) % matches.length)}>
        ↓
      </button>
      <button type="button" onClick={props.onClose}>
        Close <kbd>Esc</kbd>
      </button>
    </div>
  );
}
