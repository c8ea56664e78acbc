import type { ResponseOf } from '../../../shared/ipc/contract';
import { TAG_LABELS } from '../../../shared/model/types';
import { Modal } from '../common/Modal';

/** An earlier version, read-only: its text and its annotations as they were. */
export function VersionDialog(props: { version: ResponseOf<'versions:open'>; onClose(): void }) {
  const { version } = props;
  const sorted = [...version.annotations].sort((a, b) => a.spans[0]!.start - b.spans[0]!.start);
  return (
    <Modal title={`Version ${version.number} (read-only)`} onClose={props.onClose}>
      <p className="version-note">
        {version.annotations.length} annotations as they were on this version{version.orphans.length ? `, ${version.orphans.length} unplaced` : ''}.
      </p>
      <div className="version-text" tabIndex={0} aria-label={`Text of version ${version.number}`}>
        {version.text.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <ul className="version-annotations" aria-label="Annotations on this version">
        {sorted.map((a) => (
          <li key={a.id}>
            {TAG_LABELS[a.tag]}: {a.spans.map((s) => version.text.slice(s.start, s.end)).join(' … ')}
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onClose}>Close</button>
    </Modal>
  );
}
