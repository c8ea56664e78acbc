import { useEffect, useRef, useState } from 'react';
import { linkedTo } from '../../../shared/model/edits';
import { TAG_LABELS, type Annotation } from '../../../shared/model/types';
import { excerpt } from './Sidebar';

const NOTE_SAVE_DELAY_MS = 500;

/**
 * The selected annotation: its words, its note (saved as typed, after a short pause, each
 * pause one undo step) and its links.
 */
export function DetailPanel(props: {
  annotation: Annotation;
  annotations: readonly Annotation[];
  text: string;
  noteRef: React.RefObject<HTMLTextAreaElement | null>;
  onNote(id: string, note: string): void;
  onUnlink(fromId: string, toId: string): void;
  onStartLink(): void;
  onSelect(id: string): void;
}) {
  const { annotation, text } = props;
  const [note, setNote] = useState(annotation.note);
  const timer = useRef<number | undefined>(undefined);
  const pendingNote = useRef<string | null>(null);
  const saveNote = props.onNote;
  const id = annotation.id;

  // Another change (undo, a colleague's accept) replaced the note: show it, unless typing.
  useEffect(() => {
    if (pendingNote.current === null) setNote(annotation.note);
  }, [annotation.note]);

  // Leaving the annotation or the panel saves what was typed.
  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      if (pendingNote.current !== null) saveNote(id, pendingNote.current);
      pendingNote.current = null;
    },
    [id, saveNote],
  );

  const flush = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    if (pendingNote.current !== null) saveNote(id, pendingNote.current);
    pendingNote.current = null;
  };

  const { sources, sourced } = linkedTo(props.annotations, annotation.id);
  const label = TAG_LABELS[annotation.tag];

  return (
    <section className="detail" aria-label={`Selected ${label.toLowerCase()}`}>
      <p className="detail-head">
        <span className={`badge badge-${annotation.tag}`}>{label}</span>
        {annotation.spans.length > 1 && <span className="entry-meta"> {annotation.spans.length} fragments</span>}
      </p>
      <p className="detail-text">{excerpt(text, annotation, 400)}</p>
      <label className="note-label">
        Note <kbd>N</kbd>
        <textarea
          ref={props.noteRef}
          className="note"
          rows={3}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            pendingNote.current = e.target.value;
            if (timer.current !== undefined) clearTimeout(timer.current);
            timer.current = window.setTimeout(flush, NOTE_SAVE_DELAY_MS);
          }}
          onBlur={flush}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              flush();
              (document.querySelector('.article-text') as HTMLElement | null)?.focus();
            }
          }}
        />
      </label>
      {annotation.tag !== 'attribution' ? (
        <div className="links">
          <p className="links-title">Attributed to</p>
          {sources.length === 0 && <p className="empty-hint small">Nobody yet.</p>}
          <ul>
            {sources.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-button" onClick={() => props.onSelect(s.id)}>
                  {excerpt(text, s, 60)}
                </button>
                <button type="button" className="danger-quiet" aria-label={`Remove the attribution to ${excerpt(text, s, 60)}`} onClick={() => props.onUnlink(annotation.id, s.id)}>
                  Unlink
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={props.onStartLink}>
            Attribute to… <kbd>L</kbd>
          </button>
        </div>
      ) : (
        <div className="links">
          <p className="links-title">Sources</p>
          {sourced.length === 0 && <p className="empty-hint small">No quote or claim is attributed to this yet.</p>}
          <ul>
            {sourced.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-button" onClick={() => props.onSelect(s.id)}>
                  {TAG_LABELS[s.tag]}: {excerpt(text, s, 60)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
