import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { Operation } from '../../../shared/model/operations';
import { SOURCE_KINDS, SOURCE_KIND_LABELS, type SourceKind } from '../../../shared/model/source-kind';
import { spanText } from '../../../shared/model/spans';
import type { Annotation } from '../../../shared/model/types';
import { articleSources, kindsLine, unitLabel, unsourcedLine, weakLine, type SourceGroup } from '../../../shared/sources';
import { KindChart, KIND_MARKS } from './KindChart';
import { mergeGroups, setGroupKind, splitOut } from './source-edits';
import './sources.css';

/** Keys 1–7 on a focused source set its kind, in this order. */
export const KIND_KEYS: readonly SourceKind[] = SOURCE_KINDS;

interface Props {
  text: string;
  annotations: readonly Annotation[];
  /** Select an annotation and scroll the text to it. */
  onSelect(id: string): void;
  onChange(op: Operation, message: string): void;
}

const stamp = () => new Date().toISOString();
const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Who the story rests on: every source, grouped, with its kind (editable with a key or the
 * menu), cues and the quotes and claims on it; a summary line and chart at the top.
 */
export function SourcesPanel(props: Props) {
  const { groups, summary } = useMemo(() => articleSources(props.text, props.annotations), [props.text, props.annotations]);
  const listRef = useRef<HTMLUListElement>(null);
  const byId = useMemo(() => new Map(props.annotations.map((a) => [a.id, a])), [props.annotations]);

  const setKind = (g: SourceGroup, kind: SourceKind) => {
    const op = setGroupKind(props.annotations, g, kind, stamp());
    if (op) props.onChange(op, `${g.label}: ${SOURCE_KIND_LABELS[kind]}`);
  };
  const merge = (g: SourceGroup, key: string) => {
    const into = groups.find((x) => x.key === key);
    const op = into && mergeGroups(props.annotations, g, into, stamp());
    if (op && into) props.onChange(op, `Merged ${g.label} into ${into.label}`);
  };

  /** ↑/↓ move between sources, Home/End to the ends, 1–7 set the kind; nothing reaches the article's keys. */
  const onRowKey = (e: KeyboardEvent<HTMLElement>, g: SourceGroup, index: number) => {
    if (e.target instanceof HTMLSelectElement) return e.stopPropagation();
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-source-row]');
    const go = (i: number) => rows?.[Math.max(0, Math.min(rows.length - 1, i))]?.focus();
    if (e.key === 'ArrowDown') go(index + 1);
    else if (e.key === 'ArrowUp') go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(groups.length - 1);
    else if (/^[1-7]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) setKind(g, KIND_KEYS[Number(e.key) - 1]!);
    else if (e.key === 'Enter') props.onSelect(g.units[0]!.id);
    else return e.stopPropagation();
    e.preventDefault();
    e.stopPropagation();
  };

  const unsourced = [...summary.unsourcedClaims, ...summary.unsourcedQuotes].map((id) => byId.get(id)).filter((a): a is Annotation => !!a);
  return (
    <section className="sources-panel" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p className="sources-summary" data-testid="sources-summary">{kindsLine(summary)}</p>
      <p className="sources-weak">{weakLine(summary)}</p>
      <KindChart counts={summary.byKind} caption="Attributions by kind of source" id="sources-kind-table" />
      <p className="sources-unsourced">{unsourcedLine(summary)}</p>
      {unsourced.length > 0 && (
        <ul className="sources-unsourced-list" aria-label="Quotes and claims with no source">
          {unsourced.map((a) => (
            <li key={a.id}>
              <button type="button" className="link-button" onClick={() => props.onSelect(a.id)}>
                {a.tag === 'quote' ? 'Quote' : 'Claim'}: {short(spanText(props.text, a.spans))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="sources-help" id="sources-help">↑/↓ move between sources, 1–7 set the kind ({KIND_KEYS.map((k, i) => `${i + 1} ${SOURCE_KIND_LABELS[k].toLowerCase()}`).join(', ')}), Enter goes to the text.</p>
      <ul className="sources-list" ref={listRef} aria-label="Sources">
        {groups.map((g, i) => (
          <li key={g.key} className="source-group" data-source-key={g.key} data-kind={g.kind}>
            <div className="source-row" tabIndex={0} data-source-row aria-describedby="sources-help" aria-label={`${g.label}: ${SOURCE_KIND_LABELS[g.kind]}${g.edited ? ' (chosen)' : ' (proposed)'}, ${g.units.length} attributions, ${g.quoteIds.length} quotes, ${g.claimIds.length} claims`} onKeyDown={(e) => onRowKey(e, g, i)} onClick={() => props.onSelect(g.units[0]!.id)}>
              <span className={`kind-key kind-${g.kind}`} aria-hidden="true">{KIND_MARKS[g.kind]}</span>
              <span className="source-label">{short(g.label, 60)}</span>
              <span className="source-counts">
                {g.units.length}× · {g.quoteIds.length} quote{g.quoteIds.length === 1 ? '' : 's'} · {g.claimIds.length} claim{g.claimIds.length === 1 ? '' : 's'}
              </span>
            </div>
            <div className="source-controls">
              <label>
                Kind{g.edited ? '' : ' (proposed)'}{' '}
                <select value={g.kind} onChange={(e) => setKind(g, e.target.value as SourceKind)} onKeyDown={(e) => e.stopPropagation()}>
                  {SOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>{SOURCE_KIND_LABELS[k]}</option>
                  ))}
                </select>
              </label>
              {groups.length > 1 && (
                <label>
                  Merge into{' '}
                  <select value="" onChange={(e) => merge(g, e.target.value)} onKeyDown={(e) => e.stopPropagation()}>
                    <option value="">—</option>
                    {groups.filter((x) => x !== g).map((x) => (
                      <option key={x.key} value={x.key}>{short(x.label, 40)}</option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            <ul className="source-units" aria-label={`Attributions of ${g.label}`}>
              {g.units.map((u) => (
                <li key={u.id}>
                  <button type="button" className="link-button" onClick={() => props.onSelect(u.id)} title={`Proposed ${SOURCE_KIND_LABELS[u.proposed.kind].toLowerCase()}: ${u.proposed.rule}`}>
                    {short(unitLabel(u), 40)}{u.cue && unitLabel(u) !== `${u.words} ${u.cue}`.trim() ? ` — ${short(u.cue, 30)}` : ''}
                  </button>
                  {g.units.length > 1 && (
                    <button type="button" className="small-button" onClick={() => { const op = splitOut(props.annotations, u.id, stamp()); if (op) props.onChange(op, `${unitLabel(u)} is its own source`); }}>
                      Split out
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {groups.length === 0 && <p>This article has no attributions yet. Tag who said something with 3, then link quotes and claims to it with L.</p>}
    </section>
  );
}
