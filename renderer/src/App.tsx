import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary, OpenedArticle, PublicSettings, StoreProblem } from '../../shared/ipc/contract';
import type { Command } from '../../shared/ipc/commands';
import { api, errorMessage } from './api';
import { AppBar } from './app/AppBar';
import { StoreProblems } from './app/StoreProblems';
import { useAppKeys } from './app/useAppKeys';
import { ArticleView } from './article/ArticleView';
import { applyTheme } from './common/theme';
import { markLoaded, markOpen } from './article/paint-timing';
import { dispatchAppCommand, onAppCommand } from './common/commands';
import { Notices, useNotices } from './common/notices';
import { ShortcutsOverlay } from './common/ShortcutsOverlay';
import { LIBRARY_OPEN_MARK, mark } from './common/timing';
import { useImport } from './import/useImport';
import { initialLibraryState, LibraryView, type LibraryState } from './library/LibraryView';
import { NewArticleDialog, type NewArticle } from './library/NewArticleDialog';
import { useTrash } from './library/useTrash';
import { DeskButton } from './desk/DeskButton';
import { DeskDialog } from './desk/DeskDialog';
import { useDesk } from './desk/useDesk';
import { ReviewView } from './review/ReviewView';
import { markReviewOpen } from './review/review-timing';
import { useLibraryTransfer } from './transfer/useLibraryTransfer';

type View =
  | { kind: 'loading' }
  | { kind: 'library' }
  | { kind: 'article'; opened: OpenedArticle }
  | { kind: 'review'; opened: OpenedArticle; startWith: Command | null };
function useTheme(settings: PublicSettings | null) {
  useEffect(() => applyTheme(settings?.theme ?? 'system'), [settings?.theme]);
}

export function App() {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [problems, setProblems] = useState<StoreProblem[]>([]);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [dialog, setDialog] = useState<null | { kind: 'new' } | { kind: 'shortcuts' } | { kind: 'desk' }>(null);
  const desk = useDesk();
  const [library, setLibrary] = useState<LibraryState>(initialLibraryState);
  useTheme(settings);

  const { notices, notify, dismiss } = useNotices();

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

  /** Review mode on an article (freshly read: the article view has saved everything first). */
  const openReview = useCallback(
    async (id: string, startWith: Command | null) => {
      markReviewOpen();
      try {
        const opened = await api().invoke('article:open', { id });
        setView({ kind: 'review', opened, startWith: startWith === 'review-mode' ? null : startWith });
      } catch (error) {
        notify(errorMessage(error), 'error');
      }
    },
    [notify],
  );

  useEffect(() => {
    void (async () => {
      try {
        const [s, listing] = await Promise.all([api().invoke('settings:get', {}), refresh()]);
        setSettings(s);
        const last = s.lastArticleId && listing.articles.some((a) => a.id === s.lastArticleId) ? s.lastArticleId : null;
        // Closed in review mode: reopen there, where the review stopped.
        const reviewing = last ? await api().invoke('review:status', { articleId: last }).then((r) => r.reviewing, () => false) : false;
        if (last && reviewing) await openReview(last, null);
        else if (last) await open(last);
        else setView({ kind: 'library' });
      } catch (error) {
        notify(`Newsmark could not read its library: ${errorMessage(error)}`, 'error');
        setView({ kind: 'library' });
      }
    })();
  }, [notify, open, openReview, refresh]);

  const showLibrary = useCallback(async () => {
    mark(LIBRARY_OPEN_MARK);
    await refresh();
    setView({ kind: 'library' });
    void api().invoke('settings:update', { lastArticleId: null });
  }, [refresh]);

  const imports = useImport({
    refresh,
    open,
    notify,
    showImported: () => {
      setLibrary((s) => ({ ...s, section: 'library', query: '' }));
      setView({ kind: 'library' });
    },
  });
  const trash = useTrash({ articles, refresh, showLibrary, notify });
  const onLibraryState = useCallback((patch: Partial<LibraryState>) => setLibrary((s) => ({ ...s, ...patch })), []);
  const onLibraryError = useCallback((message: string) => notify(message, 'error'), [notify]);

  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'new-article') return setDialog({ kind: 'new' }), true;
        if (command === 'open-library') return void showLibrary(), true;
        if (command === 'show-shortcuts') return setDialog({ kind: 'shortcuts' }), true;
        // Reached only when no article is open (the article and review views handle these).
        if (command.startsWith('review-')) return notify('Open an article first: review compares your annotations of it with a colleague’s.'), true;
        if (command.startsWith('tag-')) return notify('Tags go on the article text: open an article, select words in it, then tag them.'), true;
        return false;
      }),
    [notify, showLibrary],
  );

  useEffect(() => api().onCommand(dispatchAppCommand), []);

  // An article that arrived from the desk shows up in the library at once.
  useEffect(() => onAppCommand((command) => (command === 'desk-changed' && view.kind === 'library' && void refresh().catch(() => undefined), false)), [refresh, view.kind]);

  const share = useCallback(
    async (id: string) => {
      try {
        await api().invoke('desk:share', { articleId: id });
        await desk.refresh();
        notify('Shared with the desk: your annotations on it now go to the desk as you make them.');
      } catch (error) {
        notify(`Could not share the article: ${errorMessage(error)}`, 'error');
      }
    },
    [desk, notify],
  );

  useAppKeys();

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

  const currentSummary = view.kind === 'article' ? articles.find((a) => a.id === view.opened.article.id) : undefined;
  const openArticleId = view.kind === 'article' || view.kind === 'review' ? view.opened.article.id : null;

  return (
    <div className="app">
      <AppBar
        articleOpen={openArticleId !== null}
        editing={view.kind === 'article'}
        theme={settings?.theme ?? 'system'}
        importing={imports.busy}
        onLibrary={() => void showLibrary()}
        onOpenFiles={imports.openFiles}
        onNew={() => setDialog({ kind: 'new' })}
        onTheme={(theme) =>
          void api()
            .invoke('settings:update', { theme })
            .then(setSettings, (error: unknown) => notify(`Could not save the theme: ${errorMessage(error)}`, 'error'))
        }
        onShortcuts={() => setDialog({ kind: 'shortcuts' })}
        beforeGap={
          <>
            {openArticleId && desk.status?.server && !desk.articles.shared.has(openArticleId) && !desk.articles.fromDesk.has(openArticleId) && (
              <button type="button" className="link-button share-desk" onClick={() => void share(openArticleId)}>
                Share with desk
              </button>
            )}
            {openArticleId && (desk.articles.shared.has(openArticleId) || desk.articles.fromDesk.has(openArticleId)) && (
              <span className="desk-live-label">
                <span className="desk-wide">{desk.articles.fromDesk.has(openArticleId) ? 'From the desk · ' : 'On the desk · '}</span>live
              </span>
            )}
          </>
        }
        afterGap={<DeskButton status={desk.status} onOpen={() => setDialog({ kind: 'desk' })} />}
      />
      {imports.progressBar}
      <StoreProblems problems={problems} onDismiss={() => setProblems([])} />
      {view.kind === 'library' && (
        <LibraryView
          articles={articles}
          state={library}
          onState={onLibraryState}
          onOpen={(id) => void open(id)}
          onNew={() => setDialog({ kind: 'new' })}
          onOpenFiles={imports.openFiles}
          onTrash={trash.askTrash}
          onRestore={trash.restore}
          onDeleteForever={trash.askDeleteForever}
          onEmptyTrash={trash.askEmpty}
          onError={onLibraryError}
          desk={desk.articles}
        />
      )}
      {view.kind === 'article' && settings && (
        <ArticleView
          key={`${view.opened.article.id}:${view.opened.article.textHash}`}
          opened={view.opened}
          user={settings.user}
          onSummary={onSummary}
          onNotice={notify}
          onReopen={() => void open(view.opened.article.id)}
          onDelete={() => currentSummary && trash.askTrash(currentSummary)}
          onReview={(command) => void openReview(view.opened.article.id, command)}
        />
      )}
      {view.kind === 'review' && settings && (
        <ReviewView
          key={view.opened.article.id}
          opened={view.opened}
          user={settings.user}
          startWith={view.startWith}
          onSummary={onSummary}
          onNotice={notify}
          onExit={() => void open(view.opened.article.id)}
        />
      )}
      {view.kind === 'loading' && <p className="loading">Opening the library…</p>}
      {dialog?.kind === 'new' && <NewArticleDialog onCreate={create} onCancel={() => setDialog(null)} />}
      {trash.dialogs}
      {dialog?.kind === 'shortcuts' && <ShortcutsOverlay onClose={() => setDialog(null)} />}
      {dialog?.kind === 'desk' && desk.status && settings && (
        <DeskDialog
          status={desk.status}
          user={settings.user}
          onUser={async (user) => setSettings(await api().invoke('settings:update', { user }))}
          onStatus={desk.setStatus}
          onClose={() => setDialog(null)}
        />
      )}
      {imports.overlays}
      {transfer.dialogs}
      <Notices notices={notices} onDismiss={dismiss} />
      <div id="announcer" className="visually-hidden" aria-live="polite" />
    </div>
  );
}
