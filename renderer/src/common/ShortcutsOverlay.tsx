import { shortcutRows } from './keymap';
import { Modal } from './Modal';

function Rows(props: { part: 'main' | 'review' }) {
  return (
    <tbody>
      {shortcutRows(props.part).map((s) => (
        <tr key={`${s.scope}:${s.id}`}>
          <th scope="row">
            <kbd>{s.keys}</kbd>
          </th>
          <td>{s.action}</td>
        </tr>
      ))}
    </tbody>
  );
}

/** The `?` overlay: the keymap as it is bound (renderer/src/common/keymap.ts). */
export function ShortcutsOverlay(props: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose} className="shortcuts">
      <table>
        <Rows part="main" />
      </table>
      <h3>In review mode</h3>
      <table>
        <Rows part="review" />
      </table>
      <div className="modal-actions">
        <button type="button" autoFocus onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
