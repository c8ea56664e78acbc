import { useCallback } from 'react';
import { shortNames } from '../../../shared/review/colleague-file';
import type { Colleague, ReportFormat } from '../../../shared/review/review-state';
import { api, errorMessage } from '../api';
import type { ArticleSession } from '../article/useArticleSession';
import type { ReviewStore } from './useReviewState';
import { plural } from '../common/format';

interface Options {
  articleId: string;
  store: ReviewStore;
  session: ArticleSession;
  activeNow(): Colleague | undefined;
  /** After colleagues are loaded or removed: resume afresh on the active one. */
  onColleaguesChanged(): void;
  notice(message: string, kind?: 'info' | 'error'): void;
}

/** Colleagues' files in and out of the review, and what review mode exports. */
export function useReviewFiles({ articleId, store, session, activeNow, onColleaguesChanged, notice }: Options) {
  const openColleagues = useCallback(async (): Promise<boolean> => {
    try {
      await store.whenSaved();
      const r = await api().invoke('review:load', { articleId });
      if ('canceled' in r) return false;
      onColleaguesChanged();
      store.replace(r.review);
      const short = shortNames(r.review.colleagues.map((c) => c.label));
      const shortOf = new Map(r.review.colleagues.map((c, i) => [c.id, short[i]!]));
      // One notice for the whole batch: each colleague, what was placed and what was not.
      const lines = r.loaded.map((l) => {
        const parts = [`${plural(l.placed, 'annotation')}`];
        if (l.fuzzy) parts.push(`${l.fuzzy} re-anchored approximately`);
        if (l.orphans) parts.push(`${l.orphans} could not be placed (listed beside the file)`);
        if (l.droppedLinks) parts.push(`${l.droppedLinks} links to those left out`);
        return `${shortOf.get(l.colleagueId) ?? l.label}: ${parts.join(', ')}${l.replaced ? ' (reloaded; decisions kept)' : ''}`;
      });
      notice(r.loaded.length === 1 ? `Loaded ${lines[0]}.` : `Loaded ${r.loaded.length} colleagues’ files:\n${lines.join('\n')}`);
      return true;
    } catch (error) {
      notice(errorMessage(error), 'error');
      return false;
    }
  }, [articleId, notice, onColleaguesChanged, store]);

  const chooseColleague = useCallback(
    (id: string) => {
      if (id === store.current()?.activeColleagueId) return;
      store.update({ activeColleagueId: id });
    },
    [store],
  );

  const removeColleague = useCallback(
    async (id: string) => {
      try {
        await store.whenSaved();
        const next = await api().invoke('review:remove', { articleId, colleagueId: id });
        onColleaguesChanged();
        store.replace(next);
      } catch (error) {
        notice(errorMessage(error), 'error');
      }
    },
    [articleId, notice, onColleaguesChanged, store],
  );

  const exportReport = useCallback(
    async (format: ReportFormat) => {
      const colleague = activeNow();
      if (!colleague) return notice('Open a colleague’s annotations first: the report compares yours with theirs.', 'error');
      try {
        await session.whenSaved();
        await store.whenSaved();
        const r = await api().invoke('review:export-report', { articleId, colleagueId: colleague.id, format });
        if ('path' in r) notice(`Exported the review report (${r.rows} pairs) to ${r.path}`);
      } catch (error) {
        notice(`Export failed: ${errorMessage(error)}`, 'error');
      }
    },
    [activeNow, articleId, notice, session, store],
  );

  const exportAnnotations = useCallback(async () => {
    try {
      await session.whenSaved();
      const r = await api().invoke('annotations:export', { articleId, format: 'newsmark' });
      if ('path' in r) notice(`Exported ${session.current().length} annotations to ${r.path}`);
    } catch (error) {
      notice(`Export failed: ${errorMessage(error)}`, 'error');
    }
  }, [articleId, notice, session]);

  return { openColleagues, chooseColleague, removeColleague, exportReport, exportAnnotations };
}
