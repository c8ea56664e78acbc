import { Modal } from './Modal';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsOverlay(props: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose} className="shortcuts">
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" autoFocus onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
