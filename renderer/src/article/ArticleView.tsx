import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ArticleSummary, OpenedArticle } from '../../../shared/ipc/contract';
import type { Command } from '../../../shared/ipc/commands';
import { setNote } from '../../../shared/model/edits';
import type { Operation } from '../../../shared/model/operations';
import { compareAnnotations } from '../../../shared/model/spans';
import { countTags, type Annotation, type Author, type Span, type Tag } from '../../../shared/model/types';
import { LineIndex } from '../../../shared/text/line-index';
import { api, errorMessage } from '../api';
import { announce } from '../common/announcer';
import { isTextField, onAppCommand } from '../common/commands';
import { SourcesPanel } from '../sources/SourcesPanel';
import { useArticleTransfer } from '../transfer/useArticleTransfer';
import { ArticleHeader } from './ArticleHeader';
import { ArticleInfoDialog, type ArticleDetails } from './ArticleInfoDialog';
import { ArticleText, type ArticleTextHandle, type TextSelection } from './ArticleText';
import { DetailPanel } from './DetailPanel';
import { FindBar } from './FindBar';
import { LinkPicker } from './LinkPicker';
import { markPaintedNextFrame } from './paint-timing';
import { ALL_TAGS, Sidebar, type SidebarFilter } from './Sidebar';
import { articleKeyHandlers, useArticleKeys } from './useArticleKeys';
import { useArticleSession } from './useArticleSession';
import { useLinking } from './useLinking';
import { useSelection } from './useSelection';
import { stamp, useTagging } from './useTagging';
import { useTextClicks } from './useTextClicks';
import { useVersions } from '../versions/useVersions';

/** The context menu's Tag as… items: the same as pressing 1, 2 or 3. */
const TAG_OF_COMMAND = { 'tag-claim': 'claim', 'tag-quote': 'quote', 'tag-attribution': 'attribution' } as const satisfies Record<string, Tag>;

interface Props {
  opened: OpenedArticle;
  user: Author;
  onSummary(summary: ArticleSummary): void;
  onDelete(): void;
  onNotice(message: string, kind?: 'info' | 'error'): void;
  /** Switch to review mode (after every change is saved), then carry out `command` there. */
  onReview?(command: Command): void;
  /** The text changed in main (a new version, or one undone): open the article again. */
  onReopen?(): void;
}

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

  const selection = useSelection(article.text, textRef, currentAnnotations, session.annotations);
  const { find, paintSelection, select, selectedId, selectedRef, setSelectedId, showNow } = selection;

  const lastSelection = useRef<TextSelection | null>(null);
  const [filter, setFilter] = useState<SidebarFilter>({ tags: ALL_TAGS, text: '' });
  const [finding, setFinding] = useState(false);
  const [side, setSide] = useState<'annotations' | 'sources'>('annotations');
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const sorted = useMemo(() => [...session.annotations].sort(compareAnnotations), [session.annotations]);
  const counts = useMemo(() => countTags(session.annotations), [session.annotations]);

  const run = useCallback(
    (op: Operation | null, message: string) => {
      if (!op) return;
      apply(op);
      paintSelection();
      announce(message);
    },
    [apply, paintSelection],
  );

  const { tag, fragment, removeSelected } = useTagging({ text: article.text, user: props.user, textRef, lastSelection, currentAnnotations, selection, run });
  const { linking, linkingRef, setLinking, linkTo, unlink, startLink } = useLinking({ text: article.text, currentAnnotations, selection, run, syncNow });
  /** The picker closes after a pick and the text takes the keys again (N opens the note, not the filter). */
  const closePicker = useCallback(() => {
    setLinking(false);
    textRef.current?.focus();
  }, [setLinking]);
  const linkFromText = useCallback(
    (id: string) => {
      linkTo(id);
      closePicker();
    },
    [closePicker, linkTo],
  );
  const { onClickOffset, onSelectEnd, onCaret } = useTextClicks({ text: article.text, currentAnnotations, selection, linkingRef, linkTo: linkFromText, fragment });

  const saveNote = useCallback(
    (id: string, note: string) => {
      const a = find(id);
      if (a) run(setNote(a, note, stamp()), 'Note saved');
    },
    [find, run],
  );

  /** N: the note field of the selected annotation, shown and focused now. */
  const openNote = useCallback(() => {
    const id = selectedRef.current;
    if (!id) return announce('Select an annotation first, then press N to write its note.');
    flushSync(() => {
      syncNow();
      setLinking(false);
      showNow(id);
    });
    noteRef.current?.focus();
  }, [selectedRef, setLinking, showNow, syncNow]);

  const readSelection = useCallback(() => textRef.current?.readSelection() ?? lastSelection.current, []);
  const onPlaced = useCallback((id: string) => setSelectedId(id), [setSelectedId]);
  const transfer = useArticleTransfer({ articleId: article.id, text: article.text, session, readSelection, onPlaced, onNotice: props.onNotice });
  const onReopen = props.onReopen;
  const reopen = useCallback(() => onReopen?.(), [onReopen]);
  const versions = useVersions({ articleId: article.id, textRef, whenSaved: session.whenSaved, onReopen: reopen, onNotice: props.onNotice });
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
        if (command === 'new-version') return void versions.addVersion(), true;
        if (command === 'export-versions') return void versions.exportHistory(), true;
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
    [exportAnnotations, props, redo, session, tag, transfer, undo, versions],
  );

  const keyHandlers = useMemo(
    () =>
      articleKeyHandlers({
        tag,
        step: selection.step,
        fragment,
        startLink,
        openNote,
        removeSelected,
        escape: () => (linkingRef.current ? setLinking(false) : setSelectedId(null)),
      }),
    [fragment, linkingRef, openNote, removeSelected, selection.step, setLinking, setSelectedId, startLink, tag],
  );
  const onKeyDown = useArticleKeys(keyHandlers, transfer.onKey);

  const onSelection = useCallback((sel: TextSelection | null) => {
    lastSelection.current = sel;
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
      <LinkPicker from={selected} annotations={session.annotations} text={article.text} onToggle={linkTo} onPicked={closePicker} onClose={closePicker} />
    ) : (
      <DetailPanel
        key={selected.id}
        annotation={selected}
        annotations={session.annotations}
        text={article.text}
        noteRef={noteRef}
        onNote={saveNote}
        onUnlink={unlink}
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
      {versions.heading}
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
          {versions.panel}
          {transfer.panel}
          <div className="side-tabs" role="group" aria-label="Side panel">
            <button type="button" aria-pressed={side === 'annotations'} onClick={() => setSide('annotations')}>Annotations</button>
            <button type="button" aria-pressed={side === 'sources'} onClick={() => setSide('sources')}>Sources</button>
          </div>
          {side === 'sources' ? (
            <SourcesPanel text={article.text} annotations={sorted} onSelect={select} onChange={run} />
          ) : (
          <Sidebar
            text={article.text}
            annotations={sorted}
            counts={counts}
            selectedId={selectedId}
            filter={filter}
            onFilter={setFilter}
            onSelect={select}
            onHover={selection.onHover}
            detail={detail}
          />
          )}
        </div>
      </div>
      {transfer.dialogs}
      {versions.dialog}
    </div>
  );
}
