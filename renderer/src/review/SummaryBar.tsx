import { PAIR_CATEGORIES, type PairCategory } from '../../../shared/review/pair';
import { CATEGORY_LABELS } from './labels';

/** Counts of each category against the current colleague (as the pairs are now), the decisions, and the key to the marks. */
export function SummaryBar(props: { counts: Record<PairCategory, number>; linkDisagreements: number; decided: number; toDecide: number }) {
  return (
    <section className="summary-bar" aria-label="Summary">
      <ul className="summary-counts">
        {PAIR_CATEGORIES.map((c) => (
          <li key={c} className={`summary-count category-${c}`} data-category={c}>
            <span className="summary-label">{CATEGORY_LABELS[c]}</span> <strong>{props.counts[c]}</strong>
          </li>
        ))}
        <li className="summary-count category-links" data-category="links">
          <span className="summary-label">Link disagreements</span> <strong>{props.linkDisagreements}</strong>
        </li>
      </ul>
      <span className="summary-progress" data-decided={props.decided} data-to-decide={props.toDecide}>
        {props.decided} decided · {props.toDecide} to decide
      </span>
      {/* Open where there is room; in a small window it folds away so the text keeps the height. */}
      <details className="legend-fold" open={typeof window === 'undefined' || window.innerHeight > 700}>
        <summary>Legend</summary>
      <span className="legend" aria-label="How to read the marks">
        <span>
          <span className="side-mark side-mark-mine" aria-hidden="true" /> mine: line under
        </span>
        <span>
          <span className="side-mark side-mark-theirs" aria-hidden="true" /> theirs: line over
        </span>
        <span>dashed claim · solid quote · dotted attribution</span>
        <span>
          <span className="legend-todo" aria-hidden="true" /> to decide
        </span>
        <span>
          <span className="legend-current" aria-hidden="true" />
          <span className="legend-edge" aria-hidden="true" /> current pair: both sides / one side only
        </span>
      </span>
      </details>
    </section>
  );
}
