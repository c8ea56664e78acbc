import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { canLink, toggleLink } from '../../../shared/model/edits';
import type { Annotation } from '../../../shared/model/types';
import type { Operation } from '../../../shared/model/operations';
import { announce } from '../common/announcer';
import { excerpt } from './Sidebar';
import { stamp, tagLabel } from './useTagging';
import type { AnnotationSelection } from './useSelection';

interface Options {
  text: string;
  currentAnnotations(): Annotation[];
  selection: AnnotationSelection;
  run(op: Operation | null, message: string): void;
  /** Bring React's copy of the annotations up to date now (see ArticleSession.syncNow). */
  syncNow(): void;
}

/** Attribution links: L opens the picker for the selected quote or claim; a pick toggles the link. */
export function useLinking({ text, currentAnnotations, selection, run, syncNow }: Options) {
  const [linking, setLinkingState] = useState(false);
  const linkingRef = useRef(false);
  const setLinking = useCallback((on: boolean) => {
    linkingRef.current = on;
    setLinkingState(on);
  }, []);
  const { find, selectedRef, showNow } = selection;

  const linkTo = useCallback(
    (toId: string) => {
      const from = find(selectedRef.current);
      const to = find(toId);
      if (!from || !to) return;
      if (!canLink(from, to)) return announce(`A ${tagLabel(from.tag)} can only be attributed to an attribution.`);
      const linked = from.links.includes(toId);
      run(toggleLink(currentAnnotations(), from.id, toId, stamp()), linked ? 'Attribution removed' : `Attributed to ${excerpt(text, to, 60)}`);
    },
    [currentAnnotations, find, run, selectedRef, text],
  );

  const unlink = useCallback(
    (from: string, to: string) => {
      if (find(from)) run(toggleLink(currentAnnotations(), from, to, stamp()), 'Attribution removed');
    },
    [currentAnnotations, find, run],
  );

  const startLink = useCallback(() => {
    const from = find(selectedRef.current);
    if (!from) return announce('Select a quote or claim first, then press L.');
    if (from.tag === 'attribution') return announce('An attribution is what quotes and claims are attributed to: select a quote or claim, then press L.');
    // The picker lives in the detail panel: render it for the selection as it is now.
    flushSync(() => {
      syncNow();
      showNow(from.id);
      setLinking(true);
    });
    announce('Choose the attribution: type to filter and press Enter, or click it in the text. Escape when done.');
  }, [find, selectedRef, setLinking, showNow, syncNow]);

  return { linking, linkingRef, setLinking, linkTo, unlink, startLink };
}
