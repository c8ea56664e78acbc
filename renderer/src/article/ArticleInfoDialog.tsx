import { useEffect, useState } from 'react';
import { cleanSource, composePublished, detailsProblems, LIMITS, publishedParts } from '../../../shared/article/source';
import { NewsmarkError } from '../../../shared/ipc/bridge';
import type { ArticleSummary } from '../../../shared/ipc/contract';
import type { ArticleSource } from '../../../shared/model/types';
import { api, errorMessage } from '../api';
import { announce } from '../common/announcer';
import { Modal } from '../common/Modal';
import './article-info.css';

type Field = 'title' | 'outlet' | 'byline' | 'url' | 'published';
export interface ArticleDetails {
  title: string;
  source: ArticleSource;
}

/**
 * Article info: title, outlet, byline, URL and published date and time, checked as the
 * user saves (and again by main), stored with article:update.
 */
export function ArticleInfoDialog(props: { articleId: string; details: ArticleDetails; onSaved(summary: ArticleSummary): void; onClose(): void }) {
  const { source } = props.details;
  const parts = publishedParts(source.published);
  const [title, setTitle] = useState(props.details.title);
  const [outlet, setOutlet] = useState(source.outlet ?? '');
  const [byline, setByline] = useState(source.byline ?? '');
  const [url, setUrl] = useState(source.url ?? '');
  const [date, setDate] = useState(parts?.date ?? '');
  const [time, setTime] = useState(parts?.time ?? '');
  /** A stored date the fields cannot show stays as it is until the user sets one. */
  const [dateTouched, setDateTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => announce('Article info. Edit the title, outlet, byline, URL and published time.'), []);

  const save = async () => {
    const found: Partial<Record<Field, string>> = {};
    let value: string | undefined;
    if (!dateTouched && !parts) value = source.published; // none, or unreadable: left as it was
    else if (!date && time) found.published = 'Give the date too, or clear the time.';
    else value = composePublished(date, time, source.published);
    const next = cleanSource({ outlet, byline, url, ...(value !== undefined ? { published: value } : {}) });
    // Only what the user changed is judged: an odd value from an import can stay as it was.
    const changed: ArticleSource = {};
    for (const key of ['outlet', 'url', 'byline', 'published'] as const) if (next[key] !== undefined && next[key] !== source[key]) changed[key] = next[key];
    for (const p of detailsProblems({ title, source: changed })) found[p.where as Field] ??= p.message;
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      announce(`Not saved: ${Object.values(found).join(' ')}`);
      const first = (['title', 'outlet', 'byline', 'url', 'published'] as const).find((f) => found[f]);
      document.getElementById(`info-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const summary = await api().invoke('article:update', { id: props.articleId, title: title.trim(), source: next });
      announce('Article info saved');
      props.onSaved(summary);
    } catch (error) {
      const fields = ['title', 'outlet', 'byline', 'url', 'published'] as const;
      const fromMain: Partial<Record<Field, string>> = {};
      if (error instanceof NewsmarkError) for (const p of error.problems) if ((fields as readonly string[]).includes(p.where)) fromMain[p.where as Field] ??= p.message;
      const first = fields.find((f) => fromMain[f]);
      if (first) {
        // Each message is shown at its field; the summary only points there.
        setErrors(fromMain);
        setFailure('Not saved: correct the field marked above.');
        announce(`Not saved: ${Object.values(fromMain).join(' ')}`);
        document.getElementById(`info-${first}`)?.focus();
      } else setFailure(`Not saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, input: React.ReactElement, hint?: string) => (
    <div className="info-field">
      <label htmlFor={`info-${name}`}>{label}</label>
      {input}
      {hint && !errors[name] && (
        <p className="field-hint" id={`info-${name}-hint`}>
          {hint}
        </p>
      )}
      {errors[name] && (
        <p className="form-error" id={`info-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
  const described = (name: Field, hint?: boolean) => ({
    id: `info-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `info-${name}-error` : hint ? `info-${name}-hint` : undefined,
  });

  return (
    <Modal title="Article info" onClose={props.onClose} className="article-info">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        {field('title', 'Title', <input {...described('title')} value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} autoFocus />)}
        <div className="field-row">
          {field('outlet', 'Outlet', <input {...described('outlet')} value={outlet} onChange={(e) => setOutlet(e.target.value)} />)}
          {field('byline', 'Byline', <input {...described('byline')} value={byline} onChange={(e) => setByline(e.target.value)} />)}
        </div>
        {field(
          'url',
          'URL',
          <input {...described('url', true)} type="url" inputMode="url" value={url} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />,
          'Shown for reference and copying; Newsmark never opens it.',
        )}
        {field(
          'published',
          'Published',
          <span className="date-time">
            <input
              {...described('published', true)}
              type="date"
              aria-label="Published date"
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                setDateTouched(true);
              }}
            />
            <input
              type="time"
              aria-label="Published time"
              value={time}
              onChange={(e) => {
                setTime(e.target.value);
                setDateTouched(true);
              }}
            />
            <button
              type="button"
              onClick={() => {
                setDate('');
                setTime('');
                setDateTouched(true);
              }}
            >
              Clear
            </button>
          </span>,
          !parts && source.published && !dateTouched ? `Stored as “${source.published}”, which Newsmark cannot read as a date; it is kept unless you set a date.` : 'The time is optional.',
        )}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </form>
    </Modal>
  );
}
