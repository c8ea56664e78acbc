import { useState, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import { plural } from '../common/format';
import { ConfirmDialog } from '../common/Modal';

interface Deps {
  articles: readonly ArticleSummary[];
  refresh(): Promise<unknown>;
  /** Back to the library (after moving the open article to the trash). */
  showLibrary(): Promise<void>;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run(): void }): void;
}

type Ask = null | { kind: 'trash'; article: ArticleSummary } | { kind: 'delete-forever'; article: ArticleSummary } | { kind: 'empty' };

const annotationCount = (a: ArticleSummary) => a.counts.claim + a.counts.quote + a.counts.attribution;

/**
 * The trash: moving an article there (asks first, can be undone), restoring it, deleting
 * one for good and emptying the trash (both ask first and say what goes).
 */
export function useTrash(deps: Deps): {
  askTrash(article: ArticleSummary): void;
  restore(article: ArticleSummary): void;
  askDeleteForever(article: ArticleSummary): void;
  askEmpty(): void;
  dialogs: ReactNode;
} {
  const [ask, setAsk] = useState<Ask>(null);
  const { refresh, notify } = deps;

  const restore = async (article: ArticleSummary) => {
    try {
      await api().invoke('article:restore', { id: article.id });
      await refresh();
      notify(`Restored “${article.title}” to the library`);
    } catch (error) {
      notify(`Could not restore: ${errorMessage(error)}`, 'error');
    }
  };

  const run = async (what: string, action: () => Promise<void>) => {
    setAsk(null);
    try {
      await action();
    } catch (error) {
      notify(`Could not ${what}: ${errorMessage(error)}`, 'error');
    }
  };

  const trashed = deps.articles.filter((a) => a.trashedAt);
  let dialogs: ReactNode = null;
  if (ask?.kind === 'trash') {
    const { article } = ask;
    dialogs = (
      <ConfirmDialog
        title="Move to trash?"
        message={`“${article.title}” and its ${plural(annotationCount(article), 'annotation')} will be moved to the trash. You can restore them from the trash until you empty it.`}
        confirmLabel="Move to trash"
        onConfirm={() =>
          void run('move to the trash', async () => {
            await api().invoke('article:trash', { id: article.id });
            await deps.showLibrary();
            notify(`Moved “${article.title}” to the trash`, 'info', { label: 'Undo', run: () => void restore(article) });
          })
        }
        onCancel={() => setAsk(null)}
      />
    );
  } else if (ask?.kind === 'delete-forever') {
    const { article } = ask;
    dialogs = (
      <ConfirmDialog
        title="Delete forever?"
        message={`“${article.title}” and its ${plural(annotationCount(article), 'annotation')} will be deleted from this computer. This cannot be undone.`}
        confirmLabel="Delete forever"
        onConfirm={() =>
          void run('delete', async () => {
            await api().invoke('article:delete', { id: article.id });
            await refresh();
            notify(`Deleted “${article.title}” for good`);
          })
        }
        onCancel={() => setAsk(null)}
      />
    );
  } else if (ask?.kind === 'empty') {
    dialogs = (
      <ConfirmDialog
        title="Empty trash?"
        message={`${plural(trashed.length, 'article')} with ${plural(trashed.reduce((n, a) => n + annotationCount(a), 0), 'annotation')} will be deleted from this computer. This cannot be undone.`}
        confirmLabel="Empty trash"
        onConfirm={() =>
          void run('empty the trash', async () => {
            const { deleted } = await api().invoke('trash:empty', {});
            await refresh();
            notify(`Emptied the trash: ${plural(deleted, 'article')} deleted`);
          })
        }
        onCancel={() => setAsk(null)}
      />
    );
  }

  return {
    askTrash: (article) => setAsk({ kind: 'trash', article }),
    restore: (article) => void restore(article),
    askDeleteForever: (article) => setAsk({ kind: 'delete-forever', article }),
    askEmpty: () => setAsk({ kind: 'empty' }),
    dialogs,
  };
}
