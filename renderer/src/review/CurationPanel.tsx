import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { spanText } from '../../../shared/model/spans';
import { TAG_LABELS, TAGS, type Annotation, type Span, type Tag } from '../../../shared/model/types';
import { consensus, groupSpans, type AnnotatorFile, type SpanGroup } from '../../../shared/review/curation';
import { spansKey } from '../../../shared/review/intervals';
import { plural } from '../common/format';

const clip = (s: string) => (s.length > 180 ? `${s.slice(0, 179)}…` : s);

export interface CurationModel {
  files: AnnotatorFile[];
  groups: SpanGroup[];
}

export function curationModel(files: AnnotatorFile[]): CurationModel {
  return { files, groups: groupSpans(files) };
}

/** What I already have, by spans + tag and by spans alone. */
export function mineIndex(mine: readonly Annotation[]): { tagged: Set<string>; spans: Map<string, Tag[]> } {
  const tagged = new Set<string>();
  const spans = new Map<string, Tag[]>();
  for (const a of mine) {
    const key = spansKey(a.spans);
    tagged.add(`${a.tag}:${key}`);
    const list = spans.get(key) ?? [];
    if (!list.includes(a.tag)) list.push(a.tag);
    spans.set(key, list);
  }
  return { tagged, spans };
}

const GroupRow = memo(function GroupRow(props: { group: SpanGroup; n: number; k: number; text: string; mine: Tag[] | undefined; current: boolean; onSelect(spans: Span[]): void }) {
  const { group } = props;
  const ref = useRef<HTMLButtonElement>(null);
  const { current } = props;
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const best = Math.max(...Object.values(group.tags).map((a) => a.length));
  const tags = TAGS.filter((t) => group.tags[t]?.length);
  const words = clip(spanText(props.text, group.spans));
  const mine = props.mine?.length ? `Mine: ${props.mine.map((t) => TAG_LABELS[t]).join(', ')}` : 'Not in mine';
  return (
    <li className={`group-row ${best >= props.k ? 'group-consensus' : ''}`} data-annotators={group.annotators.length}>
      <button
        ref={ref}
        type="button"
        className="group-button"
        aria-current={props.current ? 'true' : undefined}
        onClick={() => props.onSelect(group.spans)}
      >
        <span className="group-head">
          <strong className="group-count">
            {group.annotators.length} of {props.n}
          </strong>
          {tags.map((t) => (
            <span key={t} className={`badge badge-${t}`} title={group.tags[t]!.join(', ')}>
              {TAG_LABELS[t]} ×{group.tags[t]!.length}
            </span>
          ))}
          <span className={`group-mine ${props.mine?.length ? 'in-mine' : ''}`}>{mine}</span>
        </span>
        <span className="group-text">{words}</span>
        <span className="group-who">{tags.map((t) => `${TAG_LABELS[t].toLowerCase()}: ${group.tags[t]!.join(', ')}`).join(' · ')}</span>
      </button>
    </li>
  );
});

/**
 * Three or more colleagues: each exact set of spans anyone marked, how many marked it and
 * with which tags; and "accept everything at least k of n agree on" in one undoable step.
 */
export function CurationPanel(props: {
  model: CurationModel;
  mine: readonly Annotation[];
  text: string;
  k: number;
  onK(k: number): void;
  currentKey: string | null;
  onSelect(spans: Span[]): void;
  onAccept(k: number): void;
}) {
  const n = props.model.files.length;
  const [filter, setFilter] = useState<'all' | 'consensus'>('all');
  const index = useMemo(() => mineIndex(props.mine), [props.mine]);
  const items = useMemo(() => consensus(props.model.groups, props.k), [props.model.groups, props.k]);
  const toAdd = items.filter((c) => !index.tagged.has(`${c.tag}:${spansKey(c.spans)}`)).length;
  const shown = filter === 'all' ? props.model.groups : props.model.groups.filter((g) => Object.values(g.tags).some((a) => a.length >= props.k));
  return (
    <section className="curation" aria-label="Curation">
      <div className="curation-controls">
        <label>
          Accept everything at least{' '}
          <select aria-label="How many annotators must agree" value={props.k} onChange={(e) => props.onK(Number(e.target.value))}>
            {Array.from({ length: n }, (_, i) => i + 1).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>{' '}
          of {n} agree on (same spans, same tag)
        </label>
        <button type="button" className="primary accept-consensus" disabled={toAdd === 0} onClick={() => props.onAccept(props.k)}>
          {toAdd === 0 ? 'Nothing to add' : `Add ${toAdd} to mine`}
        </button>
        <p className="curation-note">
          {plural(items.length, 'span')} reach {props.k} of {n}; {items.length - toAdd} of them you already have. One step: Ctrl/Cmd+Z takes it back.
        </p>
        <label className="curation-filter">
          Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as 'all' | 'consensus')}>
            <option value="all">every span ({props.model.groups.length})</option>
            <option value="consensus">only those reaching {props.k}</option>
          </select>
        </label>
      </div>
      <ol className="group-list" aria-label="Spans marked by the annotators">
        {shown.map((g) => {
          const key = spansKey(g.spans);
          return <GroupRow key={key} group={g} n={n} k={props.k} text={props.text} mine={index.spans.get(key)} current={key === props.currentKey} onSelect={props.onSelect} />;
        })}
      </ol>
    </section>
  );
}
