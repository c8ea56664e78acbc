import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ExportPrefs } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import { onAppCommand } from '../common/commands';
import { ExportDialog } from './ExportDialog';
import { formatLabel, importSummary } from './labels';
import { ProblemsDialog } from './ProblemsDialog';
import { whenAllSaved } from './saved-barrier';
import { loadExportPrefs, problemsDialogOf, saveExportPrefs, type ProblemsDialogState } from './useArticleTransfer';
import { plural } from '../common/format';

type Dialog = null | { kind: 'export-all'; prefs: ExportPrefs } | ProblemsDialogState;

/**
 * App-level transfer: export every article to a folder, and import a file that carries
 * its text (brat .ann + .txt, Newsmark JSON with text) as a new article.
 */
export function useLibraryTransfer(options: {
  articleOpen: boolean;
  articleCount: number;
  refresh(): Promise<unknown>;
  open(id: string): Promise<void>;
  notify(message: string, kind?: 'info' | 'error'): void;
}): { dialogs: ReactNode; openExportAll(): void; importAsArticle(): Promise<void> } {
  const { articleOpen, refresh, open, notify } = options;
  const [dialog, setDialog] = useState<Dialog>(null);

  const openExportAll = useCallback(() => {
    void loadExportPrefs().then((prefs) => setDialog({ kind: 'export-all', prefs }));
  }, []);

  const exportAll = useCallback(
    async (prefs: ExportPrefs) => {
      setDialog(null);
      saveExportPrefs(prefs);
      try {
        await whenAllSaved();
        const result = await api().invoke('annotations:export-all', { format: prefs.format, includeText: prefs.includeText });
        if ('canceled' in result) return;
        notify(`Exported ${plural(result.count, 'article')} as ${formatLabel(prefs.format, prefs.includeText)} to ${result.folder}`);
        if (result.failed.length) {
          notify(`Not exported:\n${result.failed.map((f) => `“${f.title}”: ${f.message}`).join('\n')}`, 'error');
        }
      } catch (error) {
        notify(`Export failed: ${errorMessage(error)}`, 'error');
      }
    },
    [notify],
  );

  const importAsArticle = useCallback(async () => {
    try {
      await whenAllSaved();
      const result = await api().invoke('annotations:import-article', {});
      if ('canceled' in result) return;
      if ('rejected' in result) return setDialog(problemsDialogOf(result.rejected, 'Could not import as a new article'));
      await refresh();
      await open(result.articleId);
      notify(`New article “${result.title}”. ${importSummary(result.file, result.counts)}`);
    } catch (error) {
      notify(`Import failed: ${errorMessage(error)}`, 'error');
    }
  }, [notify, open, refresh]);

  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'export-all') return openExportAll(), true;
        if (command === 'import-as-article') return void importAsArticle(), true;
        // Without an open article these have nothing to work on: say so rather than nothing.
        if (!articleOpen && (command === 'import-annotations' || command === 'export-annotations')) {
          notify(command === 'import-annotations' ? 'Open an article first, then import annotations onto it.' : 'Open an article to export its annotations, or use Export All Articles to a Folder.');
          return true;
        }
        return false;
      }),
    [articleOpen, importAsArticle, notify, openExportAll],
  );

  const dialogs = (
    <>
      {dialog?.kind === 'export-all' && <ExportDialog mode="all" count={options.articleCount} initial={dialog.prefs} onExport={(p) => void exportAll(p)} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'problems' && <ProblemsDialog title={dialog.title} message={dialog.message} problems={dialog.problems} onClose={() => setDialog(null)} />}
    </>
  );
  return { dialogs, openExportAll, importAsArticle };
}
