import { useEffect, useRef, useState } from 'react';
import type { ExportPrefs } from '../../../shared/ipc/contract';
import { Modal } from '../common/Modal';
import { FORMAT_CHOICES } from './labels';
import './transfer.css';

/**
 * Choose the export format (and, for Newsmark JSON, whether to include the article text),
 * then the native save dialog (one article) or folder dialog (all articles) follows.
 */
export function ExportDialog(props: { mode: 'one' | 'all'; initial: ExportPrefs; count?: number; onExport(prefs: ExportPrefs): void; onCancel(): void }) {
  const [format, setFormat] = useState(props.initial.format);
  const [includeText, setIncludeText] = useState(props.initial.includeText);
  const all = props.mode === 'all';
  const form = useRef<HTMLFormElement>(null);
  // Focus the chosen format once the dialog is open (Modal opens it in its own effect, which runs first).
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input[name="export-format"]:checked')?.focus(), []);
  return (
    <Modal title={all ? 'Export all articles' : 'Export annotations'} onClose={props.onCancel} className="export-dialog">
      {/* Keys typed here are the dialog's: they must not reach the article (1/2/3 tag, Delete deletes). */}
      <form
        ref={form}
        onKeyDown={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          props.onExport({ format, includeText });
        }}
      >
        {!all && props.count !== undefined && (
          <p className="export-lead">
            The {props.count === 1 ? 'annotation' : `${props.count.toLocaleString('en-US')} annotations`} of this article go to a file you choose next.
          </p>
        )}
        {all && (
          <p className="export-lead">
            Every article in the library{props.count !== undefined ? ` (${props.count})` : ''} is written to a folder you choose, one file per article. Files already there are never overwritten: a clashing name gets -2, -3…
          </p>
        )}
        <fieldset className="format-choices">
          <legend>Format</legend>
          {FORMAT_CHOICES.map((c) => (
            <label key={c.format} className="format-choice">
              <input type="radio" name="export-format" value={c.format} checked={format === c.format} onChange={() => setFormat(c.format)} />
              <span>
                <span className="format-name">{c.label}</span>
                <span className="format-detail">{c.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className={`include-text ${format === 'newsmark' ? '' : 'is-disabled'}`}>
          <input type="checkbox" checked={includeText} disabled={format !== 'newsmark'} onChange={(e) => setIncludeText(e.target.checked)} />
          Include the article text (Newsmark JSON; brat always writes it as .txt)
        </label>
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {all ? 'Choose folder…' : 'Export…'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
