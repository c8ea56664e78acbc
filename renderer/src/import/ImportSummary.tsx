import type { ImportOutcome } from '../../../shared/ipc/contract';
import { Modal } from '../common/Modal';
import { plural } from '../common/format';
import { ProblemList } from '../transfer/ProblemList';
import '../transfer/transfer.css';

type Imported = Extract<ImportOutcome, { status: 'imported' }>;
type Failed = Extract<ImportOutcome, { status: 'failed' }>;

/** Imported ones listed in the summary; the rest are counted. */
const LISTED = 12;

export function summaryLine(outcomes: readonly ImportOutcome[]): string {
  const ok = outcomes.filter((o) => o.status === 'imported').length;
  if (ok === 0) return outcomes.length === 1 ? 'The file was not imported.' : `None of the ${outcomes.length} files was imported.`;
  return ok === outcomes.length ? `Imported ${plural(ok, 'file')}.` : `Imported ${ok} of ${plural(outcomes.length, 'file')}.`;
}

export function describeImported(o: Imported): string {
  return o.restored ? `“${o.article.title}” with ${plural(o.annotations, 'annotation')}` : `“${o.article.title}”`;
}

/** One summary for a whole batch: what came in, and every file that did not, with why. */
export function ImportSummary(props: { outcomes: readonly ImportOutcome[]; onOpen(id: string): void; onClose(): void }) {
  const imported = props.outcomes.filter((o): o is Imported => o.status === 'imported');
  const failed = props.outcomes.filter((o): o is Failed => o.status === 'failed');
  return (
    <Modal title="Import finished" onClose={props.onClose} className="import-summary">
      <p className="summary-line">{summaryLine(props.outcomes)}</p>
      {failed.length > 0 && (
        <section aria-labelledby="import-failed">
          <h3 id="import-failed">{failed.length === 1 ? 'Not imported:' : `Not imported (${failed.length}):`}</h3>
          <ul className="import-failures">
            {failed.map((f, i) => (
              <li key={i}>
                <strong>{f.file}</strong>: {f.problems?.length ? f.reason.split('\n')[0] : f.reason}
                {f.problems?.length ? <ProblemList problems={f.problems} label={`Problems in ${f.file}`} /> : null}
              </li>
            ))}
          </ul>
        </section>
      )}
      {imported.length > 0 && (
        <section aria-labelledby="import-done">
          <h3 id="import-done">Added to the library:</h3>
          <ul className="import-successes">
            {imported.slice(0, LISTED).map((o) => (
              <li key={o.article.id}>
                <button type="button" className="link-button" onClick={() => props.onOpen(o.article.id)}>
                  {describeImported(o)}
                </button>{' '}
                <span className="import-from">from {o.file}</span>
              </li>
            ))}
            {imported.length > LISTED && <li>… and {plural(imported.length - LISTED, 'more article')}</li>}
          </ul>
        </section>
      )}
      <div className="modal-actions">
        <button type="button" className="primary" data-autofocus onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
