import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary, OpenedArticle } from '../../../shared/ipc/contract';
import { applyOperation, invert, type Operation } from '../../../shared/model/operations';
import type { Annotation } from '../../../shared/model/types';
import { applyOrphanChange, invertOrphanChange, type Orphan, type OrphanChange } from '../../../shared/transfer/orphans';
import { api, errorMessage } from '../api';
import { afterNextPaint } from './paint-timing';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export interface ArticleSession {
  annotations: Annotation[];
  /** Imported annotations that could not be placed (the Unplaced panel). */
  orphans: Orphan[];
  /**
   * Apply a change now (painted on the next frame) and save it in order behind earlier ones.
   * An orphan change goes with it: stored in the same write, undone in the same step.
   */
  apply(op: Operation, orphans?: OrphanChange): void;
  undo(): Operation | undefined;
  redo(): Operation | undefined;
  canUndo: boolean;
  canRedo: boolean;
  save: SaveState;
  /** Current state, for event handlers that must not wait for a render. */
  current(): Annotation[];
  currentOrphans(): Orphan[];
  /** Resolves once main has stored every change made so far (export waits for it). */
  whenSaved(): Promise<void>;
  /** Bring React's copy up to date now (call inside flushSync when a panel must show it at once). */
  syncNow(): void;
}

/**
 * The open article's annotations, their undo history and the save queue. Changes apply
 * locally at once; main applies the same operation against the revision it was made on,
 * so a lost or stale save is caught and the window reloads the truth rather than diverge.
 */
export function useArticleSession(
  opened: OpenedArticle,
  onSaved: (summary: ArticleSummary) => void,
  onReloaded: (opened: OpenedArticle, message: string) => void,
  /** Called synchronously with every new state, so highlights paint on the very next frame. */
  paint: (annotations: readonly Annotation[]) => void,
): ArticleSession {
  const [annotations, setAnnotations] = useState(opened.annotations);
  const [orphans, setOrphans] = useState(opened.orphans ?? []);
  const state = useRef({ annotations: opened.annotations, revision: opened.revision, orphans: opened.orphans ?? [] });
  type Entry = { op: Operation; orphans?: OrphanChange };
  const undoStack = useRef<Entry[]>([]);
  const redoStack = useRef<Entry[]>([]);
  const [history, setHistory] = useState({ undo: 0, redo: 0 });
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** Changes made here and not yet stored by main (deferred a frame, or in flight). */
  const pending = useRef(0);
  const waiters = useRef<(() => void)[]>([]);
  const setPending = useCallback((n: number) => {
    pending.current = n;
    // Cheap and synchronous: the quit guard and the end-to-end tests read it.
    document.body.dataset.pendingSaves = String(n);
    if (n === 0) for (const resolve of waiters.current.splice(0)) resolve();
  }, []);
  /** Bumped when a save fails: changes queued behind it were made on a state that is gone. */
  const generation = useRef(0);
  const callbacks = useRef({ onSaved, onReloaded, paint });
  callbacks.current = { onSaved, onReloaded, paint };
  const articleId = opened.article.id;

  const send = useCallback(
    (operation: Operation, orphanChange?: OrphanChange) => {
      setSave({ kind: 'saving' });
      const made = generation.current;
      queue.current = queue.current.then(async () => {
        if (made !== generation.current) return setPending(0);
        try {
          const result = await api().invoke('annotations:apply', { articleId, baseRevision: state.current.revision, operation, ...(orphanChange ? { orphans: orphanChange } : {}) });
          state.current.revision = result.revision;
          callbacks.current.onSaved(result.summary);
          setPending(pending.current - 1);
          if (pending.current === 0) setSave({ kind: 'saved' });
        } catch (error) {
          setPending(0);
          generation.current++;
          const message = `Not saved: ${errorMessage(error)}`;
          setSave({ kind: 'failed', message });
          // Re-read the stored truth so the window shows what is really saved.
          try {
            const fresh = await api().invoke('article:open', { id: articleId });
            state.current = { annotations: fresh.annotations, revision: fresh.revision, orphans: fresh.orphans ?? [] };
            undoStack.current = [];
            redoStack.current = [];
            setHistory({ undo: 0, redo: 0 });
            callbacks.current.paint(fresh.annotations);
            setAnnotations(fresh.annotations);
            setOrphans(fresh.orphans ?? []);
            callbacks.current.onReloaded(fresh, message);
          } catch (reloadError) {
            setSave({ kind: 'failed', message: `${message}\nReloading the article failed too: ${errorMessage(reloadError)}` });
          }
        }
      });
    },
    [articleId, setPending],
  );

  const commit = useCallback(
    (op: Operation, orphanChange?: OrphanChange) => {
      const next = applyOperation(state.current.annotations, op);
      const nextOrphans = orphanChange ? applyOrphanChange(state.current.orphans, orphanChange) : state.current.orphans;
      state.current.annotations = next;
      state.current.orphans = nextOrphans;
      setPending(pending.current + 1);
      // Paint first; the sidebar and counts follow as an interruptible React update.
      callbacks.current.paint(next);
      const history = { undo: undoStack.current.length, redo: redoStack.current.length };
      afterNextPaint(() => {
        startTransition(() => {
          setAnnotations(next);
          if (orphanChange) setOrphans(nextOrphans);
          setHistory(history);
        });
        send(op, orphanChange);
      });
    },
    [send, setPending],
  );

  const apply = useCallback(
    (op: Operation, orphanChange?: OrphanChange) => {
      undoStack.current.push(orphanChange ? { op, orphans: orphanChange } : { op });
      redoStack.current = [];
      commit(op, orphanChange);
    },
    [commit],
  );

  const undo = useCallback(() => {
    const entry = undoStack.current.pop();
    if (!entry) return undefined;
    redoStack.current.push(entry);
    commit(invert(entry.op), entry.orphans && invertOrphanChange(entry.orphans));
    return entry.op;
  }, [commit]);

  const redo = useCallback(() => {
    const entry = redoStack.current.pop();
    if (!entry) return undefined;
    undoStack.current.push(entry);
    commit(entry.op, entry.orphans);
    return entry.op;
  }, [commit]);

  const current = useCallback(() => state.current.annotations, []);
  const syncNow = useCallback(() => {
    setAnnotations(state.current.annotations);
    setHistory({ undo: undoStack.current.length, redo: redoStack.current.length });
  }, []);
  const currentOrphans = useCallback(() => state.current.orphans, []);
  const whenSaved = useCallback(
    () => (pending.current === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.current.push(resolve))),
    [],
  );

  // Quitting with a change not yet stored: hold the window open until it is, then close.
  useEffect(() => {
    const guard = (event: BeforeUnloadEvent) => {
      if (pending.current === 0) return;
      event.preventDefault();
      void whenSaved().then(() => window.close());
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [whenSaved]);

  return {
    annotations,
    orphans,
    apply,
    undo,
    redo,
    canUndo: history.undo > 0,
    canRedo: history.redo > 0,
    save,
    current,
    currentOrphans,
    whenSaved,
    syncNow,
  };
}
