import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ArticleSummary, OpenedArticle } from '../../../shared/ipc/contract';
import type { Command } from '../../../shared/ipc/commands';
import { addFragment, canLink, linkedTo, retag, setNote, toggleLink } from '../../../shared/model/edits';
import { removeWithLinks, type Operation } from '../../../shared/model/operations';
import { compareAnnotations, containsOffset, coveredLength } from '../../../shared/model/spans';
import { countTags, TAG_LABELS, type Annotation, type Author, type Span, type Tag } from '../../../shared/model/types';
import { LineIndex } from '../../../shared/text/line-index';
import { spanFromSelection } from '../../../shared/text/selection';
import { api, errorMessage } from '../api';
import { announce } from '../common/announcer';
import { isTextField, onAppCommand } from '../common/commands';
import { ArticleHeader } from './ArticleHeader';
import { ArticleInfoDialog, type ArticleDetails } from './ArticleInfoDialog';
import { ArticleText, type ArticleTextHandle, type TextSelection } from './ArticleText';
import { DetailPanel } from './DetailPanel';
import { FindBar } from './FindBar';
import { LinkPicker } from './LinkPicker';
import { afterNextPaint, markPaintedNextFrame } from './paint-timing';
import { ALL_TAGS, excerpt, Sidebar, type SidebarFilter } from './Sidebar';
import { useArticleSession } from './useArticleSession';
import { useArticleTransfer } from '../transfer/useArticleTransfer';

const TAG_OF_COMMAND = { 'tag-claim': 'claim', 'tag-quote': 'quote', 'tag-attribution': 'attribution' } as const satisfies Record<string, Tag>;
const TAG_KEYS: Record<string, Tag> = { Digit1: 'claim', Digit2: 'quote', Digit3: 'attribution', Numpad1: 'claim', Numpad2: 'quote', Numpad3: 'attribution' };

interface Props {
  opened: OpenedArticle;
  user: Author;
  onSummary(summary: ArticleSummary): void;
  onDelete(): void;
  onNotice(message: string, kind?: 'info' | 'error'): void;
  /** Switch to review mode (after every change is saved), then carry out `command` there. */
  onReview?(command: Command): void;
}

const stamp = () => new Date().toISOString();
const label = (tag: Tag) => TAG_LABELS[tag].toLowerCase();

export function ArticleView(props: Props) {
  const { article } = props.opened;
  const lines = useMemo(() => new LineIndex(article.text), [article.text]);
  /** Title and source as stored now (renamed here or in the info panel since the open). */
  const [details, setDetails] = useState<ArticleDetails>({ title: article.title, source: article.source });
  const [title, setTitle] = useState(article.title);
  const [infoOpen, setInfoOpen] = useState(false);
  const textRef = useRef<ArticleTextHandle | null>(null);
  const paint = useCallback((annotations: readonly Annotation[]) => {
    textRef.current?.painter.update(annotations);
    markPaintedNextFrame(annotations.length);
  }, []);
  const session = useArticleSession(props.opened, props.onSummary, (_fresh, message) => props.onNotice(message, 'error'), paint);
  const currentAnnotations = session.current;
  const apply = session.apply;
  const syncNow = session.syncNow;

  // The selection is painted at once; React's copy (sidebar, detail) follows after the
  // next paint, so a key press costs no render before the next frame. Handlers read the ref.
  const [selectedId, setSelectedIdState] = useState<string | null>(null);
  const selectedRef = useRef<string | null>(null);
  const hoverRef = useRef<string | null>(null);
  const paintSelection = useCallback(() => {
    const focus = hoverRef.current ?? selectedRef.current;
    const linked = focus ? linkedTo(currentAnnotations(), focus) : { sources: [], sourced: [] };
    textRef.current?.painter.select(selectedRef.current, [...linked.sources, ...linked.sourced].map((a) => a.id));
  }, [currentAnnotations]);
  const setSelectedId = useCallback(
    (id: string | null) => {
      selectedRef.current = id;
      paintSelection();
      afterNextPaint(() => startTransition(() => setSelectedIdState(id)));
    },
    [paintSelection],
  );
  const onHover = useCallback(
    (id: string | null) => {
      hoverRef.current = id;
      paintSelection();
    },
    [paintSelection],
  );

  const selection = useRef<TextSelection | null>(null);
  const lastClick = useRef<{ offset: number; id: string } | null>(null);
  const [filter, setFilter] = useState<SidebarFilter>({ tags: ALL_TAGS, text: '' });
  const [linking, setLinking] = useState(false);
  const linkingRef = useRef(false);
  linkingRef.current = linking;
  const [finding, setFinding] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const sorted = useMemo(() => [...session.annotations].sort(compareAnnotations), [session.annotations]);
  /** Document order as of now (sorted once per change, on demand). */
  const sortCache = useRef<{ source: readonly Annotation[]; sorted: Annotation[] } | null>(null);
  const sortedNow = useCallback(() => {
    const source = currentAnnotations();
    if (sortCache.current?.source !== source) sortCache.current = { source, sorted: [...source].sort(compareAnnotations) };
    return sortCache.current.sorted;
  }, [currentAnnotations]);
  const counts = useMemo(() => countTags(session.annotations), [session.annotations]);
  const find = (id: string | null) => (id ? currentAnnotations().find((a) => a.id === id) : undefined);

  const select = useCallback(
    (id: string | null, scroll: boolean = true) => {
      setSelectedId(id);
      const a = id ? currentAnnotations().find((x) => x.id === id) : undefined;
      if (a && scroll) textRef.current?.scrollToOffset(a.spans[0]!.start);
    },
    [currentAnnotations, setSelectedId],
  );

  const run = useCallback(
    (op: Operation | null, message: string) => {
      if (!op) return;
      apply(op);
      paintSelection();
      announce(message);
    },
    [apply, paintSelection],
  );

  /** The text selection as a span to tag (trimmed, snapped to words unless exact). */
  const selectedSpan = useCallback(
    (exact: boolean): Span | null | 'none' => {
      const sel = textRef.current?.readSelection() ?? selection.current;
      if (!sel || sel.end <= sel.start) return 'none';
      return spanFromSelection(article.text, sel.start, sel.end, { snapToWords: !exact });
    },
    [article.text],
  );

  const tag = useCallback(
    (tagName: Tag, exact: boolean) => {
      const current = currentAnnotations();
      const span = selectedSpan(exact);
      if (span === null) return announce('Nothing to tag: the selection is only white space.');
      if (span !== 'none') {
        const same = current.find((a) => a.spans.length === 1 && a.spans[0]!.start === span.start && a.spans[0]!.end === span.end);
        if (same) {
          run(retag(current, same.id, tagName, stamp()), `Tagged as ${label(tagName)}`);
          select(same.id, false);
        } else {
          const at = stamp();
          const annotation: Annotation = { id: crypto.randomUUID(), tag: tagName, spans: [span], note: '', links: [], author: props.user, createdAt: at, updatedAt: at };
          run({ type: 'add', annotation }, `Tagged as ${label(tagName)}`);
          setSelectedId(annotation.id);
        }
        textRef.current?.setCaret(span.end);
        return;
      }
      const selected = find(selectedRef.current);
      if (selected) return run(retag(current, selected.id, tagName, stamp()), `Changed to ${label(tagName)}`);
      announce('Select some text first, then press 1, 2 or 3.');
    },
    [currentAnnotations, props.user, run, select, selectedSpan, setSelectedId],
  );

  /** Add the text selection to the selected annotation as a further fragment (split quotes). */
  const fragment = useCallback(
    (exact: boolean) => {
      const selected = find(selectedRef.current);
      if (!selected) return announce('Select an annotation first (click it, or J/K), then select more words and press F.');
      const span = selectedSpan(exact);
      if (span === 'none' || span === null) return announce('Select the words to add to it first.');
      run(addFragment(selected, span, stamp()), `Added a fragment to the ${label(selected.tag)}`);
      textRef.current?.setCaret(span.end);
    },
    [run, selectedSpan],
  );

  const removeSelected = useCallback(() => {
    const selected = find(selectedRef.current);
    if (!selected) return;
    const order = sortedNow();
    const index = order.findIndex((x) => x.id === selected.id);
    run(removeWithLinks(currentAnnotations(), selected.id, stamp()), `Deleted ${label(selected.tag)}`);
    const next = order[index + 1] ?? order[index - 1];
    setSelectedId(next && next.id !== selected.id ? next.id : null);
  }, [currentAnnotations, run, setSelectedId, sortedNow]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const order = sortedNow();
      if (order.length === 0) return;
      const index = selectedRef.current ? order.findIndex((a) => a.id === selectedRef.current) : -1;
      const nextIndex = index === -1 ? (direction === 1 ? 0 : order.length - 1) : (index + direction + order.length) % order.length;
      const next = order[nextIndex]!;
      select(next.id);
      announce(`${TAG_LABELS[next.tag]} ${nextIndex + 1} of ${order.length}: ${excerpt(article.text, next, 80)}`);
    },
    [article.text, select, sortedNow],
  );

  const linkTo = useCallback(
    (toId: string) => {
      const from = find(selectedRef.current);
      const to = find(toId);
      if (!from || !to) return;
      if (!canLink(from, to)) return announce(`A ${label(from.tag)} can only be attributed to an attribution.`);
      const linked = from.links.includes(toId);
      run(toggleLink(currentAnnotations(), from.id, toId, stamp()), linked ? 'Attribution removed' : `Attributed to ${excerpt(article.text, to, 60)}`);
    },
    [article.text, currentAnnotations, run],
  );

  const startLink = useCallback(() => {
    const from = find(selectedRef.current);
    if (!from) return announce('Select a quote or claim first, then press L.');
    if (from.tag === 'attribution') return announce('An attribution is what quotes and claims are attributed to: select a quote or claim, then press L.');
    // The picker lives in the detail panel: render it for the selection as it is now.
    flushSync(() => {
      syncNow();
      setSelectedIdState(from.id);
      setLinking(true);
    });
    announce('Choose the attribution: type to filter and press Enter, or click it in the text. Escape when done.');
  }, [syncNow]);

  const saveNote = useCallback(
    (id: string, note: string) => {
      const a = find(id);
      if (a) run(setNote(a, note, stamp()), 'Note saved');
    },
    [run],
  );

  const readSelection = useCallback(() => textRef.current?.readSelection() ?? selection.current, []);
  const onPlaced = useCallback((id: string) => setSelectedId(id), [setSelectedId]);
  const transfer = useArticleTransfer({ articleId: article.id, text: article.text, session, readSelection, onPlaced, onNotice: props.onNotice });
  // Export asks for the format first (ExportDialog), then the save dialog.
  const exportAnnotations = transfer.openExport;

  const undo = useCallback(() => {
    const op = session.undo();
    paintSelection();
    announce(op ? 'Undone' : 'Nothing to undo');
  }, [paintSelection, session]);
  const redo = useCallback(() => {
    const op = session.redo();
    paintSelection();
    announce(op ? 'Redone' : 'Nothing to redo');
  }, [paintSelection, session]);

  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'export-annotations') return void exportAnnotations(), true;
        if (command === 'import-annotations') return void transfer.importAnnotations(), true;
        if (command === 'delete-article') return props.onDelete(), true;
        if (command === 'find') return setFinding(true), true;
        if (command === 'article-info') return setInfoOpen(true), true;
        // The context menu on selected text: the same as pressing 1, 2 or 3.
        if (command === 'tag-claim' || command === 'tag-quote' || command === 'tag-attribution') return tag(TAG_OF_COMMAND[command], false), true;
        if (command.startsWith('review-')) {
          void session.whenSaved().then(() => props.onReview?.(command));
          return true;
        }
        if (command === 'undo' || command === 'redo') {
          if (isTextField(document.activeElement)) return false;
          if (command === 'undo') undo();
          else redo();
          return true;
        }
        return false;
      }),
    [exportAnnotations, props, redo, session, tag, transfer, undo],
  );

  // Drop a selection that points at an annotation which no longer exists (undo of an add).
  useEffect(() => {
    const id = selectedRef.current;
    if (id && !currentAnnotations().some((a) => a.id === id)) setSelectedId(null);
  }, [currentAnnotations, session.annotations, setSelectedId]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      // Keys typed in a field, or anywhere in a dialog over the article, are not tag keys.
      if (isTextField(event.target) || (event.target as Element).closest?.('dialog')) return;
      if (transfer.onKey(event)) return;
      const mod = event.ctrlKey || event.metaKey;
      const tagName = TAG_KEYS[event.code];
      const key = event.key.toLowerCase();
      let handled = true;
      if (tagName && !mod) tag(tagName, event.altKey);
      else if ((event.key === 'Delete' || event.key === 'Backspace') && !mod) removeSelected();
      else if (event.key === 'Escape') {
        if (linkingRef.current) setLinking(false);
        else setSelectedId(null);
      } else if (mod || event.altKey) {
        // Sentence movement: Alt+↓/↑ moves the caret by sentence, with Shift it extends.
        if (event.altKey && !mod && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
          window.getSelection()?.modify(event.shiftKey ? 'extend' : 'move', event.key === 'ArrowDown' ? 'forward' : 'backward', 'sentence');
        } else handled = false;
      } else if (key === 'j' || key === 'k') step(key === 'j' ? 1 : -1);
      else if (key === 'f') fragment(false);
      else if (key === 'l') startLink();
      else if (key === 'n') {
        const id = selectedRef.current;
        if (!id) announce('Select an annotation first, then press N to write its note.');
        else {
          flushSync(() => {
            syncNow();
            setLinking(false);
            setSelectedIdState(id);
          });
          noteRef.current?.focus();
        }
      } else handled = false;
      if (handled) event.preventDefault();
    },
    [fragment, removeSelected, setSelectedId, startLink, step, syncNow, tag, transfer],
  );

  const onClickOffset = useCallback(
    (offset: number, event: React.MouseEvent) => {
      const hits = currentAnnotations()
        .filter((a) => containsOffset(a, offset))
        .sort((a, b) => coveredLength(a.spans) - coveredLength(b.spans));
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
      let pick = hits[0]!;
      const last = lastClick.current;
      if (last && last.offset === offset) {
        const i = hits.findIndex((a) => a.id === last.id);
        if (i !== -1) pick = hits[(i + 1) % hits.length]!;
      }
      lastClick.current = { offset, id: pick.id };
      setSelectedId(pick.id);
      announce(`${TAG_LABELS[pick.tag]} selected${hits.length > 1 ? ` (${hits.length} here; click again for the next)` : ''}`);
    },
    [currentAnnotations, linkTo, setSelectedId],
  );

  /** Ctrl/Cmd + mouse selection adds a fragment to the selected annotation. */
  const onSelectEnd = useCallback(
    (event: React.MouseEvent) => {
      const sel = window.getSelection();
      if ((event.ctrlKey || event.metaKey) && selectedRef.current && sel && !sel.isCollapsed) fragment(event.altKey);
    },
    [fragment],
  );

  // Highlights carry no semantics for assistive technology: say which annotations the caret
  // has entered (only when that changes, so arrowing inside a quote stays quiet).
  const caretInside = useRef('');
  const onCaret = useCallback(
    (offset: number) => {
      const inside = currentAnnotations().filter((a) => containsOffset(a, offset));
      const key = inside.map((a) => a.id).sort().join();
      if (key === caretInside.current) return;
      caretInside.current = key;
      if (inside.length) announce(`In ${inside.map((a) => `${label(a.tag)}: ${excerpt(article.text, a, 60)}`).join('; ')}`);
    },
    [article.text, currentAnnotations],
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

  const onMatches = useCallback((all: Span[], current: Span | null) => {
    const painter = textRef.current?.painter;
    painter?.setOverlay('nm-find', all);
    painter?.setOverlay('nm-find-current', current ? [current] : []);
    if (current) textRef.current?.scrollToOffset(current.start);
  }, []);
  const closeFind = useCallback(() => {
    onMatches([], null);
    setFinding(false);
    textRef.current?.focus();
  }, [onMatches]);
  const saved = (summary: ArticleSummary) => {
    setDetails({ title: summary.title, source: summary.source });
    setTitle(summary.title);
    props.onSummary(summary);
  };

  const saveTitle = async () => {
    const next = title.trim();
    if (!next || next === details.title) return setTitle(details.title);
    try {
      saved(await api().invoke('article:update', { id: article.id, title: next }));
    } catch (error) {
      setTitle(details.title);
      props.onNotice(`Could not rename: ${errorMessage(error)}`, 'error');
    }
  };

  const selected = selectedId ? session.annotations.find((a) => a.id === selectedId) : undefined;
  const detail = selected ? (
    linking && selected.tag !== 'attribution' ? (
      <LinkPicker from={selected} annotations={session.annotations} text={article.text} onToggle={linkTo} onClose={() => {
        setLinking(false);
        textRef.current?.focus();
      }} />
    ) : (
      <DetailPanel
        key={selected.id}
        annotation={selected}
        annotations={session.annotations}
        text={article.text}
        noteRef={noteRef}
        onNote={saveNote}
        onUnlink={(from, to) => {
          const a = find(from);
          if (a) run(toggleLink(currentAnnotations(), from, to, stamp()), 'Attribution removed');
        }}
        onStartLink={startLink}
        onSelect={(id) => select(id)}
      />
    )
  ) : null;

  return (
    <div className="article-view" onKeyDown={onKeyDown}>
      <ArticleHeader
        source={details.source}
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
        onInfo={() => setInfoOpen(true)}
        onImport={() => void transfer.importAnnotations()}
        onDelete={props.onDelete}
      />
      {finding && <FindBar text={article.text} onMatches={onMatches} onClose={closeFind} />}
      {infoOpen && (
        <ArticleInfoDialog
          articleId={article.id}
          details={details}
          onSaved={(summary) => {
            saved(summary);
            setInfoOpen(false);
            props.onNotice('Article info saved');
          }}
          onClose={() => setInfoOpen(false)}
        />
      )}
      {transfer.summary}
      <div className="article-body">
        <main className="article-scroll" aria-label="Article" onMouseUp={onSelectEnd}>
          <ArticleText
            articleId={article.id}
            lines={lines}
            initialAnnotations={props.opened.annotations}
            onSelection={onSelection}
            onClickOffset={onClickOffset}
            onCaret={onCaret}
            onReady={onReady}
          />
        </main>
        <div className="side-column">
          {transfer.panel}
          <Sidebar
            text={article.text}
            annotations={sorted}
            counts={counts}
            selectedId={selectedId}
            filter={filter}
            onFilter={setFilter}
            onSelect={select}
            onHover={onHover}
            detail={detail}
          />
        </div>
      </div>
      {transfer.dialogs}
    </div>
  );
}
