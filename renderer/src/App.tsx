import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary, OpenedArticle, PublicSettings, StoreProblem } from '../../shared/ipc/contract';
import { api, errorMessage } from './api';
import { ArticleView } from './article/ArticleView';
import { markLoaded, markOpen } from './article/paint-timing';
import { commandFromKey, dispatchAppCommand, isTextField, onAppCommand } from './common/commands';
import { ConfirmDialog } from './common/Modal';
import { ShortcutsOverlay } from './common/ShortcutsOverlay';
import { LibraryView } from './library/LibraryView';
import { NewArticleDialog, type NewArticle } from './library/NewArticleDialog';
import { useLibraryTransfer } from './transfer/useLibraryTransfer';

type View = { kind: 'loading' } | { kind: 'library' } | { kind: 'article'; opened: OpenedArticle };
interface Notice {
  id: number;
  message: string;
  kind: 'info' | 'error';
}

let noticeSeq = 0;

function useTheme(settings: PublicSettings | null) {
  useEffect(() => {
    const theme = settings?.theme ?? 'system';
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [settings?.theme]);
}

export function App() {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [problems, setProblems] = useState<StoreProblem[]>([]);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [dialog, setDialog] = useState<null | { kind: 'new' } | { kind: 'delete'; article: ArticleSummary } | { kind: 'shortcuts' }>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  useTheme(settings);

  const notify = useCallback((message: string, kind: 'info' | 'error' = 'info') => {
    const id = ++noticeSeq;
    setNotices((n) => [...n, { id, message, kind }]);
    if (kind === 'info') setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), 6000);
  }, []);

  const refresh = useCallback(async () => {
    const listing = await api().invoke('library:list', {});
    setArticles(listing.articles);
    setProblems(listing.problems);
    return listing;
  }, []);

  const open = useCallback(
    async (id: string) => {
      markOpen();
      try {
        const opened = await api().invoke('article:open', { id });
        markLoaded();
        setView({ kind: 'article', opened });
      } catch (error) {
        notify(errorMessage(error), 'error');
        await refresh();
        setView({ kind: 'library' });
      }
    },
    [notify, refresh],
  );

  useEffect(() => {
    void (async () => {
      try {
        const [s, listing] = await Promise.all([api().invoke('settings:get', {}), refresh()]);
        setSettings(s);
        const last = s.lastArticleId && listing.articles.some((a) => a.id === s.lastArticleId) ? s.lastArticleId : null;
        if (last) await open(last);
        else setView({ kind: 'library' });
      } catch (error) {
        notify(`Newsmark could not read its library: ${errorMessage(error)}`, 'error');
        setView({ kind: 'library' });
      }
    })();
  }, [notify, open, refresh]);

  const showLibrary = useCallback(async () => {
    await refresh();
    setView({ kind: 'library' });
    void api().invoke('settings:update', { lastArticleId: null });
  }, [refresh]);

  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'new-article') return setDialog({ kind: 'new' }), true;
        if (command === 'open-library') return void showLibrary(), true;
        if (command === 'show-shortcuts') return setDialog({ kind: 'shortcuts' }), true;
        return false;
      }),
    [showLibrary],
  );

  useEffect(() => api().onCommand(dispatchAppCommand), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandFromKey(event);
      if (!command) return;
      const inField = isTextField(event.target);
      if (inField && (command === 'undo' || command === 'redo' || command === 'show-shortcuts')) return;
      if (document.querySelector('dialog[open]') && command !== 'undo' && command !== 'redo') return;
      event.preventDefault();
      dispatchAppCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const transfer = useLibraryTransfer({ articleOpen: view.kind === 'article', articleCount: articles.length, refresh, open, notify });

  const onSummary = useCallback((summary: ArticleSummary) => {
    setArticles((list) => list.map((a) => (a.id === summary.id ? summary : a)));
  }, []);

  const create = async (article: NewArticle): Promise<string | null> => {
    try {
      const summary = await api().invoke('article:create', article);
      setDialog(null);
      await refresh();
      await open(summary.id);
      notify(`Added “${summary.title}”`);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  };

  const confirmDelete = async (article: ArticleSummary) => {
    setDialog(null);
    try {
      await api().invoke('article:delete', { id: article.id });
      notify(`Deleted “${article.title}”`);
      await showLibrary();
    } catch (error) {
      notify(`Could not delete: ${errorMessage(error)}`, 'error');
    }
  };

  const currentSummary = view.kind === 'article' ? articles.find((a) => a.id === view.opened.article.id) : undefined;

  return (
    <div className="app">
      <nav className="app-bar" aria-label="Newsmark">
        <span className="brand">Newsmark</span>
        {view.kind === 'article' && (
          <button type="button" className="link-button" onClick={() => void showLibrary()}>
            ← Library
          </button>
        )}
        <span className="app-bar-gap" />
        <button type="button" className="link-button" onClick={() => setDialog({ kind: 'new' })}>
          New article
        </button>
        <button type="button" className="link-button" aria-label="Keyboard shortcuts" onClick={() => setDialog({ kind: 'shortcuts' })}>
          ?
        </button>
      </nav>
      {problems.length > 0 && (
        <div className="problems" role="alert">
          {problems.map((p) => (
            <p key={p.file + p.reason}>
              <strong>{p.title ? `“${p.title}” could not be loaded` : `${p.store} file could not be read`}</strong>: {p.reason}
              {p.movedTo ? ` The file was kept as ${p.movedTo}.` : ` File: ${p.file}.`}
            </p>
          ))}
          <button type="button" onClick={() => setProblems([])}>
            Dismiss
          </button>
        </div>
      )}
      {view.kind === 'library' && (
        <LibraryView articles={articles} onOpen={(id) => void open(id)} onNew={() => setDialog({ kind: 'new' })} onDelete={(article) => setDialog({ kind: 'delete', article })} />
      )}
      {view.kind === 'article' && settings && (
        <ArticleView
          key={view.opened.article.id}
          opened={view.opened}
          user={settings.user}
          onSummary={onSummary}
          onNotice={notify}
          onDelete={() => currentSummary && setDialog({ kind: 'delete', article: currentSummary })}
        />
      )}
      {view.kind === 'loading' && <p className="loading">Opening the library…</p>}
      {dialog?.kind === 'new' && <NewArticleDialog onCreate={create} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete article?"
          message={`“${dialog.article.title}” and its ${dialog.article.counts.claim + dialog.article.counts.quote + dialog.article.counts.attribution} annotations will be deleted from this computer. This cannot be undone.`}
          confirmLabel="Delete article"
          onConfirm={() => void confirmDelete(dialog.article)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'shortcuts' && <ShortcutsOverlay onClose={() => setDialog(null)} />}
      {transfer.dialogs}
      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.message}</span>
            <button type="button" aria-label="Dismiss" onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div id="announcer" className="visually-hidden" aria-live="polite" />
    </div>
  );
}
