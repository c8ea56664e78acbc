import type { StoreProblem } from '../../../shared/ipc/contract';

/** Store files that could not be read at start: which, why, and where the file was kept. */
export function StoreProblems(props: { problems: readonly StoreProblem[]; onDismiss(): void }) {
  if (props.problems.length === 0) return null;
  return (
    <div className="problems" role="alert">
      {props.problems.map((p) => (
        <p key={p.file + p.reason}>
          <strong>{p.title ? `“${p.title}” could not be loaded` : `${p.store} file could not be read`}</strong>: {p.reason}
          {p.movedTo ? ` The file was kept as ${p.movedTo}.` : ` File: ${p.file}.`}
        </p>
      ))}
      <button type="button" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
