import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Editor, type Selection } from 'slate';
import { Editable, ReactEditor, Slate, type RenderElementProps } from 'slate-react';
import type { Annotation } from '../../../shared/model/types';
import type { LineIndex } from '../../../shared/text/line-index';
import { createArticleEditor, paragraphsOf } from './article-editor';
import { HighlightPainter } from './highlights';
import { afterNextPaint, markPaintedNextFrame } from './paint-timing';

export interface TextSelection {
  start: number;
  end: number;
}

export interface ArticleTextHandle {
  painter: HighlightPainter;
  /** Scroll so the text at `offset` is in view. */
  scrollToOffset(offset: number): void;
  focus(): void;
  /** Text offset under a viewport point, for hit-testing a click. */
  offsetAtPoint(x: number, y: number): number | null;
  /** Put the caret (collapsed selection) at a text offset. */
  setCaret(offset: number): void;
  /**
   * The selection as it is in the DOM right now. Slate syncs its own selection on a
   * throttle, so a key pressed just after a mouse-up must not rely on it.
   */
  readSelection(): TextSelection | null;
}

interface Props {
  articleId: string;
  lines: LineIndex;
  /** Painted when the text mounts; later changes go straight to the painter (see handle). */
  initialAnnotations: readonly Annotation[];
  onSelection(selection: TextSelection | null): void;
  onClickOffset(offset: number, event: React.MouseEvent): void;
  /** The caret (a collapsed selection) moved to this offset. */
  onCaret?(offset: number): void;
  onReady(handle: ArticleTextHandle | null): void;
}

/**
 * The text is read-only: keys that would type or delete are swallowed here (the article
 * view, where the event bubbles to, gives 1/2/3, Delete and the rest their meaning), while
 * navigation and selection keys pass through to Slate.
 */
const NAVIGATION = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

function swallowTyping(event: React.KeyboardEvent): boolean | void {
  // Caret keys move natively: Slate would move from its own copy of the selection, which
  // it syncs on a throttle and may be a key press behind (Home then → went to the wrong line).
  if (NAVIGATION.has(event.key)) return true;
  const mod = event.ctrlKey || event.metaKey;
  if ((event.key.length === 1 && !mod) || ['Enter', 'Backspace', 'Delete', 'Tab'].includes(event.key)) {
    if (event.key !== 'Tab') event.preventDefault();
  }
  if (mod && ['x', 'v', 'z', 'y'].includes(event.key.toLowerCase())) event.preventDefault();
}

const renderElement = ({ attributes, children }: RenderElementProps) => <p {...attributes}>{children}</p>;

/**
 * The article text in a Slate editor, painted with CSS highlights. Its props never change
 * while an article is open, so tagging never re-renders Slate: the article view drives the
 * painter directly through the handle.
 */
export const ArticleText = memo(function ArticleText(props: Props) {
  const { lines } = props;
  const editor = useMemo(createArticleEditor, [props.articleId]);
  const initialValue = useMemo(() => paragraphsOf(lines), [lines]);
  const painterRef = useRef<HighlightPainter | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  const textNodeOf = useCallback(
    (paragraph: number): Node | null => {
      const element = editor.children[paragraph];
      if (!element) return null;
      const dom = ReactEditor.toDOMNode(editor, element);
      const leaf = dom.querySelector('[data-slate-string], [data-slate-zero-width]');
      return leaf?.firstChild ?? null;
    },
    [editor],
  );

  const resolve = useCallback(
    (offset: number) => {
      const point = lines.toPoint(offset);
      const node = textNodeOf(point.paragraph);
      if (!node) return null;
      return { node, offset: Math.min(point.offset, node.textContent?.length ?? 0) };
    },
    [lines, textNodeOf],
  );

  /**
   * A DOM point in the text → text offset. Each paragraph renders as one text node, so the
   * offset inside it is the offset in the paragraph; this avoids Slate's general (and, on
   * long paragraphs, slow) DOM-to-Slate mapping on every key press.
   */
  const offsetOfDomPoint = useCallback(
    (node: Node | null, offset: number): number | null => {
      if (!node) return null;
      const root = ReactEditor.toDOMNode(editor, editor);
      const element = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest('[data-slate-node="element"]');
      if (!element || element.parentElement !== root) {
        const point = ReactEditor.toSlatePoint(editor, [node, offset], { exactMatch: false, suppressThrow: true });
        return point ? lines.toOffset({ paragraph: point.path[0]!, offset: point.offset }) : null;
      }
      const paragraph = Array.prototype.indexOf.call(root.children, element);
      const inString = node.nodeType === Node.TEXT_NODE && node.parentElement?.hasAttribute('data-slate-string');
      const local = inString ? offset : node.nodeType === Node.TEXT_NODE ? 0 : offset === 0 ? 0 : lines.paragraphLength(paragraph);
      return lines.toOffset({ paragraph, offset: Math.min(local, lines.paragraphLength(paragraph)) });
    },
    [editor, lines],
  );

  const handle = useMemo<Omit<ArticleTextHandle, 'painter'>>(
    () => ({
      scrollToOffset(offset) {
        const at = resolve(offset);
        if (!at) return;
        const scroller = (at.node.parentElement?.closest('.article-scroll') as HTMLElement | null) ?? document.scrollingElement;
        if (!scroller) return;
        const bringIntoView = () => {
          const range = document.createRange();
          range.setStart(at.node, at.offset);
          range.collapse(true);
          const rect = range.getBoundingClientRect();
          const box = scroller.getBoundingClientRect();
          if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) scroller.scrollTop += rect.top - box.top - box.height / 3;
        };
        bringIntoView();
        // Paragraphs out of view are laid out at an estimated height (content-visibility):
        // once the ones now on screen are rendered at their real size, correct the scroll.
        requestAnimationFrame(() => requestAnimationFrame(bringIntoView));
      },
      focus() {
        ReactEditor.focus(editor);
      },
      offsetAtPoint(x, y) {
        const caret = document.caretPositionFromPoint?.(x, y);
        if (!caret) return null;
        const point = ReactEditor.toSlatePoint(editor, [caret.offsetNode, caret.offset], { exactMatch: false, suppressThrow: true });
        if (!point) return null;
        return lines.toOffset({ paragraph: point.path[0]!, offset: point.offset });
      },
      readSelection() {
        const dom = window.getSelection();
        if (!dom || dom.rangeCount === 0) return null;
        const a = offsetOfDomPoint(dom.anchorNode, dom.anchorOffset);
        const b = offsetOfDomPoint(dom.focusNode, dom.focusOffset);
        if (a === null || b === null) return null;
        return { start: Math.min(a, b), end: Math.max(a, b) };
      },
      setCaret(offset) {
        // After the next paint (moving a selection in a long text costs a layout), and only
        // if the user has not moved on; Slate's copy follows through selectionchange.
        const sel = window.getSelection();
        const was = sel && [sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset];
        afterNextPaint(() => {
          const now = window.getSelection();
          if (!now || !was || now.anchorNode !== was[0] || now.anchorOffset !== was[1] || now.focusNode !== was[2] || now.focusOffset !== was[3]) return;
          const at = resolve(offset);
          if (at) now.collapse(at.node, at.offset);
        });
      },
    }),
    [editor, lines, offsetOfDomPoint, resolve],
  );

  useLayoutEffect(() => {
    const painter = new HighlightPainter(resolve);
    painterRef.current = painter;
    painter.update(callbacks.current.initialAnnotations);
    markPaintedNextFrame(callbacks.current.initialAnnotations.length);
    callbacks.current.onReady({ ...handle, painter });
    return () => {
      painter.dispose();
      painterRef.current = null;
      callbacks.current.onReady(null);
    };
  }, [resolve, handle]);

  const onSelectionChange = useCallback(
    (selection: Selection) => {
      if (!selection) return callbacks.current.onSelection(null);
      const [start, end] = Editor.edges(editor, selection);
      const a = lines.toOffset({ paragraph: start.path[0]!, offset: start.offset });
      const b = lines.toOffset({ paragraph: end.path[0]!, offset: end.offset });
      callbacks.current.onSelection({ start: a, end: b });
    },
    [editor, lines],
  );

  // Nothing may change the text: block input, paste, drop and cut at the DOM level too.
  const block = useCallback((event: { preventDefault(): void }) => {
    event.preventDefault();
    return true;
  }, []);

  useEffect(() => () => callbacks.current.onSelection(null), []);

  /**
   * Keep Slate's copy of the selection equal to the DOM's at all times. Slate syncs it on a
   * throttle, and when it re-renders it forces its (possibly older) copy back onto the DOM,
   * which undoes caret moves made by fast keys. A plain assignment (no operation, no
   * re-render) from our own fast mapping closes that gap.
   */
  useEffect(() => {
    const root = ReactEditor.toDOMNode(editor, editor);
    const sync = () => {
      const dom = window.getSelection();
      if (!dom || dom.rangeCount === 0 || !root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return;
      const a = offsetOfDomPoint(dom.anchorNode, dom.anchorOffset);
      const f = offsetOfDomPoint(dom.focusNode, dom.focusOffset);
      if (a === null || f === null) return;
      const toPoint = (offset: number) => {
        const p = lines.toPoint(offset);
        return { path: [p.paragraph, 0], offset: p.offset };
      };
      editor.selection = { anchor: toPoint(a), focus: toPoint(f) };
      if (a === f) callbacks.current.onCaret?.(a);
    };
    document.addEventListener('selectionchange', sync);
    root.addEventListener('keydown', sync, { capture: true });
    return () => {
      document.removeEventListener('selectionchange', sync);
      root.removeEventListener('keydown', sync, { capture: true });
    };
  }, [editor, lines, offsetOfDomPoint]);

  return (
    <Slate editor={editor} initialValue={initialValue} onSelectionChange={onSelectionChange}>
      <Editable
        className="article-text"
        aria-label="Article text"
        aria-readonly="true"
        aria-multiline="true"
        tabIndex={0}
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        disableDefaultStyles
        renderElement={renderElement}
        onDOMBeforeInput={block}
        onPaste={block}
        onDrop={block}
        onCut={block}
        onKeyDown={swallowTyping}
        onClick={(event) => {
          const sel = window.getSelection();
          if (sel && !sel.isCollapsed) return;
          const offset = handle.offsetAtPoint(event.clientX, event.clientY);
          if (offset !== null) callbacks.current.onClickOffset(offset, event);
        }}
      />
    </Slate>
  );
});
