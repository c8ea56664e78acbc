import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ArticleSummary, OpenedArticle } from '../../../shared/ipc/contract';
import { applyOperation, invert, type Operation } from '../../../shared/model/operations';
import type { Annotation } from '../../../shared/model/types';
import { api, errorMessage } from '../api';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export interface ArticleSession {
  annotations: Annotation[];
  /** Apply a change now (painted on the next frame) and save it in order behind earlier ones. */
  apply(op: Operation): void;
  undo(): Operation | undefined;
  redo(): Operation | undefined;
  canUndo: boolean;
  canRedo: boolean;
  save: SaveState;
  /** Current state, for event handlers that must not wait for a render. */
  current(): Annotation[];
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
): ArticleSession {
  const [annotations, setAnnotations] = useState(opened.annotations);
  const state = useRef({ annotations: opened.annotations, revision: opened.revision });
  const undoStack = useRef<Operation[]>([]);
  const redoStack = useRef<Operation[]>([]);
  const [history, setHistory] = useState({ undo: 0, redo: 0 });
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  /** Bumped when a save fails: changes queued behind it were made on a state that is gone. */
  const generation = useRef(0);
  const callbacks = useRef({ onSaved, onReloaded });
  callbacks.current = { onSaved, onReloaded };
  const articleId = opened.article.id;

  const send = useCallback(
    (operation: Operation) => {
      pending.current++;
      setSave({ kind: 'saving' });
      const made = generation.current;
      queue.current = queue.current.then(async () => {
        if (made !== generation.current) return;
        try {
          const result = await api().invoke('annotations:apply', { articleId, baseRevision: state.current.revision, operation });
          state.current.revision = result.revision;
          callbacks.current.onSaved(result.summary);
          if (--pending.current === 0) setSave({ kind: 'saved' });
        } catch (error) {
          pending.current = 0;
          generation.current++;
          const message = `Not saved: ${errorMessage(error)}`;
          setSave({ kind: 'failed', message });
          // Re-read the stored truth so the window shows what is really saved.
          try {
            const fresh = await api().invoke('article:open', { id: articleId });
            state.current = { annotations: fresh.annotations, revision: fresh.revision };
            undoStack.current = [];
            redoStack.current = [];
            setHistory({ undo: 0, redo: 0 });
            setAnnotations(fresh.annotations);
            callbacks.current.onReloaded(fresh, message);
          } catch (reloadError) {
            setSave({ kind: 'failed', message: `${message}\nReloading the article failed too: ${errorMessage(reloadError)}` });
          }
        }
      });
    },
    [articleId],
  );

  const commit = useCallback(
    (op: Operation) => {
      const next = applyOperation(state.current.annotations, op);
      state.current.annotations = next;
      flushSync(() => {
        setAnnotations(next);
        setHistory({ undo: undoStack.current.length, redo: redoStack.current.length });
      });
      send(op);
    },
    [send],
  );

  const apply = useCallback(
    (op: Operation) => {
      undoStack.current.push(op);
      redoStack.current = [];
      commit(op);
    },
    [commit],
  );

  const undo = useCallback(() => {
    const op = undoStack.current.pop();
    if (!op) return undefined;
    redoStack.current.push(op);
    commit(invert(op));
    return op;
  }, [commit]);

  const redo = useCallback(() => {
    const op = redoStack.current.pop();
    if (!op) return undefined;
    undoStack.current.push(op);
    commit(op);
    return op;
  }, [commit]);

  return {
    annotations,
    apply,
    undo,
    redo,
    canUndo: history.undo > 0,
    canRedo: history.redo > 0,
    save,
    current: () => state.current.annotations,
  };
}
