import { useEffect, useState } from 'react';
import { plural } from '../common/format';
import type { DeskConflict, DeskStatus } from '../../../shared/desk/contract';
import type { Author } from '../../../shared/model/types';
import { TAG_LABELS } from '../../../shared/model/types';
import { api, errorMessage } from '../api';
import { Modal } from '../common/Modal';
import { statusText } from './useDesk';

/**
 * Settings → Desk: my name (the id colleagues see stays), the desk server, database, user and
 * password. The password goes to main and never comes back; the form shows whether one is stored.
 */
export function DeskDialog(props: { status: DeskStatus; user: Author; onUser(user: Author): Promise<void>; onStatus(s: DeskStatus): void; onClose(): void }) {
  const { status } = props;
  const [name, setName] = useState(props.user.name);
  const [url, setUrl] = useState(status.server?.url ?? 'https://');
  const [database, setDatabase] = useState(status.server?.database ?? '');
  const [user, setUser] = useState(status.server?.user ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<DeskConflict[]>([]);

  useEffect(() => {
    if (status.conflicts > 0) void api().invoke('desk:conflicts', {}).then((r) => setConflicts(r.conflicts), () => undefined);
    else setConflicts([]);
  }, [status.conflicts]);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      if (name.trim() && name.trim() !== props.user.name) await props.onUser({ id: props.user.id, name: name.trim() });
      props.onStatus(await api().invoke('desk:join', { url: url.trim(), database: database.trim(), user: user.trim(), password }));
      setPassword('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Settings · Desk" onClose={props.onClose} className="desk-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <fieldset>
          <legend>Me</legend>
          <label>
            My name (what colleagues see)
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-autofocus />
          </label>
          <p className="hint">Id: <code>{props.user.id}</code> — it stays when the name changes.</p>
        </fieldset>
        <fieldset>
          <legend>Desk server</legend>
          <label>
            Server address
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://desk.example.org" inputMode="url" spellCheck={false} />
          </label>
          <label>
            Database
            <input value={database} onChange={(e) => setDatabase(e.target.value)} placeholder="politics-desk" spellCheck={false} />
          </label>
          <label>
            User name
            <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" spellCheck={false} />
          </label>
          <label>
            Password
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" placeholder={status.server ? 'stored (enter to change)' : ''} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={status.shareNew} onChange={(e) => void api().invoke('desk:settings', { shareNew: e.target.checked }).then(props.onStatus, (x: unknown) => setError(errorMessage(x)))} />
            Share new articles with the desk
          </label>
        </fieldset>
        <p className={`desk-state desk-${status.state}`} role="status">
          {statusText(status)}
          {status.reason ? ` — ${status.reason}` : ''}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {status.refused.length > 0 && (
          <details className="desk-refused">
            <summary>{plural(status.refused.length, 'incoming document')} refused</summary>
            <ul>
              {status.refused.map((r) => (
                <li key={r.id + r.at}>
                  <code>{r.id}</code>: {r.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
        {conflicts.length > 0 && (
          <section className="desk-conflict-list" aria-label="Conflicts">
            <h3>Edited on two computers — choose the version to keep</h3>
            {conflicts.map((c) => (
              <div key={c.docId} className="desk-conflict">
                {c.versions.map((v) => (
                  <div key={v.rev} className="desk-version">
                    <span>{v.annotation ? `${TAG_LABELS[v.annotation.tag]}${v.annotation.note ? ` · “${v.annotation.note}”` : ''} · ${v.annotation.spans.map((s) => `${s.start}–${s.end}`).join(', ')}` : 'deleted'}</span>
                    <button type="button" onClick={() => void api().invoke('desk:resolve', { docId: c.docId, rev: v.rev }).catch((x: unknown) => setError(errorMessage(x)))}>
                      Keep this
                    </button>
                  </div>
                ))}
              </div>
            ))}
          </section>
        )}
        <div className="modal-actions">
          {status.server && (
            <button type="button" onClick={() => void api().invoke('desk:leave', {}).then(props.onStatus, (x: unknown) => setError(errorMessage(x)))}>
              Leave the desk
            </button>
          )}
          <button type="button" onClick={props.onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy || !url.trim() || !database.trim() || !user.trim() || (!password && !status.server)}>
            {status.server ? 'Save and reconnect' : 'Join the desk'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
