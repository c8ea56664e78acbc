import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary, OpenedArticle } from '../../../shared/ipc/contract';
import type { Command } from '../../../shared/ipc/commands';
import type { Annotation, Author, Span } from '../../../shared/model/types';
import { shortNames } from '../../../shared/review/colleague-file';
import { acceptConsensus, consensus } from '../../../shared/review/curation';
import { describePair } from '../../../shared/review/describe';
import { spansKey } from '../../../shared/review/intervals';
import { groupAt, holdsIn, locatePair, pairAt, pairCounts, type ClickSide } from '../../../shared/review/locate';
import type { Pair } from '../../../shared/review/pair';
import type { Colleague, ReviewLayout } from '../../../shared/review/review-state';
import { LineIndex } from '../../../shared/text/line-index';
import { api } from '../api';
import { ArticleText } from '../article/ArticleText';
import { useArticleSession } from '../article/useArticleSession';
import { announce } from '../common/announcer';
import { dispatchAppCommand, isTextField, onAppCommand } from '../common/commands';
import { AgreementPanel, type Annotator } from './AgreementPanel';
import { ColleagueBar } from './ColleagueBar';
import { curationModel, CurationPanel } from './CurationPanel';
import { EditDialog } from './EditDialog';
import { PairList } from './PairList';
import { PairPanel } from './PairPanel';
import './review.css';
import type { ReviewLive, ReviewTab } from './review-live';
import { ReviewToolbar } from './ReviewToolbar';
import { SummaryBar } from './SummaryBar';
import { useColumnScrollSync } from './useColumnScrollSync';
import { useDecisions } from './useDecisions';
import { usePairCursor } from './usePairCursor';
import { useReviewFiles } from './useReviewFiles';
import { useReviewKeys } from './useReviewKeys';
import { useReviewPainting } from './useReviewPainting';
import { useReviewState } from './useReviewState';
import { useSnapshots } from './useSnapshots';
import { plural } from '../common/format';

const NO_ANNOTATIONS: Annotation[] = [];
const NO_PAIRS: Pair[] = [];
type Tab = ReviewTab;

interface Props {
  opened: OpenedArticle;
  user: Author;
  /** A review command given from the article view, carried out once the review is open. */
  startWith: Command | null;
  onSummary(summary: ArticleSummary): void;
  onNotice(message: string, kind?: 'info' | 'error'): void;
  /** Back to the article view (the caller reopens the article). */
  onExit(): void;
}

/**
 * A callback whose identity never changes but which always runs the latest `fn`: for the
 * memoised children (the article texts must never re-render while review mode is open,
 * the pair rows only when their own pair changes).
 */
function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  ref.current = fn;
  return useCallback((...args: A) => ref.current(...args), []);
}

/**
 * Review mode: my annotations against a colleague's, on one text (or side by side), with
 * the disagreements to step through (N/P) and settle (A/R/M/E). Every decision changes my
 * annotations through the article session (one undoable operation) and is saved with the
 * review as it is made. Each job is its own hook: painting (useReviewPainting), the current
 * pair (usePairCursor), decisions and undo (useDecisions), colleagues' files and exports
 * (useReviewFiles), scrolling together (useColumnScrollSync) and the keys (useReviewKeys).
 */
export function ReviewView(props: Props) {
  const { article } = props.opened;
  const text = article.text;
  const lines = useMemo(() => new LineIndex(text), [text]);
  const notice = useStable(props.onNotice);
  const store = useReviewState(article.id, notice);
  const review = store.review;
  const [tab, setTab] = useState<Tab>('review');
  const [groupKey, setGroupKey] = useState<string | null>(null);
  const [k, setK] = useState(0);

  // The session paints through the painter, which is made below: reach it through a ref.
  const paintRef = useRef<(mine?: readonly Annotation[]) => void>(() => undefined);
  const paintMine = useCallback((annotations: readonly Annotation[]) => paintRef.current(annotations), []);
  const session = useArticleSession(props.opened, props.onSummary, (_fresh, message) => notice(message, 'error'), paintMine);
  const currentMine = session.current;

  // ——— derived state ———
  const activeNow = useCallback((): Colleague | undefined => {
    const r = store.current();
    return r?.colleagues.find((c) => c.id === r.activeColleagueId) ?? r?.colleagues[0];
  }, [store]);
  const active = review?.colleagues.find((c) => c.id === review.activeColleagueId) ?? review?.colleagues[0];
  const layout: ReviewLayout = review?.layout ?? 'together';
  const names = useMemo(() => {
    const list = review?.colleagues ?? [];
    const short = shortNames(list.map((c) => c.label));
    return new Map(list.map((c, i) => [c.id, short[i]!]));
  }, [review?.colleagues]);
  const nameOf = useCallback((c: Colleague | undefined) => (c ? (names.get(c.id) ?? c.label) : 'Colleague'), [names]);
  const snapshotOf = useSnapshots();
  const snap = active ? snapshotOf(session.annotations, active) : undefined;

  const curation = useMemo(
    () =>
      curationModel(
        (review?.colleagues ?? []).map((c) => ({
          annotator: names.get(c.id) ?? c.label,
          file: c.file,
          ...(c.author ? { author: c.author } : {}),
          annotations: c.annotations,
        })),
      ),
    [review?.colleagues, names],
  );
  const n = curation.files.length;
  const kEffective = k >= 1 && k <= n ? k : Math.floor(n / 2) + 1;

  // What the handlers read without waiting for a render (the cursor and group are set where chosen).
  const live = useRef<ReviewLive>({ tab, layout, cursor: null, curation, k: kEffective, groupSpans: null });
  Object.assign(live.current, { tab, layout, curation, k: kEffective });

  // ——— painting, the current pair, decisions ———
  const loaded = useCallback(() => store.current() !== null, [store]);
  const painting = useReviewPainting({ live, currentMine, loaded, activeNow, snapshotOf });
  const { columns, repaint, syncSources, onMineReady, onTheirsReady } = painting;
  paintRef.current = repaint;
  const { cursor, select, go, scrollTo, forgetResume } = usePairCursor({ live, store, review, active, columns, currentMine, activeNow, snapshotOf, repaint });
  const { decide, undoOrRedo, editing, setEditing } = useDecisions({ text, live, store, session, columns, activeNow, snapshotOf, nameOf, select, repaint, notice });

  useLayoutEffect(() => syncSources(), [layout, syncSources]);
  useLayoutEffect(() => repaint(), [review, cursor, tab, kEffective, groupKey, repaint]);

  // ——— colleagues, layout, export ———
  const files = useReviewFiles({ articleId: article.id, store, session, activeNow, onColleaguesChanged: forgetResume, notice });
  const { chooseColleague, removeColleague, exportReport, exportAnnotations } = files;
  const openColleagues = useCallback(async () => {
    if (await files.openColleagues()) setTab('review');
  }, [files]);

  const setLayout = useCallback((next: ReviewLayout) => store.update({ layout: next }), [store]);
  const toggleLayout = useCallback(() => {
    setLayout(live.current.layout === 'together' ? 'side-by-side' : 'together');
    announce(live.current.layout === 'together' ? 'Side by side' : 'Together');
  }, [setLayout]);

  const exit = useCallback(async () => {
    await session.whenSaved();
    await store.whenSaved();
    props.onExit();
  }, [props, session, store]);

  // ——— curation ———
  const selectGroup = useCallback(
    (spans: Span[]) => {
      live.current.groupSpans = spans;
      setGroupKey(spansKey(spans));
      scrollTo(spans[0]!.start);
      repaint();
    },
    [repaint, scrollTo],
  );

  const acceptMajority = useCallback(
    (atLeast: number) => {
      const model = live.current.curation;
      const { op, added, droppedLinks } = acceptConsensus(consensus(model.groups, atLeast), {
        mine: session.current(),
        files: model.files,
        at: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      });
      if (added === 0) return announce('Nothing to add: you have all of it already.');
      session.apply(op);
      notice(
        `Added ${plural(added, 'annotation')} that at least ${atLeast} of ${model.files.length} agree on${droppedLinks ? `; ${plural(droppedLinks, 'link')} left out (the attribution did not reach ${atLeast})` : ''}. Undo takes them all back.`,
      );
    },
    [notice, session],
  );

  // ——— clicks in the text ———
  const pickAt = useCallback(
    (offset: number, side: ClickSide) => {
      if (live.current.tab === 'curation') {
        const group = groupAt(live.current.curation.groups, offset);
        if (group) selectGroup(group.spans);
        return;
      }
      const colleague = activeNow();
      if (!colleague) return;
      const s = snapshotOf(session.current(), colleague);
      const hit = pairAt(s, offset, side);
      if (!hit) return;
      select(hit, false);
      announce(describePair(s, hit));
    },
    [activeNow, select, selectGroup, session, snapshotOf],
  );
  const onMineClick = useStable((offset: number) => pickAt(offset, live.current.layout === 'together' ? 'both' : 'mine'));
  const onTheirsClick = useStable((offset: number) => pickAt(offset, 'theirs'));
  const noSelection = useCallback(() => undefined, []);
  const onColumnScroll = useColumnScrollSync();

  // ——— keys and commands ———
  useReviewKeys(live, { go, decide, toggleLayout });

  useEffect(
    () =>
      onAppCommand((command) => {
        if (command === 'undo' || command === 'redo') {
          if (isTextField(document.activeElement)) return false;
          undoOrRedo(command);
          return true;
        }
        if (command === 'review-mode') return void exit(), true;
        if (command === 'review-open-colleague') return void openColleagues(), true;
        if (command === 'review-export-report') return void exportReport('csv'), true;
        if (command === 'review-agreement') return setTab('agreement'), true;
        if (command === 'review-curation') {
          if (n >= 3) setTab('curation');
          else notice('Curation needs three or more colleagues’ files.');
          return true;
        }
        if (command === 'export-annotations') return void exportAnnotations(), true;
        return false;
      }),
    [exit, exportAnnotations, exportReport, n, notice, openColleagues, undoOrRedo],
  );

  // Review mode is saved as open, so quitting here reopens here; leaving it clears that.
  useEffect(() => {
    void api().invoke('review:update', { articleId: article.id, reviewing: true }).catch(() => undefined);
    return () => void api().invoke('review:update', { articleId: article.id, reviewing: false }).catch(() => undefined);
  }, [article.id]);

  const started = useRef(false);
  useEffect(() => {
    if (!review || started.current) return;
    started.current = true;
    if (props.startWith) dispatchAppCommand(props.startWith);
  }, [props.startWith, review]);

  // ——— rendering ———
  const counts = useMemo(() => pairCounts(snap?.pairing.pairs ?? []), [snap]);
  const holds = useMemo(() => (snap ? holdsIn(snap) : () => false), [snap]);
  // The list follows the marks: it renders after the first paint (and off the key path after that).
  const listPairs = useDeferredValue(snap?.reviewable ?? NO_PAIRS, NO_PAIRS);
  const decidedCount = snap ? snap.reviewable.filter(holds).length : 0;
  // Accepting "only mine" removes mine, and its pair with it: still a decision taken (and a report row).
  const goneDecided = snap?.stale.length ?? 0;
  const currentPair = snap ? locatePair(snap, cursor) : undefined;
  const mineById = useMemo(() => new Map(session.annotations.map((a) => [a.id, a])), [session.annotations]);
  const theirsById = useMemo(() => new Map((active?.annotations ?? []).map((a) => [a.id, a])), [active?.annotations]);
  const onSelectGroup = useStable(selectGroup);
  const onSelectPair = useStable((id: string) => {
    const colleague = activeNow();
    if (!colleague) return;
    select(locatePair(snapshotOf(session.current(), colleague), id));
  });
  const annotators = useMemo<Annotator[]>(
    () => [
      { key: 'mine', name: `Me (${props.user.name})`, annotations: session.annotations },
      ...(review?.colleagues ?? []).map((c) => ({ key: c.id, name: names.get(c.id) ?? c.label, annotations: c.annotations })),
    ],
    [names, props.user.name, review?.colleagues, session.annotations],
  );

  return (
    <div className="review-view" data-layout={layout} data-tab={tab}>
      <header className="review-header">
        <div className="title-row">
          <h1 className="review-title">
            Review <span className="review-article">{article.title}</span>
          </h1>
          <span className={`save-state save-${session.save.kind}`} role="status">
            {session.save.kind === 'saved' ? 'Saved' : session.save.kind === 'saving' ? 'Saving…' : session.save.message}
          </span>
          <button type="button" onClick={() => void exit()} title="Ctrl/Cmd+Shift+R">
            ← Back to editing
          </button>
        </div>
        {review && (
          <ColleagueBar
            colleagues={review.colleagues}
            names={names}
            activeId={active?.id}
            onSelect={chooseColleague}
            onOpen={() => void openColleagues()}
            onRemove={(id) => void removeColleague(id)}
          />
        )}
        <ReviewToolbar
          tab={tab}
          onTab={setTab}
          colleagues={review?.colleagues.length ?? 0}
          layout={layout}
          onLayout={setLayout}
          canUndo={session.canUndo}
          canRedo={session.canRedo}
          onUndoRedo={undoOrRedo}
          canReport={!!active}
          onReport={(format) => void exportReport(format)}
        />
      </header>
      {snap && tab === 'review' && (
        <SummaryBar counts={counts.categories} linkDisagreements={counts.links} decided={decidedCount + goneDecided} toDecide={snap.reviewable.length - decidedCount} />
      )}
      {!review && <p className="loading">Opening the review…</p>}
      {review && review.colleagues.length === 0 && (
        <div className="review-empty">
          <p>
            Open the file a colleague exported for this article — Newsmark JSON, W3C Web Annotation or brat <code>.ann</code>; several at once, one per colleague. Their
            annotations are placed on this text and paired with yours.
          </p>
          <button type="button" className="primary" onClick={() => void openColleagues()}>
            Open colleague’s annotations…
          </button>
        </div>
      )}
      <div className="review-body" hidden={!review}>
        <main className={`review-texts layout-${layout}`} hidden={tab === 'agreement'} aria-label="Article">
          <section
            className="article-scroll review-column review-column-mine"
            aria-label={layout === 'together' ? 'Article text, mine and theirs' : 'Article text, mine'}
            tabIndex={0}
            onScroll={layout === 'side-by-side' ? onColumnScroll : undefined}
          >
            {layout === 'side-by-side' && <h2 className="column-title">Mine</h2>}
            <ArticleText articleId={article.id} lines={lines} initialAnnotations={NO_ANNOTATIONS} onSelection={noSelection} onClickOffset={onMineClick} onReady={onMineReady} />
          </section>
          {layout === 'side-by-side' && (
            <section className="article-scroll review-column review-column-theirs" aria-label={`Article text, ${nameOf(active)}`} tabIndex={0} onScroll={onColumnScroll}>
              <h2 className="column-title">{nameOf(active)}</h2>
              <ArticleText articleId={article.id} lines={lines} initialAnnotations={NO_ANNOTATIONS} onSelection={noSelection} onClickOffset={onTheirsClick} onReady={onTheirsReady} />
            </section>
          )}
        </main>
        {tab === 'review' && active && snap && (
          <aside className="review-side" aria-label="Pairs">
            <PairPanel
              pair={currentPair}
              index={currentPair ? snap.reviewable.findIndex((p) => p.id === currentPair.id) : -1}
              total={snap.reviewable.length}
              undecided={snap.reviewable.length - decidedCount}
              decision={currentPair ? snap.decided.get(currentPair.id) : undefined}
              outdated={currentPair ? !!snap.decided.get(currentPair.id) && !holds(currentPair) : false}
              colleague={nameOf(active)}
              text={text}
              mineById={(id) => mineById.get(id)}
              theirsById={(id) => theirsById.get(id)}
              onDecide={decide}
            />
            <p className="keys-hint">
              <kbd>N</kbd>/<kbd>P</kbd> next/previous to decide (with Shift: every disagreement) · <kbd>A</kbd> accept · <kbd>R</kbd> reject · <kbd>M</kbd> merge · <kbd>E</kbd> edit ·{' '}
              <kbd>S</kbd> side by side
            </p>
            {/* Only the list scrolls: the current pair's panel above stays in view. */}
            <div className="pair-list-scroll">
              <PairList pairs={listPairs} text={text} currentId={currentPair?.id} decided={snap.decided} holds={holds} colleague={nameOf(active)} onSelect={onSelectPair} />
            </div>
          </aside>
        )}
        {tab === 'curation' && n >= 3 && (
          <aside className="review-side review-side-wide" aria-label="Curation">
            <CurationPanel
              model={curation}
              mine={session.annotations}
              text={text}
              k={kEffective}
              onK={setK}
              currentKey={groupKey}
              onSelect={onSelectGroup}
              onAccept={acceptMajority}
            />
          </aside>
        )}
        {tab === 'agreement' && review && review.colleagues.length > 0 && (
          <main className="agreement-wrap" aria-label="Agreement">
            <AgreementPanel text={text} annotators={annotators} defaultA="mine" defaultB={active?.id ?? annotators[1]!.key} />
          </main>
        )}
      </div>
      {editing && active && (
        <EditDialog
          pair={editing.pair}
          text={text}
          selection={editing.selection}
          colleague={nameOf(active)}
          onCancel={() => setEditing(null)}
          onSave={(result) => {
            setEditing(null);
            decide('edit', result);
          }}
        />
      )}
    </div>
  );
}
