import { useState } from 'react';
import { Modal } from '../common/Modal';

export interface NewArticle {
  text: string;
  title?: string;
  outlet?: string;
  url?: string;
}

/** Paste an article's text; title, outlet and URL are optional (the title defaults to the first sentence). */
export function NewArticleDialog(props: { onCreate(article: NewArticle): Promise<string | null>; onCancel(): void }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [warned, setWarned] = useState(false);
  const typed = [text, title, outlet, url].some((v) => v.trim() !== '');

  // Escape over typed text is refused once, with a word; a second Escape (or Cancel) discards it.
  const onEscape = () => {
    if (!typed || warned) return props.onCancel();
    setWarned(true);
    setError('Escape again (or Cancel) discards what you typed.');
  };

  const submit = async () => {
    if (!text.trim()) return setError('Paste the article text first.');
    if (url.trim() && !/^https?:\/\/\S+$/i.test(url.trim())) return setError('The URL must start with http:// or https://.');
    setBusy(true);
    const problem = await props.onCreate({
      text,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(outlet.trim() ? { outlet: outlet.trim() } : {}),
      ...(url.trim() ? { url: url.trim() } : {}),
    });
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <Modal title="New article" onClose={onEscape} className="new-article">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <label>
          Article text
          <textarea name="text" rows={12} value={text} onChange={(e) => setText(e.target.value)} autoFocus required />
        </label>
        <div className="field-row">
          <label>
            Title <span className="optional">(optional)</span>
            <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            Outlet <span className="optional">(optional)</span>
            <input name="outlet" value={outlet} onChange={(e) => setOutlet(e.target.value)} />
          </label>
        </div>
        <label>
          URL <span className="optional">(optional)</span>
          <input name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Add to library <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </form>
    </Modal>
  );
}
