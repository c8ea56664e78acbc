/** The running import: which file of how many, as a bar and in words. */
export function ImportProgress(props: { done: number; total: number; current: string }) {
  const n = Math.min(props.done + 1, props.total);
  return (
    <div className="import-progress">
      <span id="import-progress-label">
        Importing {n} of {props.total}: <span className="import-file">{props.current}</span>
      </span>
      <progress aria-labelledby="import-progress-label" value={props.done} max={props.total} aria-valuetext={`${props.done} of ${props.total} files imported`} />
    </div>
  );
}
