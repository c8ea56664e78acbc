import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Editor, type Selection } from 'slate';
import { Editable, ReactEditor, Slate, type RenderElementProps } from 'slate-react';
import type { Annotation } from '../../../shared/model/types';
import type { LineIndex } from '../../../shared/text/line-index';
import { createArticleEditor, paragraphsOf } from './article-editor';
import { HighlightPainter } from './highlights';

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
}

interface Props {
  articleId: string;
  lines: LineIndex;
  annotations: readonly Annotation[];
  selectedId: string | null;
  onSelection(selection: TextSelection | null): void;
  onClickOffset(offset: number, event: React.MouseEvent): void;
  onReady(handle: ArticleTextHandle | null): void;
}

/**
 * The text is read-only: keys that would type or delete are swallowed here (the article
 * view, where the event bubbles to, gives 1/2/3, Delete and the rest their meaning), while
 * navigation and selection keys pass through to Slate.
 */
function swallowTyping(event: React.KeyboardEvent): void {
  const mod = event.ctrlKey || event.metaKey;
  if ((event.key.length === 1 && !mod) || ['Enter', 'Backspace', 'Delete', 'Tab'].includes(event.key)) {
    if (event.key !== 'Tab') event.preventDefault();
  }
  if (mod && ['x', 'v', 'z', 'y'].includes(event.key.toLowerCase())) event.preventDefault();
}

const renderElement = ({ attributes, children }: RenderElementProps) => <p {...attributes}>{children}</p>;

/** The article text in a Slate editor, painted with CSS highlights. */
export const ArticleText = memo(function ArticleText(props: Props) {
  const { lines, annotations, selectedId } = props;
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

  const handle = useMemo<Omit<ArticleTextHandle, 'painter'>>(
    () => ({
      scrollToOffset(offset) {
        const at = resolve(offset);
        if (!at) return;
        const range = document.createRange();
        range.setStart(at.node, at.offset);
        range.collapse(true);
        const rect = range.getBoundingClientRect();
        const scroller = (at.node.parentElement?.closest('.article-scroll') as HTMLElement | null) ?? document.scrollingElement;
        if (!scroller) return;
        const box = scroller.getBoundingClientRect();
        if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) {
          scroller.scrollTop += rect.top - box.top - box.height / 3;
        }
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
      setCaret(offset) {
        const p = lines.toPoint(offset);
        const point = { path: [p.paragraph, 0], offset: p.offset };
        editor.select({ anchor: point, focus: point });
      },
    }),
    [editor, lines, resolve],
  );

  useLayoutEffect(() => {
    const painter = new HighlightPainter(resolve);
    painterRef.current = painter;
    callbacks.current.onReady({ ...handle, painter });
    return () => {
      painter.dispose();
      painterRef.current = null;
      callbacks.current.onReady(null);
    };
  }, [resolve, handle]);

  useLayoutEffect(() => {
    painterRef.current?.update(annotations);
  }, [annotations]);

  useLayoutEffect(() => {
    painterRef.current?.select(selectedId);
  }, [selectedId]);

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

  return (
    <Slate editor={editor} initialValue={initialValue} onSelectionChange={onSelectionChange}>
      <Editable
        className="article-text"
        aria-label="Article text"
        aria-readonly="true"
        aria-multiline="true"
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
