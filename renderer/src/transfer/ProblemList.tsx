import { useState } from 'react';
import type { Problem } from '../../../shared/issues';
import { capProblems, moreLine } from '../../../shared/problem-cap';

/**
 * Where and what, for each problem of a bad file: the first PROBLEM_CAP and "… and N
 * more" with a "Show all" button, so one broken file cannot bury its first error.
 */
export function ProblemList(props: { problems: readonly Problem[]; label?: string }) {
  const [all, setAll] = useState(false);
  const { shown, more } = capProblems(props.problems, all);
  return (
    <div className="problems-scroll" tabIndex={0} aria-label={props.label ?? 'Problems'}>
      <table className="problems-table">
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={i}>
              <td>
                <code>{p.where}</code>
              </td>
              <td>
                {p.message}
                {p.excerpt && <pre className="problem-excerpt">{p.excerpt}</pre>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && (
        <p className="problems-more">
          {moreLine(more)}.{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            Show all {props.problems.length.toLocaleString('en-US')}
          </button>
        </p>
      )}
    </div>
  );
}
