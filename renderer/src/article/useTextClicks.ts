import { useCallback, useRef, type MutableRefObject } from 'react';
import { containsOffset } from '../../../shared/model/spans';
import { TAG_LABELS, type Annotation } from '../../../shared/model/types';
import { announce } from '../common/announcer';
import { annotationsAt, cyclePick, insideKey, type LastClick } from './hit-test';
import { excerpt } from './Sidebar';
import type { AnnotationSelection } from './useSelection';
import { tagLabel } from './useTagging';

interface Options {
  text: string;
  currentAnnotations(): Annotation[];
  selection: AnnotationSelection;
  linkingRef: MutableRefObject<boolean>;
  linkTo(id: string): void;
  fragment(exact: boolean): void;
}

/** Clicks and the caret in the text: click-cycling through nested annotations, Ctrl+select, what the caret is in. */
export function useTextClicks({ text, currentAnnotations, selection, linkingRef, linkTo, fragment }: Options) {
  const { selectedRef, setSelectedId } = selection;
  const lastClick = useRef<LastClick | null>(null);

  const onClickOffset = useCallback(
    (offset: number, event: React.MouseEvent) => {
      const hits = annotationsAt(currentAnnotations(), offset);
      // Linking: a click on an attribution in the text links it.
      if (linkingRef.current) {
        const target = hits.find((a) => a.tag === 'attribution');
        if (target) return linkTo(target.id);
      }
      if (hits.length === 0) {
        lastClick.current = null;
        return setSelectedId(null);
      }
      if (event.detail > 1) return; // a double click selects a word; keep the annotation
      // A second click on the same spot steps outward through nested annotations.
      const pick = cyclePick(hits, offset, lastClick.current)!;
      lastClick.current = { offset, id: pick.id };
      setSelectedId(pick.id);
      announce(`${TAG_LABELS[pick.tag]} selected${hits.length > 1 ? ` (${hits.length} here; click again for the next)` : ''}`);
    },
    [currentAnnotations, linkTo, linkingRef, setSelectedId],
  );

  /** Ctrl/Cmd + mouse selection adds a fragment to the selected annotation. */
  const onSelectEnd = useCallback(
    (event: React.MouseEvent) => {
      const sel = window.getSelection();
      if ((event.ctrlKey || event.metaKey) && selectedRef.current && sel && !sel.isCollapsed) fragment(event.altKey);
    },
    [fragment, selectedRef],
  );

  // Highlights carry no semantics for assistive technology: say which annotations the caret
  // has entered (only when that changes, so arrowing inside a quote stays quiet).
  const caretInside = useRef('');
  const onCaret = useCallback(
    (offset: number) => {
      const inside = currentAnnotations().filter((a) => containsOffset(a, offset));
      const key = insideKey(inside);
      if (key === caretInside.current) return;
      caretInside.current = key;
      if (inside.length) announce(`In ${inside.map((a) => `${tagLabel(a.tag)}: ${excerpt(text, a, 60)}`).join('; ')}`);
    },
    [currentAnnotations, text],
  );

  return { onClickOffset, onSelectEnd, onCaret };
}
