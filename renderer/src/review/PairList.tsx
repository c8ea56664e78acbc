import { memo, useEffect, useRef } from 'react';
import type { Pair } from '../../../shared/review/pair';
import type { StoredDecision } from '../../../shared/review/review-state';
import { CATEGORY_LABELS, DECISION_LABELS, describe } from './labels';

const Row = memo(function Row(props: {
  pair: Pair;
  text: string;
  current: boolean;
  decision: StoredDecision | undefined;
  holds: boolean;
  colleague: string;
  onSelect(id: string): void;
}) {
  const { pair, decision } = props;
  const ref = useRef<HTMLButtonElement>(null);
  const { current } = props;
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const status = decision && props.holds ? DECISION_LABELS[decision.decision.kind] : 'To decide';
  return (
    <li className={`pair-row category-row-${pair.category} ${decision && props.holds ? 'decided' : 'undecided'}`} data-pair-id={pair.id}>
      <button ref={ref} type="button" className="pair-row-button" aria-current={props.current ? 'true' : undefined} onClick={() => props.onSelect(pair.id)}>
        <span className="pair-row-head">
          <span className={`category category-${pair.category}`}>{CATEGORY_LABELS[pair.category]}</span>
          {pair.links === 'different' && <span className="category category-links">links differ</span>}
          <span className={`pair-status ${decision && props.holds ? `status-${decision.decision.kind}` : 'status-todo'}`}>{status}</span>
        </span>
        <span className="pair-row-text">
          <span className="row-who">Mine</span> {describe(props.text, pair.mine)}
        </span>
        <span className="pair-row-text">
          <span className="row-who">{props.colleague}</span> {describe(props.text, pair.theirs)}
        </span>
      </button>
    </li>
  );
});

/** Every disagreement in document order: the accessible list of what the marks show. */
export function PairList(props: {
  pairs: readonly Pair[];
  text: string;
  currentId: string | undefined;
  decided: ReadonlyMap<string, StoredDecision>;
  holds(pair: Pair): boolean;
  colleague: string;
  onSelect(id: string): void;
}) {
  if (props.pairs.length === 0) return null;
  return (
    <ol className="pair-list" aria-label="Disagreements">
      {props.pairs.map((p) => (
        <Row
          key={p.id}
          pair={p}
          text={props.text}
          current={p.id === props.currentId}
          decision={props.decided.get(p.id)}
          holds={props.holds(p)}
          colleague={props.colleague}
          onSelect={props.onSelect}
        />
      ))}
    </ol>
  );
}
