import type { DeskStatus } from '../../../shared/desk/contract';
import './desk.css';
import { statusText } from './useDesk';
import { plural } from '../common/format';

/** The desk status in the header; its shape and words carry the state, not colour alone. Opens Settings → Desk. */
export function DeskButton(props: { status: DeskStatus | null; onOpen(): void }) {
  const s = props.status;
  if (!s) return null;
  const icon = { off: '○', synced: '✓', syncing: '↻', offline: '⊘', error: '⚠' }[s.state];
  const detail = [s.reason, s.conflicts ? `${plural(s.conflicts, 'conflict')} to choose` : '', s.refused.length ? `${plural(s.refused.length, 'incoming document')} refused` : '']
    .filter(Boolean)
    .join('\n');
  return (
    <button type="button" className={`link-button desk-status desk-${s.state}`} onClick={props.onOpen} title={detail || 'Settings → Desk'} aria-label={`${statusText(s)}${s.reason ? `: ${s.reason}` : ''}. Open desk settings`}>
      <span aria-hidden="true">{icon}</span> {s.state === 'off' ? 'Desk…' : statusText(s)}
      {s.conflicts > 0 && <span className="desk-conflicts"> · {plural(s.conflicts, 'conflict')}</span>}
    </button>
  );
}
