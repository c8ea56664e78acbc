import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { Sidebar } from './Sidebar';
import { useArticleSession } from './useArticleSession';

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
  const session = useArticleSession(props.opened, props.onSummary, (_fresh, message) => props.onNotice(message, 'error'));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const textRef = useRef<ArticleTextHandle | null>(null);
  const selection = useRef<TextSelection | null>(null);
  const lastClick = useRef<{ offset: number; id: string } | null>(null);

  const sorted = useMemo(() => [...session.annotations].sort(compareAnnotations), [session.annotations]);
  const counts = useMemo(() => countTags(session.annotations), [session.annotations]);

  const select = useCallback((id: string | null, scroll = true) => {
    setSelectedId(id);
    if (!id) return;
    const a = session.current().find((x) => x.id === id);
    if (a && scroll) textRef.current?.scrollToOffset(a.spans[0]!.start);
  }, [session]);

  const stamp = () => new Date().toISOString();

  const tag = useCallback(
    (tagName: Tag, exact: boolean) => {
      const current = session.current();
      const sel = selection.current;
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
      const selected = selectedId ? current.find((a) => a.id === selectedId) : undefined;
      if (selected) {
        if (selected.tag !== tagName) {
          session.apply(makeUpdate(selected, { tag: tagName }, stamp()));
          announce(`Changed to ${TAG_LABELS[tagName].toLowerCase()}`);
        }
        return;
      }
      announce('Select some text first, then press 1, 2 or 3.');
    },
    [article.text, props.user, select, selectedId, session],
  );

  const removeSelected = useCallback(() => {
    if (!selectedId) return;
    const current = session.current();
    const a = current.find((x) => x.id === selectedId);
    if (!a) return;
    const index = sorted.findIndex((x) => x.id === selectedId);
    session.apply(removeWithLinks(current, selectedId, stamp()));
    const next = sorted[index + 1] ?? sorted[index - 1];
    setSelectedId(next && next.id !== selectedId ? next.id : null);
    announce(`Deleted ${TAG_LABELS[a.tag].toLowerCase()}`);
  }, [selectedId, session, sorted]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (sorted.length === 0) return;
      const index = selectedId ? sorted.findIndex((a) => a.id === selectedId) : -1;
      const next = index === -1 ? (direction === 1 ? sorted[0]! : sorted[sorted.length - 1]!) : sorted[(index + direction + sorted.length) % sorted.length]!;
      select(next.id);
      announce(`${TAG_LABELS[next.tag]} ${sorted.indexOf(next) + 1} of ${sorted.length}`);
    },
    [select, selectedId, sorted],
  );

  const exportAnnotations = useCallback(async () => {
    try {
      const result = await api().invoke('annotations:export', { articleId: article.id, format: 'newsmark' });
      if ('path' in result) props.onNotice(`Exported ${session.current().length} annotations to ${result.path}`);
    } catch (error) {
      props.onNotice(`Export failed: ${errorMessage(error)}`, 'error');
    }
  }, [article.id, props, session]);

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
        if (command === 'delete-article') return props.onDelete(), true;
        if (command === 'undo' || command === 'redo') {
          if (isTextField(document.activeElement)) return false;
          if (command === 'undo') undo();
          else redo();
          return true;
        }
        return false;
      }),
    [exportAnnotations, props, redo, undo],
  );

  // Drop a selection that points at an annotation which no longer exists (undo of an add).
  useEffect(() => {
    if (selectedId && !session.annotations.some((a) => a.id === selectedId)) setSelectedId(null);
  }, [selectedId, session.annotations]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (isTextField(event.target)) return;
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
    [removeSelected, step, tag],
  );

  const onClickOffset = useCallback(
    (offset: number) => {
      const hits = session
        .current()
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
    [session],
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
        onDelete={props.onDelete}
      />
      <div className="article-body">
        <main className="article-scroll" aria-label="Article">
          <ArticleText
            articleId={article.id}
            lines={lines}
            annotations={session.annotations}
            selectedId={selectedId}
            onSelection={onSelection}
            onClickOffset={onClickOffset}
            onReady={onReady}
          />
        </main>
        <Sidebar text={article.text} annotations={sorted} counts={counts} selectedId={selectedId} onSelect={(id) => select(id)} />
      </div>
    </div>
  );
}
