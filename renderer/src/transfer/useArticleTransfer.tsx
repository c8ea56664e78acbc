import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ExportPrefs } from '../../../shared/ipc/contract';
import type { Problem } from '../../../shared/issues';
import { TAG_LABELS } from '../../../shared/model/types';
import { spanFromSelection } from '../../../shared/text/selection';
import { discardOrphan, placeOrphan } from '../../../shared/transfer/place-orphan';
import { api, errorMessage } from '../api';
import { shortcutFor } from '../common/keymap';
import { announce } from '../common/announcer';
import type { ArticleSession } from '../article/useArticleSession';
import { ExportDialog } from './ExportDialog';
import { DEFAULT_PREFS, exportedWhat, formatLabel, importSummary } from './labels';
import { ProblemsDialog } from './ProblemsDialog';
import { registerSaveBarrier } from './saved-barrier';
import { UnplacedPanel } from './UnplacedPanel';

type Dialog = null | { kind: 'export'; prefs: ExportPrefs } | ProblemsDialogState;

export interface ArticleTransfer {
  /** Open the export dialog (File → Export Annotations…, Ctrl/Cmd+E, the toolbar). */
  openExport(): void;
  /** File → Import Annotations… onto this article. */
  importAnnotations(): Promise<void>;
  /** The article view's keys: P / Alt+P place the current unplaced annotation. True when handled. */
  onKey(event: React.KeyboardEvent): boolean;
  /** The Unplaced panel (null when nothing is unplaced). */
  panel: ReactNode;
  /** The export and problem dialogs. */
  dialogs: ReactNode;
  /** The last import's summary, shown until dismissed. */
  summary: ReactNode;
}

/** Last choice in the export dialog, read from settings when the dialog opens. */
export async function loadExportPrefs(): Promise<ExportPrefs> {
  try {
    return (await api().invoke('settings:get', {})).exportPrefs ?? DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS;
  }
}

export function saveExportPrefs(prefs: ExportPrefs): void {
  void api()
    .invoke('settings:update', { exportPrefs: prefs })
    .catch(() => undefined);
}

export interface ProblemsDialogState {
  kind: 'problems';
  title: string;
  message: string;
  problems: Problem[];
}

/** A file the main process refused, as the dialog that lists its problems. */
export function problemsDialogOf(rejected: { message: string; problems: Problem[] }, title: string): ProblemsDialogState {
  return { kind: 'problems', title, message: rejected.message, problems: rejected.problems };
}

/**
 * Export, import and the Unplaced panel for the open article. Imports and placements go
 * through the session, so each is one step of the article's undo history and is stored
 * together with the orphans it adds or removes.
 */
export function useArticleTransfer(options: {
  articleId: string;
  text: string;
  session: ArticleSession;
  /** The text selection in the article as of now. */
  readSelection(): { start: number; end: number } | null;
  onPlaced(id: string): void;
  onNotice(message: string, kind?: 'info' | 'error'): void;
}): ArticleTransfer {
  const { articleId, text, session, readSelection, onPlaced, onNotice } = options;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [summary, setSummary] = useState<{ message: string; undoable: boolean } | null>(null);

  useEffect(() => registerSaveBarrier(session.whenSaved), [session.whenSaved]);

  // The highlighted unplaced annotation: the one picked, else the first.
  const current = session.orphans.find((o) => o.id === currentId) ?? session.orphans[0] ?? null;

  const openExport = useCallback(() => {
    void loadExportPrefs().then((prefs) => setDialog({ kind: 'export', prefs }));
  }, []);

  const runExport = useCallback(
    async (prefs: ExportPrefs) => {
      setDialog(null);
      saveExportPrefs(prefs);
      try {
        await session.whenSaved(); // export what the user sees, not what was stored a frame ago
        const result = await api().invoke('annotations:export', { articleId, format: prefs.format, includeText: prefs.includeText });
        if ('path' in result) {
          const also = result.files && result.files.length > 1 ? ` (and ${result.files.slice(1).join(', ')})` : '';
          const unplaced = session.currentOrphans().length;
          const left = unplaced ? `. ${unplaced} unplaced annotation${unplaced === 1 ? ' is' : 's are'} not in it: place ${unplaced === 1 ? 'it' : 'them'} first to include ${unplaced === 1 ? 'it' : 'them'}.` : '';
          onNotice(`Exported ${exportedWhat(prefs.format, session.current())} as ${formatLabel(prefs.format, prefs.includeText)} to ${result.path}${also}${left}`);
        }
      } catch (error) {
        onNotice(`Export failed: ${errorMessage(error)}`, 'error');
      }
    },
    [articleId, onNotice, session],
  );

  const importAnnotations = useCallback(async () => {
    try {
      await session.whenSaved(); // ids and duplicates are checked against what is stored
      const result = await api().invoke('annotations:import', { articleId });
      if ('canceled' in result) return;
      if ('rejected' in result) return setDialog(problemsDialogOf(result.rejected, 'Could not import the annotations'));
      const adds = result.operation.type === 'batch' ? result.operation.ops.length : 1;
      const orphanChange = result.orphans.add?.length || result.orphans.remove?.length ? result.orphans : undefined;
      const message = importSummary(result.file, result.counts) + (result.note ? ` ${result.note}` : '');
      const undoable = adds > 0 || orphanChange !== undefined;
      if (undoable) {
        session.apply(result.operation, orphanChange);
        setCurrentId(null);
      }
      setSummary({ message, undoable });
      announce(message);
    } catch (error) {
      onNotice(`Import failed: ${errorMessage(error)}`, 'error');
    }
  }, [articleId, onNotice, session]);

  const place = useCallback(
    (id: string, exact: boolean) => {
      const orphan = session.currentOrphans().find((o) => o.id === id);
      if (!orphan) return;
      const sel = readSelection();
      const span = sel && sel.end > sel.start ? spanFromSelection(text, sel.start, sel.end, { snapToWords: !exact }) : null;
      if (!span) return announce(`Select the words for this ${TAG_LABELS[orphan.tag].toLowerCase()} in the article first, then press P.`);
      const placement = placeOrphan(orphan, span, session.current(), new Date().toISOString());
      session.apply(placement.operation, placement.orphans);
      setCurrentId(null);
      onPlaced(placement.annotation.id);
      announce(`Placed as ${TAG_LABELS[orphan.tag].toLowerCase()} on “${text.slice(span.start, Math.min(span.end, span.start + 80))}”`);
    },
    [onPlaced, readSelection, session, text],
  );

  const discard = useCallback(
    (id: string) => {
      const orphans = session.currentOrphans();
      const index = orphans.findIndex((o) => o.id === id);
      if (index === -1) return;
      const change = discardOrphan(orphans[index]!);
      session.apply(change.operation, change.orphans);
      const next = orphans[index + 1] ?? orphans[index - 1];
      setCurrentId(next && next.id !== id ? next.id : null);
      announce('Discarded. Ctrl+Z brings it back.');
    },
    [session],
  );

  const onKey = useCallback(
    (event: React.KeyboardEvent) => {
      const match = shortcutFor('unplaced', event);
      if (!match || session.currentOrphans().length === 0) return false;
      event.preventDefault();
      if (current) place(current.id, match.arg === 'exact');
      return true;
    },
    [current, place, session],
  );

  const panel = useMemo(
    () => <UnplacedPanel orphans={session.orphans} currentId={current?.id ?? null} onPick={setCurrentId} onPlace={place} onDiscard={discard} />,
    [current?.id, discard, place, session.orphans],
  );

  const dialogs = (
    <>
      {dialog?.kind === 'export' && <ExportDialog mode="one" count={session.annotations.length} initial={dialog.prefs} onExport={(p) => void runExport(p)} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'problems' && <ProblemsDialog title={dialog.title} message={dialog.message} problems={dialog.problems} onClose={() => setDialog(null)} />}
    </>
  );

  const summaryBar = summary && (
    <div className="import-summary" role="status">
      <span>{summary.message}</span>
      {summary.undoable && <span className="import-summary-hint">Ctrl/Cmd+Z undoes the import.</span>}
      <button type="button" aria-label="Dismiss the import summary" onClick={() => setSummary(null)}>
        ×
      </button>
    </div>
  );

  return { openExport, importAnnotations, onKey, panel, dialogs, summary: summaryBar };
}
