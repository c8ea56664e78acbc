import { useCallback, type MutableRefObject } from 'react';
import { addFragment, retag } from '../../../shared/model/edits';
import { removeWithLinks, type Operation } from '../../../shared/model/operations';
import { TAG_LABELS, type Annotation, type Author, type Span, type Tag } from '../../../shared/model/types';
import { spanFromSelection } from '../../../shared/text/selection';
import { announce } from '../common/announcer';
import type { ArticleTextHandle, TextSelection } from './ArticleText';
import type { AnnotationSelection } from './useSelection';

export const stamp = (): string => new Date().toISOString();
export const tagLabel = (tag: Tag): string => TAG_LABELS[tag].toLowerCase();

interface Options {
  text: string;
  user: Author;
  textRef: MutableRefObject<ArticleTextHandle | null>;
  /** The last selection the text reported (when the DOM has none to read now). */
  lastSelection: MutableRefObject<TextSelection | null>;
  currentAnnotations(): Annotation[];
  selection: AnnotationSelection;
  /** Apply an operation (none: nothing to do) and announce `message`. */
  run(op: Operation | null, message: string): void;
}

/** Tagging the selected words (1/2/3), adding fragments (F, Ctrl+select) and deleting. */
export function useTagging({ text, user, textRef, lastSelection, currentAnnotations, selection, run }: Options) {
  const { find, select, selectedRef, setSelectedId, sortedNow } = selection;

  /** The text selection as a span to tag (trimmed, snapped to words unless exact). */
  const selectedSpan = useCallback(
    (exact: boolean): Span | null | 'none' => {
      const sel = textRef.current?.readSelection() ?? lastSelection.current;
      if (!sel || sel.end <= sel.start) return 'none';
      return spanFromSelection(text, sel.start, sel.end, { snapToWords: !exact });
    },
    [lastSelection, text, textRef],
  );

  const tag = useCallback(
    (tagName: Tag, exact: boolean) => {
      const current = currentAnnotations();
      const span = selectedSpan(exact);
      if (span === null) return announce('Nothing to tag: the selection is only white space.');
      if (span !== 'none') {
        const same = current.find((a) => a.spans.length === 1 && a.spans[0]!.start === span.start && a.spans[0]!.end === span.end);
        if (same) {
          run(retag(current, same.id, tagName, stamp()), `Tagged as ${tagLabel(tagName)}`);
          select(same.id, false);
        } else {
          const at = stamp();
          const annotation: Annotation = { id: crypto.randomUUID(), tag: tagName, spans: [span], note: '', links: [], author: user, createdAt: at, updatedAt: at };
          run({ type: 'add', annotation }, `Tagged as ${tagLabel(tagName)}`);
          setSelectedId(annotation.id);
        }
        textRef.current?.setCaret(span.end);
        return;
      }
      const selected = find(selectedRef.current);
      if (selected) return run(retag(current, selected.id, tagName, stamp()), `Changed to ${tagLabel(tagName)}`);
      announce('Select some text first, then press 1, 2 or 3.');
    },
    [currentAnnotations, find, run, select, selectedRef, selectedSpan, setSelectedId, textRef, user],
  );

  /** Add the text selection to the selected annotation as a further fragment (split quotes). */
  const fragment = useCallback(
    (exact: boolean) => {
      const selected = find(selectedRef.current);
      if (!selected) return announce('Select an annotation first (click it, or J/K), then select more words and press F.');
      const span = selectedSpan(exact);
      if (span === 'none' || span === null) return announce('Select the words to add to it first.');
      run(addFragment(selected, span, stamp()), `Added a fragment to the ${tagLabel(selected.tag)}`);
      textRef.current?.setCaret(span.end);
    },
    [find, run, selectedRef, selectedSpan, textRef],
  );

  /** Delete the selected annotation (and the links to it); the next one in order is selected. */
  const removeSelected = useCallback(() => {
    const selected = find(selectedRef.current);
    if (!selected) return;
    const order = sortedNow();
    const index = order.findIndex((x) => x.id === selected.id);
    run(removeWithLinks(currentAnnotations(), selected.id, stamp()), `Deleted ${tagLabel(selected.tag)}`);
    const next = order[index + 1] ?? order[index - 1];
    setSelectedId(next && next.id !== selected.id ? next.id : null);
  }, [currentAnnotations, find, run, selectedRef, setSelectedId, sortedNow]);

  return { tag, fragment, removeSelected };
}
