import { memo, useEffect, useRef } from 'react';
import { spanText } from '../../../shared/model/spans';
import { TAG_LABELS, type Annotation, type TagCounts } from '../../../shared/model/types';

const EXCERPT = 160;

export function excerpt(text: string, annotation: Annotation): string {
  const full = spanText(text, annotation.spans).replace(/\s+/g, ' ');
  return full.length > EXCERPT ? `${full.slice(0, EXCERPT - 1)}…` : full;
}

const Entry = memo(function Entry(props: { annotation: Annotation; text: string; selected: boolean; onSelect(id: string): void }) {
  const { annotation, selected } = props;
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const label = TAG_LABELS[annotation.tag];
  const words = excerpt(props.text, annotation);
  return (
    <li className={`entry tag-${annotation.tag}`} data-annotation-id={annotation.id} data-tag={annotation.tag}>
      <button
        ref={ref}
        type="button"
        className="entry-button"
        aria-pressed={selected}
        aria-label={`${label}: ${words}`}
        onClick={() => props.onSelect(annotation.id)}
      >
        <span className={`badge badge-${annotation.tag}`} aria-hidden="true">
          {label}
        </span>
        <span className="entry-text">{words}</span>
      </button>
    </li>
  );
});

/** Every annotation in document order, as the accessible list of what the highlights show. */
export function Sidebar(props: {
  text: string;
  annotations: readonly Annotation[];
  counts: TagCounts;
  selectedId: string | null;
  onSelect(id: string): void;
}) {
  return (
    <aside className="sidebar" aria-label="Annotations">
      <h2 className="sidebar-title">
        Annotations <span className="count">{props.annotations.length}</span>
      </h2>
      <p className="tag-counts">
        <span className="badge badge-claim">Claim {props.counts.claim}</span>
        <span className="badge badge-quote">Quote {props.counts.quote}</span>
        <span className="badge badge-attribution">Attribution {props.counts.attribution}</span>
      </p>
      {props.annotations.length === 0 ? (
        <p className="empty-hint">Select words in the article and press 1 (claim), 2 (quote) or 3 (attribution).</p>
      ) : (
        <ol className="entries">
          {props.annotations.map((a) => (
            <Entry key={a.id} annotation={a} text={props.text} selected={a.id === props.selectedId} onSelect={props.onSelect} />
          ))}
        </ol>
      )}
    </aside>
  );
}
