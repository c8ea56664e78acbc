import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary, OpenedArticle } from '../../../shared/ipc/contract';
import { makeUpdate, removeWithLinks } from '../../../shared/model/operations';
import { compareAnnotations, containsOffset, coveredLength } from '../../../shared/model/spans';
import { countTags, TAG_LABELS, type Annotation, type Author, type Tag } from '../../../shared/model/types';
import { LineIndex } from '../../../shared/text/line-index';
import { spanFromSelection } from '../../../shared/text/selection';
import { api, errorMessage } from '../api';
import { announce } from '../common/announcer';
import { onAppCommand, isTextField } from '../common/commands';
import { ArticleText, type ArticleTextHandle, type TextSelection } from './ArticleText';
import { ArticleHeader } from './ArticleHeader';
import { afterNextPaint, markPaintedNextFrame } from './paint-timing';
import { Sidebar } from './Sidebar';
import { useArticleSession } from './useArticleSession';
import { useArticleTransfer } from '../transfer/useArticleTransfer';

const TAG_KEYS: Record<string, Tag> = { Digit1: 'claim', Digit2: 'quote', Digit3: 'attribution', Numpad1: 'claim', Numpad2: 'quote', Numpad3: 'attribution' };

interface Props {
  opened: OpenedArticle;
  user: Author;
  onSummary(summary: ArticleSummary): void;
  onDelete(): void;
  onNotice(message: string, kind?: 'info' | 'error'): void;
}

export function ArticleView(props: Props) {
  const { article } = props.opened;
  const lines = useMemo(() => new LineIndex(article.text), [article.text]);
  const [title, setTitle] = useState(article.title);
  const textRef = useRef<ArticleTextHandle | null>(null);
  const paint = useCallback((annotations: readonly Annotation[]) => {
    textRef.current?.painter.update(annotations);
    markPaintedNextFrame(annotations.length);
  }, []);
  const session = useArticleSession(props.opened, props.onSummary, (_fresh, message) => props.onNotice(message, 'error'), paint);
  const [selectedId, setSelectedIdState] = useState<string | null>(null);
  // The painter shows the selection at once; React (sidebar, header) follows in a transition
  // so a key press costs no render before the next frame.
  /** The selection as of now; React's copy may lag a frame behind. */
  const selectedRef = useRef<string | null>(null);
  const setSelectedId = useCallback((id: string | null) => {
    selectedRef.current = id;
    textRef.current?.painter.select(id);
    afterNextPaint(() => startTransition(() => setSelectedIdState(id)));
  }, []);
  const selection = useRef<TextSelection | null>(null);
  const lastClick = useRef<{ offset: number; id: string } | null>(null);

  const currentAnnotations = session.current;
  const sorted = useMemo(() => [...session.annotations].sort(compareAnnotations), [session.annotations]);
  /** Document order of the annotations as of now (sorted once per change, on demand). */
  const sortCache = useRef<{ source: readonly Annotation[]; sorted: Annotation[] } | null>(null);
  const sortedNow = useCallback(() => {
    const source = currentAnnotations();
    if (sortCache.current?.source !== source) sortCache.current = { source, sorted: [...source].sort(compareAnnotations) };
    return sortCache.current.sorted;
  }, [currentAnnotations]);
  const counts = useMemo(() => countTags(session.annotations), [session.annotations]);

  const select = useCallback(
    (id: string | null, scroll: boolean = true) => {
      setSelectedId(id);
      if (!id) return;
      const a = currentAnnotations().find((x) => x.id === id);
      if (a && scroll) textRef.current?.scrollToOffset(a.spans[0]!.start);
    },
    [currentAnnotations, setSelectedId],
  );

  const stamp = () => new Date().toISOString();

  const tag = useCallback(
    (tagName: Tag, exact: boolean) => {
      const current = session.current();
      const sel = textRef.current?.readSelection() ?? selection.current;
      if (sel && sel.end > sel.start) {
        const span = spanFromSelection(article.text, sel.start, sel.end, { snapToWords: !exact });
        if (!span) return announce('Nothing to tag: the selection is only white space.');
        const same = current.find((a) => a.spans.length === 1 && a.spans[0]!.start === span.start && a.spans[0]!.end === span.end);
        if (same) {
          if (same.tag !== tagName) session.apply(makeUpdate(same, { tag: tagName }, stamp()));
          select(same.id, false);
          textRef.current?.setCaret(span.end);
          return announce(`Tagged as ${TAG_LABELS[tagName].toLowerCase()}`);
        }
        const at = stamp();
        const annotation: Annotation = {
          id: crypto.randomUUID(),
          tag: tagName,
          spans: [span],
          note: '',
          links: [],
          author: props.user,
          createdAt: at,
          updatedAt: at,
        };
        session.apply({ type: 'add', annotation });
        setSelectedId(annotation.id);
        textRef.current?.setCaret(span.end);
        return announce(`Tagged as ${TAG_LABELS[tagName].toLowerCase()}`);
      }
      const selectedNow = selectedRef.current;
      const selected = selectedNow ? current.find((a) => a.id === selectedNow) : undefined;
      if (selected) {
        if (selected.tag !== tagName) {
          session.apply(makeUpdate(selected, { tag: tagName }, stamp()));
          announce(`Changed to ${TAG_LABELS[tagName].toLowerCase()}`);
        }
        return;
      }
      announce('Select some text first, then press 1, 2 or 3.');
    },
    [article.text, props.user, select, session, setSelectedId],
  );

  const removeSelected = useCallback(() => {
    const selectedId = selectedRef.current;
    if (!selectedId) return;
    const current = session.current();
    const a = current.find((x) => x.id === selectedId);
    if (!a) return;
    const order = sortedNow();
    const index = order.findIndex((x) => x.id === selectedId);
    session.apply(removeWithLinks(current, selectedId, stamp()));
    const next = order[index + 1] ?? order[index - 1];
    setSelectedId(next && next.id !== selectedId ? next.id : null);
    announce(`Deleted ${TAG_LABELS[a.tag].toLowerCase()}`);
  }, [session, setSelectedId, sortedNow]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const order = sortedNow();
      if (order.length === 0) return;
      const selectedId = selectedRef.current;
      const index = selectedId ? order.findIndex((a) => a.id === selectedId) : -1;
      const nextIndex = index === -1 ? (direction === 1 ? 0 : order.length - 1) : (index + direction + order.length) % order.length;
      const next = order[nextIndex]!;
      select(next.id);
      announce(`${TAG_LABELS[next.tag]} ${nextIndex + 1} of ${order.length}`);
    },
    [select, sortedNow],
  );

  const readSelection = useCallback(() => textRef.current?.readSelection() ?? selection.current, []);
  const onPlaced = useCallback((id: string) => setSelectedId(id), [setSelectedId]);
  const transfer = useArticleTransfer({ articleId: article.id, text: article.text, session, readSelection, onPlaced, onNotice: props.onNotice });
  // Export asks for the format first (ExportDialog), then the save dialog.
  const exportAnnotations = transfer.openExport;

  const undo = useCallback(() => {
    const op = session.undo();
    announce(op ? 'Undone' : 'Nothing to undo');
  }, [session]);
  const redo = useCallback(() => {
    const op = session.redo();
    announce(op ? 'Redone' : 'Nothing to redo');
  }, [session]);

  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'export-annotations') return void exportAnnotations(), true;
        if (command === 'import-annotations') return void transfer.importAnnotations(), true;
        if (command === 'delete-article') return props.onDelete(), true;
        if (command === 'undo' || command === 'redo') {
          if (isTextField(document.activeElement)) return false;
          if (command === 'undo') undo();
          else redo();
          return true;
        }
        return false;
      }),
    [exportAnnotations, props, redo, transfer, undo],
  );

  // Drop a selection that points at an annotation which no longer exists (undo of an add).
  useEffect(() => {
    const id = selectedRef.current;
    if (id && !session.current().some((a) => a.id === id)) setSelectedId(null);
  }, [session, session.annotations, setSelectedId]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (isTextField(event.target)) return;
      if (transfer.onKey(event)) return;
      const mod = event.ctrlKey || event.metaKey;
      const tagName = TAG_KEYS[event.code];
      if (tagName && !mod) {
        event.preventDefault();
        tag(tagName, event.altKey);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && !mod) {
        event.preventDefault();
        removeSelected();
      } else if (event.key === 'Escape') {
        setSelectedId(null);
      } else if ((event.key === 'j' || event.key === 'k') && !mod && !event.altKey) {
        event.preventDefault();
        step(event.key === 'j' ? 1 : -1);
      }
    },
    [removeSelected, step, tag, transfer],
  );

  const onClickOffset = useCallback(
    (offset: number) => {
      const hits = currentAnnotations()
        .filter((a) => containsOffset(a, offset))
        .sort((a, b) => coveredLength(a.spans) - coveredLength(b.spans));
      if (hits.length === 0) {
        lastClick.current = null;
        return setSelectedId(null);
      }
      // A second click on the same spot steps outward through nested annotations.
      let pick = hits[0]!;
      const last = lastClick.current;
      if (last && last.offset === offset) {
        const i = hits.findIndex((a) => a.id === last.id);
        if (i !== -1) pick = hits[(i + 1) % hits.length]!;
      }
      lastClick.current = { offset, id: pick.id };
      setSelectedId(pick.id);
      announce(`${TAG_LABELS[pick.tag]} selected`);
    },
    [currentAnnotations, setSelectedId],
  );

  const onSelection = useCallback((sel: TextSelection | null) => {
    selection.current = sel;
  }, []);

  const onReady = useCallback((handle: ArticleTextHandle | null) => {
    textRef.current = handle;
  }, []);

  useEffect(() => {
    textRef.current?.focus();
  }, []);

  const saveTitle = async () => {
    const next = title.trim();
    if (!next || next === article.title) return setTitle(article.title);
    try {
      props.onSummary(await api().invoke('article:update', { id: article.id, title: next }));
    } catch (error) {
      setTitle(article.title);
      props.onNotice(`Could not rename: ${errorMessage(error)}`, 'error');
    }
  };

  return (
    <div className="article-view" onKeyDown={onKeyDown}>
      <ArticleHeader
        article={article}
        title={title}
        onTitle={setTitle}
        onTitleCommit={() => void saveTitle()}
        save={session.save}
        canUndo={session.canUndo}
        canRedo={session.canRedo}
        onUndo={undo}
        onRedo={redo}
        onTag={(t) => tag(t, false)}
        onExport={() => void exportAnnotations()}
        onImport={() => void transfer.importAnnotations()}
        onDelete={props.onDelete}
      />
      {transfer.summary}
      <div className="article-body">
        <main className="article-scroll" aria-label="Article">
          <ArticleText
            articleId={article.id}
            lines={lines}
            initialAnnotations={props.opened.annotations}
            onSelection={onSelection}
            onClickOffset={onClickOffset}
            onReady={onReady}
          />
        </main>
        <div className="side-column">
          {transfer.panel}
          <Sidebar text={article.text} annotations={sorted} counts={counts} selectedId={selectedId} onSelect={select} />
        </div>
      </div>
      {transfer.dialogs}
    </div>
  );
}
