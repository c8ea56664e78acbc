import { TAG_LABELS, type Annotation } from '../../../shared/model/types';
import { allowedDecisions, type DecisionKind } from '../../../shared/review/decisions';
import type { Pair } from '../../../shared/review/pair';
import type { StoredDecision } from '../../../shared/review/review-state';
import { excerpt } from '../article/Sidebar';
import { CATEGORY_LABELS, DECISION_LABELS } from './labels';

const ACTIONS: { kind: DecisionKind; key: string; label: string; hint(pair: Pair): string }[] = [
  {
    kind: 'accept',
    key: 'A',
    label: 'Accept theirs',
    hint: (p) => (!p.theirs ? 'Remove mine: they tagged nothing here' : !p.mine ? 'Add theirs to my annotations' : 'Make mine equal to theirs'),
  },
  { kind: 'reject', key: 'R', label: 'Reject', hint: () => 'Keep mine as it is' },
  { kind: 'merge', key: 'M', label: 'Merge', hint: () => 'Mine over both spans (union), with both links' },
  { kind: 'edit', key: 'E', label: 'Edit…', hint: () => 'Choose the tag and spans yourself' },
];

function Side(props: { who: string; side: 'mine' | 'theirs'; annotation: Annotation | undefined; text: string; linked: (id: string) => Annotation | undefined }) {
  const a = props.annotation;
  return (
    <div className={`pair-side pair-side-${props.side}`}>
      <h3>
        <span className={`side-mark side-mark-${props.side}`} aria-hidden="true" />
        {props.who}
      </h3>
      {a ? (
        <>
          <p className="pair-side-text">
            <span className={`badge badge-${a.tag}`}>{TAG_LABELS[a.tag]}</span> {excerpt(props.text, a)}
          </p>
          {a.links.length > 0 && (
            <p className="pair-links">
              Attributed to:{' '}
              {a.links.map((l, i) => {
                const target = props.linked(l);
                return (
                  <span key={l}>
                    {i > 0 ? '; ' : ''}“{target ? excerpt(props.text, target) : 'an attribution not placed'}”
                  </span>
                );
              })}
            </p>
          )}
          {a.note && <p className="pair-note">Note: {a.note}</p>}
        </>
      ) : (
        <p className="pair-side-text pair-nothing">Nothing tagged here</p>
      )}
    </div>
  );
}

/** The current pair: both sides, how they differ, and the four decisions with their keys. */
export function PairPanel(props: {
  pair: Pair | undefined;
  index: number;
  total: number;
  undecided: number;
  decision: StoredDecision | undefined;
  /** The decision is recorded, but the pair changed since (e.g. an accept was undone elsewhere). */
  outdated: boolean;
  colleague: string;
  text: string;
  mineById: (id: string) => Annotation | undefined;
  theirsById: (id: string) => Annotation | undefined;
  onDecide(kind: DecisionKind): void;
}) {
  const { pair } = props;
  if (!pair) {
    return (
      <section className="pair-panel" aria-label="Current pair">
        <p className="pair-empty">
          {props.total === 0
            ? `You and ${props.colleague} agree on everything: nothing to decide.`
            : props.undecided === 0
              ? `All ${props.total} pairs are decided. Shift+N / Shift+P step through them again.`
              : `${props.undecided} of ${props.total} pairs to decide. Press N for the next.`}
        </p>
      </section>
    );
  }
  const allowed = allowedDecisions(pair);
  return (
    <section className="pair-panel" aria-label="Current pair" data-pair-id={pair.id} data-category={pair.category}>
      <h2 className="pair-title">
        <span className={`category category-${pair.category}`}>{CATEGORY_LABELS[pair.category]}</span>
        {pair.links === 'different' && <span className="category category-links">Links differ</span>}
        <span className="pair-position">{props.index >= 0 ? `${props.index + 1} of ${props.total}` : 'not a disagreement'}</span>
      </h2>
      <div className="pair-sides">
        <Side who="Mine" side="mine" annotation={pair.mine} text={props.text} linked={props.mineById} />
        <Side who={props.colleague} side="theirs" annotation={pair.theirs} text={props.text} linked={props.theirsById} />
      </div>
      {props.decision && (
        <p className={`pair-decision ${props.outdated ? 'pair-decision-outdated' : ''}`} role="status">
          {DECISION_LABELS[props.decision.decision.kind]} {new Date(props.decision.decidedAt).toLocaleString()}
          {props.outdated ? ' — changed since; decide again' : ''}
        </p>
      )}
      <div className="pair-actions" role="group" aria-label="Decide">
        {ACTIONS.map((a) => (
          <button
            key={a.kind}
            type="button"
            className={`decide decide-${a.kind}`}
            disabled={!allowed.includes(a.kind)}
            title={a.hint(pair)}
            aria-keyshortcuts={a.key}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onDecide(a.kind)}
          >
            {a.label} <kbd>{a.key}</kbd>
          </button>
        ))}
      </div>
    </section>
  );
}
