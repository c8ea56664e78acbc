import { memo, useMemo, useRef, useState } from 'react';
import { spanText } from '../../../shared/model/spans';
import { TAG_LABELS, TAGS, type Annotation, type Tag, type TagCounts } from '../../../shared/model/types';
import { VirtualList } from './VirtualList';

const EXCERPT = 160;
/** A row's height before it is drawn and measured: badge and excerpt, plus a line for links or a note. */
export const ROW_ESTIMATE = 64;
export const ROW_ESTIMATE_WITH_LINKS = 84;
const estimateRow = (a: Annotation) => (a.spans.length > 1 || a.note || a.links.length ? ROW_ESTIMATE_WITH_LINKS : ROW_ESTIMATE);
const rowKey = (a: Annotation) => a.id;

export function excerpt(text: string, annotation: Annotation, max = EXCERPT): string {
  const full = spanText(text, annotation.spans).replace(/\s+/g, ' ');
  return full.length > max ? `${full.slice(0, max - 1)}…` : full;
}

export interface SidebarFilter {
  tags: Record<Tag, boolean>;
  text: string;
}

export const ALL_TAGS: SidebarFilter['tags'] = { claim: true, quote: true, attribution: true };

export function applyFilter(text: string, annotations: readonly Annotation[], filter: SidebarFilter): readonly Annotation[] {
  const needle = filter.text.trim().toLowerCase();
  const allTags = TAGS.every((t) => filter.tags[t]);
  if (allTags && !needle) return annotations;
  return annotations.filter(
    (a) =>
      filter.tags[a.tag] &&
      (!needle || spanText(text, a.spans).toLowerCase().includes(needle) || a.note.toLowerCase().includes(needle)),
  );
}

/** One line under the excerpt: who a quote is attributed to, or how much an attribution sources. */
function linkLine(text: string, annotation: Annotation, byId: Map<string, Annotation>, sourcedCount: number): string {
  if (annotation.tag === 'attribution') return sourcedCount ? `sources ${sourcedCount}` : '';
  const names = annotation.links.map((id) => byId.get(id)).filter((a): a is Annotation => !!a).map((a) => excerpt(text, a, 80));
  return names.length ? `attributed to: ${names.join('; ')}` : '';
}

const Entry = memo(function Entry(props: {
  annotation: Annotation;
  index: number;
  top: number;
  text: string;
  selected: boolean;
  links: string;
  onSelect(id: string): void;
  onHover(id: string | null): void;
}) {
  const { annotation, selected, index } = props;
  const label = TAG_LABELS[annotation.tag];
  const words = excerpt(props.text, annotation);
  const fragments = annotation.spans.length > 1;
  return (
    <li
      className={`entry tag-${annotation.tag}`}
      data-annotation-id={annotation.id}
      data-tag={annotation.tag}
      style={{ top: props.top }}
      onMouseEnter={() => props.onHover(annotation.id)}
      onMouseLeave={() => props.onHover(null)}
    >
      {/* The accessible name is the content itself, in reading order: "Quote: the words
          2 fragments · attributed to: …". */}
      <button
        type="button"
        className="entry-button"
        data-index={index}
        aria-pressed={selected}
        onClick={() => props.onSelect(annotation.id)}
        onFocus={() => props.onHover(annotation.id)}
        onBlur={() => props.onHover(null)}
      >
        <span className={`badge badge-${annotation.tag} entry-badge`}>
          {label}
          <span className="sr-punct">:</span>
        </span>
        <span className="entry-text">{words}</span>
        {(fragments || annotation.note || props.links) && (
          <span className="entry-links">
            {[fragments ? `${annotation.spans.length} fragments` : '', annotation.note ? '✎ note' : '', props.links].filter(Boolean).join(' · ')}
          </span>
        )}
      </button>
    </li>
  );
});

/** Every annotation in document order, filterable, as the accessible list of what the highlights show. */
export function Sidebar(props: {
  text: string;
  annotations: readonly Annotation[];
  counts: TagCounts;
  selectedId: string | null;
  filter: SidebarFilter;
  onFilter(filter: SidebarFilter): void;
  onSelect(id: string): void;
  onHover(id: string | null): void;
  detail: React.ReactNode;
}) {
  const { text, annotations, selectedId, filter } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(-1);
  const visible = useMemo(() => applyFilter(text, annotations, filter), [text, annotations, filter]);
  const { byId, sourced } = useMemo(() => {
    const byId = new Map(annotations.map((a) => [a.id, a]));
    const sourced = new Map<string, number>();
    for (const a of annotations) for (const l of a.links) sourced.set(l, (sourced.get(l) ?? 0) + 1);
    return { byId, sourced };
  }, [annotations]);
  const selectedIndex = selectedId ? visible.findIndex((a) => a.id === selectedId) : -1;

  // Up/Down move through the list (selecting as they go), Home/End jump.
  const onKeyDown = (event: React.KeyboardEvent) => {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    let next = -1;
    const from = selectedIndex >= 0 ? selectedIndex : focusIndex;
    if (event.key in keys) next = Math.min(visible.length - 1, Math.max(0, from + keys[event.key]!));
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = visible.length - 1;
    else return;
    event.preventDefault();
    event.stopPropagation();
    const a = visible[next];
    if (!a) return;
    setFocusIndex(next);
    props.onSelect(a.id);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLButtonElement>(`button[data-index="${next}"]`)?.focus());
  };

  const toggleTag = (tag: Tag) => props.onFilter({ ...filter, tags: { ...filter.tags, [tag]: !filter.tags[tag] } });

  return (
    <aside className="sidebar" aria-label="Annotations">
      <h2 className="sidebar-title">
        Annotations <span className="count">{visible.length === annotations.length ? annotations.length : `${visible.length} of ${annotations.length}`}</span>
      </h2>
      <div className="filters" role="group" aria-label="Show tags">
        {TAGS.map((tag) => (
          <button key={tag} type="button" className={`badge badge-${tag} filter-chip`} aria-pressed={filter.tags[tag]} onClick={() => toggleTag(tag)}>
            {TAG_LABELS[tag]} {props.counts[tag]}
          </button>
        ))}
      </div>
      <input
        className="filter-text"
        type="search"
        aria-label="Filter annotations by text"
        placeholder="Filter by text or note"
        value={filter.text}
        onChange={(e) => props.onFilter({ ...filter, text: e.target.value })}
      />
      {props.detail}
      {annotations.length === 0 ? (
        <p className="empty-hint">Select words in the article and press 1 (claim), 2 (quote) or 3 (attribution).</p>
      ) : visible.length === 0 ? (
        <p className="empty-hint">No annotation matches the filter.</p>
      ) : (
        <div ref={listRef} className="entries-wrap">
          <VirtualList
            items={visible}
            estimateHeight={estimateRow}
            itemKey={rowKey}
            scrollToIndex={selectedIndex}
            label="Annotations in document order"
            className="entries"
            onKeyDown={onKeyDown}
            renderRow={(a, i, top) => (
              <Entry
                key={a.id}
                annotation={a}
                index={i}
                top={top}
                text={text}
                selected={a.id === selectedId}
                links={linkLine(text, a, byId, sourced.get(a.id) ?? 0)}
                onSelect={props.onSelect}
                onHover={props.onHover}
              />
            )}
          />
        </div>
      )}
    </aside>
  );
}
