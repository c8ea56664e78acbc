import { startTransition, useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { linkedTo } from '../../../shared/model/edits';
import { compareAnnotations } from '../../../shared/model/spans';
import { TAG_LABELS, type Annotation } from '../../../shared/model/types';
import { announce } from '../common/announcer';
import type { ArticleTextHandle } from './ArticleText';
import { afterNextPaint } from './paint-timing';
import { excerpt } from './Sidebar';

export interface AnnotationSelection {
  /** React's copy (sidebar, detail panel): follows the painted selection after the next paint. */
  selectedId: string | null;
  /** The selection as painted now; handlers read this. */
  selectedRef: MutableRefObject<string | null>;
  setSelectedId(id: string | null): void;
  /** Give React's copy `id` at once (inside flushSync, when a panel must show it now). */
  showNow(id: string): void;
  /** Select and, unless told not to, scroll the text to it. */
  select(id: string | null, scroll?: boolean): void;
  /** J/K: the next or previous annotation in document order, round the ends. */
  step(direction: 1 | -1): void;
  onHover(id: string | null): void;
  /** Repaint the selection and its linked annotations (after a change to them). */
  paintSelection(): void;
  find(id: string | null): Annotation | undefined;
  /** Document order as of now (sorted once per change, on demand). */
  sortedNow(): Annotation[];
}

/**
 * The selected annotation. It is painted at once; React's copy follows after the next paint,
 * so a key press costs no render before the next frame.
 */
export function useSelection(
  text: string,
  textRef: MutableRefObject<ArticleTextHandle | null>,
  currentAnnotations: () => Annotation[],
  annotations: readonly Annotation[],
): AnnotationSelection {
  const [selectedId, setSelectedIdState] = useState<string | null>(null);
  const selectedRef = useRef<string | null>(null);
  const hoverRef = useRef<string | null>(null);

  const paintSelection = useCallback(() => {
    const focus = hoverRef.current ?? selectedRef.current;
    const linked = focus ? linkedTo(currentAnnotations(), focus) : { sources: [], sourced: [] };
    textRef.current?.painter.select(
      selectedRef.current,
      [...linked.sources, ...linked.sourced].map((a) => a.id),
    );
  }, [currentAnnotations, textRef]);

  const setSelectedId = useCallback(
    (id: string | null) => {
      selectedRef.current = id;
      paintSelection();
      afterNextPaint(() => startTransition(() => setSelectedIdState(id)));
    },
    [paintSelection],
  );
  const showNow = useCallback((id: string) => setSelectedIdState(id), []);

  const onHover = useCallback(
    (id: string | null) => {
      hoverRef.current = id;
      paintSelection();
    },
    [paintSelection],
  );

  const find = useCallback((id: string | null) => (id ? currentAnnotations().find((a) => a.id === id) : undefined), [currentAnnotations]);

  const sortCache = useRef<{ source: readonly Annotation[]; sorted: Annotation[] } | null>(null);
  const sortedNow = useCallback(() => {
    const source = currentAnnotations();
    if (sortCache.current?.source !== source) sortCache.current = { source, sorted: [...source].sort(compareAnnotations) };
    return sortCache.current.sorted;
  }, [currentAnnotations]);

  const select = useCallback(
    (id: string | null, scroll: boolean = true) => {
      setSelectedId(id);
      const a = find(id);
      if (a && scroll) textRef.current?.scrollToOffset(a.spans[0]!.start);
    },
    [find, setSelectedId, textRef],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      const order = sortedNow();
      if (order.length === 0) return;
      const index = selectedRef.current ? order.findIndex((a) => a.id === selectedRef.current) : -1;
      const nextIndex = index === -1 ? (direction === 1 ? 0 : order.length - 1) : (index + direction + order.length) % order.length;
      const next = order[nextIndex]!;
      select(next.id);
      announce(`${TAG_LABELS[next.tag]} ${nextIndex + 1} of ${order.length}: ${excerpt(text, next, 80)}`);
    },
    [text, select, sortedNow],
  );

  // Drop a selection that points at an annotation which no longer exists (undo of an add).
  useEffect(() => {
    const id = selectedRef.current;
    if (id && !currentAnnotations().some((a) => a.id === id)) setSelectedId(null);
  }, [currentAnnotations, annotations, setSelectedId]);

  return { selectedId, selectedRef, setSelectedId, showNow, select, step, onHover, paintSelection, find, sortedNow };
}
