import type { Problem } from '../../../shared/issues';
import { Modal } from '../common/Modal';
import { ProblemList } from './ProblemList';
import './transfer.css';

/** A file that could not be imported: what is wrong and where, the first problems listed (all of them one click away). Nothing changed. */
export function ProblemsDialog(props: { title: string; message: string; problems: readonly Problem[]; onClose(): void }) {
  const [lead] = props.message.split('\n');
  return (
    <Modal title={props.title} onClose={props.onClose} className="problems-dialog">
      <div onKeyDown={(e) => e.stopPropagation()}>
        <p className="problems-lead">{props.problems.length ? lead : props.message}</p>
        {props.problems.length > 0 && <ProblemList problems={props.problems} />}
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={props.onClose}>
            OK
          </button>
        </div>
      </div>
    </Modal>
  );
}
