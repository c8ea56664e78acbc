import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportOutcome } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import { announce } from '../common/announcer';
import { onAppCommand } from '../common/commands';
import { plural } from '../common/format';
import { IMPORT_DONE_MARK, IMPORT_START_MARK, mark, markAfterPaint } from '../common/timing';
import { ImportProgress } from './ImportProgress';
import { describeImported, ImportSummary, summaryLine } from './ImportSummary';
import { importItem, type ImportItem } from './read-file';
import './import.css';

interface Deps {
  /** Re-read the library list. */
  refresh(): Promise<unknown>;
  /** Open an article in the window. */
  open(id: string): Promise<void>;
  /** Show the library with the newly imported articles in view. */
  showImported(): void;
  notify(message: string, kind?: 'info' | 'error'): void;
}

/**
 * Files dragged over the window: an overlay while they hover, and the dropped files handed
 * on. Only drags that carry files count (text dragged about the page is left alone).
 */
function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(onFiles);
  latest.current = onFiles;
  useEffect(() => {
    let depth = 0;
    const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const move = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // without it the window would navigate to the file
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) latest.current(files);
    };
    const events = { dragenter: enter, dragover: move, dragleave: leave, drop } as const;
    for (const [name, fn] of Object.entries(events)) window.addEventListener(name, fn as EventListener);
    return () => {
      for (const [name, fn] of Object.entries(events)) window.removeEventListener(name, fn as EventListener);
    };
  }, []);
  return over;
}

/**
 * Getting articles in: File → Open (the `open-article` command, Ctrl/Cmd+O) and files
 * dropped on the window. Files are imported one after another through main, with a
 * progress bar, then one summary: a single article that came in is opened; otherwise the
 * summary lists what came in and every file that did not, with why.
 */
export function useImport(deps: Deps): { openFiles(): void; busy: boolean; progressBar: ReactNode; overlays: ReactNode } {
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [summary, setSummary] = useState<ImportOutcome[] | null>(null);
  const running = useRef(false);
  const latest = useRef(deps);
  latest.current = deps;

  const run = useCallback(async (items: ImportItem[]) => {
    const { refresh, open, showImported, notify } = latest.current;
    if (items.length === 0) return;
    if (running.current) return notify('Files are still being imported; drop or open more when that is done.', 'error');
    running.current = true;
    mark(IMPORT_START_MARK, { files: items.length });
    announce(`Importing ${plural(items.length, 'file')}`);
    const outcomes: ImportOutcome[] = [];
    try {
      for (const [i, item] of items.entries()) {
        setProgress({ done: i, total: items.length, current: item.name });
        outcomes.push(await importItem(item));
      }
    } finally {
      setProgress(null);
      running.current = false;
    }
    const imported = outcomes.filter((o) => o.status === 'imported');
    await refresh().catch(() => undefined);
    const line = summaryLine(outcomes);
    const only = imported[0];
    if (outcomes.length === 1 && only) {
      await open(only.article.id);
      notify(`${only.restored ? 'Restored' : 'Imported'} ${describeImported(only)} from ${only.file}`);
      announce(line);
    } else {
      if (imported.length > 0) showImported();
      setSummary(outcomes);
      const failed = outcomes.length - imported.length;
      announce(`${line}${failed > 0 ? ` ${plural(failed, 'file')} could not be imported.` : ''}`);
    }
    markAfterPaint(IMPORT_DONE_MARK, { files: outcomes.length, imported: imported.length });
  }, []);

  const dragging = useFileDrop((files) => void run(files.map((file) => ({ name: file.name, file }))));

  const openFiles = useCallback(async () => {
    if (running.current) return latest.current.notify('Files are still being imported; open more when that is done.', 'error');
    try {
      const chosen = await api().invoke('import:choose', {});
      if ('files' in chosen) await run(chosen.files);
    } catch (error) {
      latest.current.notify(`Could not open files: ${errorMessage(error)}`, 'error');
    }
  }, [run]);

  useEffect(() => onAppCommand((command) => (command === 'open-article' ? (void openFiles(), true) : false)), [openFiles]);

  return {
    openFiles: () => void openFiles(),
    busy: progress !== null,
    progressBar: progress && <ImportProgress {...progress} />,
    overlays: (
      <>
        {summary && (
          <ImportSummary
            outcomes={summary}
            onOpen={(id) => {
              setSummary(null);
              void latest.current.open(id);
            }}
            onClose={() => setSummary(null)}
          />
        )}
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <p>Drop to import: .txt, .md, .html, .htm or .json (a Newsmark export)</p>
          </div>
        )}
      </>
    ),
  };
}
