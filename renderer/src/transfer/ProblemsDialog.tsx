import type { Problem } from '../../../shared/issues';
import { Modal } from '../common/Modal';
import './transfer.css';

const SHOWN = 200;

/** A file that could not be imported: what is wrong and where, every problem listed. Nothing changed. */
export function ProblemsDialog(props: { title: string; message: string; problems: readonly Problem[]; onClose(): void }) {
  const [lead] = props.message.split('\n');
  return (
    <Modal title={props.title} onClose={props.onClose} className="problems-dialog">
      <div onKeyDown={(e) => e.stopPropagation()}>
        <p className="problems-lead">{props.problems.length ? lead : props.message}</p>
        {props.problems.length > 0 && (
          <div className="problems-scroll" tabIndex={0} aria-label="Problems">
            <table className="problems-table">
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {props.problems.slice(0, SHOWN).map((p, i) => (
                  <tr key={i}>
                    <td>
                      <code>{p.where}</code>
                    </td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {props.problems.length > SHOWN && <p>… and {(props.problems.length - SHOWN).toLocaleString('en-US')} more.</p>}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={props.onClose}>
            OK
          </button>
        </div>
      </div>
    </Modal>
  );
}
