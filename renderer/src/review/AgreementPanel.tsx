import { useMemo, useState } from 'react';
import { TAG_LABELS, TAGS, type Annotation } from '../../../shared/model/types';
import { agreement, multiAgreement, type Prf } from '../../../shared/review/metrics';
import { tokenize } from '../../../shared/review/tokens';
import { PAIR_CATEGORIES } from '../../../shared/review/pair';
import { CATEGORY_LABELS, fixed } from './labels';

export interface Annotator {
  key: string;
  name: string;
  annotations: readonly Annotation[];
}

const prfCells = (p: Prf, what: string) => [
  <td key={`${what}p`}>{fixed(p.precision)}</td>,
  <td key={`${what}r`}>{fixed(p.recall)}</td>,
  <td key={`${what}f`} className="f1">
    {fixed(p.f1)}
  </td>,
];

/**
 * The agreement numbers between any two annotators (me or a colleague), computed by the
 * same code as `newsmark agree`: per tag and overall exact-span and overlap-span P/R/F1,
 * Cohen's kappa over word tokens, link agreement; Fleiss' kappa with three or more.
 */
export function AgreementPanel(props: { text: string; annotators: readonly Annotator[]; defaultA: string; defaultB: string }) {
  const [aKey, setA] = useState(props.defaultA);
  const [bKey, setB] = useState(props.defaultB);
  const tokens = useMemo(() => tokenize(props.text), [props.text]);
  const a = props.annotators.find((x) => x.key === aKey) ?? props.annotators[0]!;
  const b = props.annotators.find((x) => x.key === bKey) ?? props.annotators[1] ?? props.annotators[0]!;
  const result = useMemo(() => agreement(props.text, a.annotations, b.annotations, { tokens }), [props.text, a.annotations, b.annotations, tokens]);
  // Fleiss over everyone: the colleagues, and me when I have tagged anything.
  const fleissOver = useMemo(() => props.annotators.filter((x) => x.key !== 'mine' || x.annotations.length > 0), [props.annotators]);
  const fleiss = useMemo(
    () => (fleissOver.length >= 3 ? multiAgreement(props.text, fleissOver.map((x) => x.annotations), tokens) : undefined),
    [props.text, tokens, fleissOver],
  );
  const total = (side: 'mine' | 'theirs') => TAGS.reduce((n, t) => n + result.perTag[t][side], 0);
  const select = (value: string, on: (v: string) => void, label: string) => (
    <select aria-label={label} value={value} onChange={(e) => on(e.target.value)}>
      {props.annotators.map((x) => (
        <option key={x.key} value={x.key}>
          {x.name}
        </option>
      ))}
    </select>
  );
  return (
    <section className="agreement" aria-label="Agreement">
      <p className="agreement-pick">
        Agreement of {select(a.key, setA, 'First annotator')} with {select(b.key, setB, 'Second annotator')}
        <span className="agreement-note"> — precision reads the second against the first; F1 and kappa do not depend on the order.</span>
      </p>
      <p className="agreement-pairs" data-testid="agreement-pairs">
        {PAIR_CATEGORIES.map((c) => `${result.counts[c]} ${CATEGORY_LABELS[c].toLowerCase()}`).join(' · ')} · {result.tokens} word tokens
      </p>
      <table className="agreement-table">
        <thead>
          <tr>
            <th rowSpan={2} scope="col">
              <span className="visually-hidden">Tag</span>
            </th>
            <th colSpan={3} scope="colgroup">
              Exact spans
            </th>
            <th colSpan={3} scope="colgroup">
              Overlapping spans
            </th>
            <th rowSpan={2} scope="col">
              Cohen’s κ
            </th>
            <th rowSpan={2} scope="col">
              {a.name}
            </th>
            <th rowSpan={2} scope="col">
              {b.name}
            </th>
          </tr>
          <tr>
            <th scope="col">P</th>
            <th scope="col">R</th>
            <th scope="col">F1</th>
            <th scope="col">P</th>
            <th scope="col">R</th>
            <th scope="col">F1</th>
          </tr>
        </thead>
        <tbody>
          {TAGS.map((t) => {
            const row = result.perTag[t];
            return (
              <tr key={t} data-row={t}>
                <th scope="row">{TAG_LABELS[t]}</th>
                {prfCells(row.exact, 'e')}
                {prfCells(row.overlap, 'o')}
                <td>{fixed(row.kappa)}</td>
                <td>{row.mine}</td>
                <td>{row.theirs}</td>
              </tr>
            );
          })}
          <tr data-row="overall" className="overall">
            <th scope="row">Overall</th>
            {prfCells(result.overall.exact, 'e')}
            {prfCells(result.overall.overlap, 'o')}
            <td>{fixed(result.overall.kappa)}</td>
            <td>{total('mine')}</td>
            <td>{total('theirs')}</td>
          </tr>
        </tbody>
      </table>
      <p className="agreement-links" data-testid="agreement-links">
        Links (quote or claim → attribution): P {fixed(result.links.precision)} · R {fixed(result.links.recall)} · F1 {fixed(result.links.f1)} ({result.links.matched} matched; {result.links.mine}{' '}
        {a.name}, {result.links.theirs} {b.name})
      </p>
      {fleiss ? (
        <p className="agreement-fleiss" data-testid="agreement-fleiss">
          Fleiss’ κ over {fleiss.annotators} annotators ({fleissOver.map((x) => x.name).join(', ')}): <strong>{fixed(fleiss.kappa)}</strong> —{' '}
          {TAGS.map((t) => `${TAG_LABELS[t].toLowerCase()} ${fixed(fleiss.perTag[t])}`).join(', ')}
        </p>
      ) : (
        <p className="agreement-fleiss-hint">Fleiss’ κ appears with three or more annotators.</p>
      )}
      <p className="agreement-help">
        Exact: same spans and same tag. Overlapping: shares a character with one of the same tag. κ is computed over word tokens, each labelled with the
        most specific tag covering it (attribution &gt; quote &gt; claim) or none. “—”: neither annotator used the tag, so there is nothing to compare. Same numbers as <code>newsmark agree</code>; see the review guide.
      </p>
    </section>
  );
}
