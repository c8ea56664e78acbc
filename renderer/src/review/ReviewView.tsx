import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary, OpenedArticle } from '../../../shared/ipc/contract';
import type { Command } from '../../../shared/ipc/commands';
import type { Operation } from '../../../shared/model/operations';
import { containsOffset, coveredLength } from '../../../shared/model/spans';
import type { Annotation, Author, Span } from '../../../shared/model/types';
import { shortNames } from '../../../shared/review/colleague-file';
import { acceptConsensus, consensus } from '../../../shared/review/curation';
import { allowedDecisions, decisionOperation, type Decision, type DecisionKind } from '../../../shared/review/decisions';
import { spansKey } from '../../../shared/review/intervals';
import { step } from '../../../shared/review/navigate';
import { leadOf, PAIR_CATEGORIES, parsePairId, type Pair, type PairCategory } from '../../../shared/review/pair';
import { decisionHolds, reviewSnapshot, type ReviewSnapshot } from '../../../shared/review/review-session';
import type { Colleague, ReportFormat, ReviewLayout, StoredDecision } from '../../../shared/review/review-state';
import { LineIndex } from '../../../shared/text/line-index';
import { spanFromSelection } from '../../../shared/text/selection';
import { api, errorMessage } from '../api';
import { ArticleText, type ArticleTextHandle } from '../article/ArticleText';
import { useArticleSession } from '../article/useArticleSession';
import { announce } from '../common/announcer';
import { dispatchAppCommand, isTextField, onAppCommand } from '../common/commands';
import { AgreementPanel, type Annotator } from './AgreementPanel';
import { ColleagueBar } from './ColleagueBar';
import { curationModel, CurationPanel, mineIndex } from './CurationPanel';
import { EditDialog, type EditResult } from './EditDialog';
import { CATEGORY_LABELS, DECISION_LABELS } from './labels';
import { PairList } from './PairList';
import { PairPanel } from './PairPanel';
import './review.css';
import { ReviewPainter, type ReviewPaint } from './review-painter';
import { intersectSpans, subtractSpans } from './span-sets';
import { markReviewPaintedNextFrame } from './review-timing';
import { SummaryBar } from './SummaryBar';
import { useReviewState } from './useReviewState';

const NO_ANNOTATIONS: Annotation[] = [];
const NO_PAIRS: Pair[] = [];
const NOTHING = { mine: [], theirs: [] };
type Tab = 'review' | 'agreement' | 'curation';

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

/** The pair `id` names in this pairing: by id, else by the colleague's side, else by mine. */
function locate(snap: ReviewSnapshot, id: string | null): Pair | undefined {
  if (!id) return undefined;
  const found = snap.pairing.pairs.find((p) => p.id === id);
  if (found) return found;
  const sides = parsePairId(id);
  return (sides.theirs !== undefined ? snap.pairing.byTheirs.get(sides.theirs) : undefined) ?? (sides.mine !== undefined ? snap.pairing.byMine.get(sides.mine) : undefined);
}

/** The current pair: solid where both sides cover the words, lighter where only one does. */
function currentMarks(pair: Pair | undefined): Pick<ReviewPaint, 'current' | 'currentEdge'> {
  if (!pair) return { current: NOTHING };
  if (!pair.mine || !pair.theirs) return { current: { mine: pair.mine ? [pair.mine.spans] : [], theirs: pair.theirs ? [pair.theirs.spans] : [] } };
  const both = intersectSpans(pair.mine.spans, pair.theirs.spans);
  return {
    current: { mine: [both], theirs: [both] },
    currentEdge: { mine: [subtractSpans(pair.mine.spans, pair.theirs.spans)], theirs: [subtractSpans(pair.theirs.spans, pair.mine.spans)] },
  };
}

const holdsIn = (snap: ReviewSnapshot) => (p: Pair) => decisionHolds(p, snap.decided.get(p.id));

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
 * review as it is made.
 */
export function ReviewView(props: Props) {
  const { article } = props.opened;
  const text = article.text;
  const lines = useMemo(() => new LineIndex(text), [text]);
  const store = useReviewState(article.id, props.onNotice);
  const review = store.review;
  const [tab, setTab] = useState<Tab>('review');
  const tabRef = useRef(tab);
  tabRef.current = tab;
  const [cursor, setCursorState] = useState<string | null>(null);
  const cursorRef = useRef<string | null>(null);
  const [groupKey, setGroupKey] = useState<string | null>(null);
  const groupSpansRef = useRef<Span[] | null>(null);
  const [k, setK] = useState(0);
  const kRef = useRef(0);
  const [editing, setEditing] = useState<{ pair: Pair; selection: Span | null } | null>(null);
  const painterRef = useRef<ReviewPainter | null>(null);
  const columns = useRef<{ mine: ArticleTextHandle | null; theirs: ArticleTextHandle | null }>({ mine: null, theirs: null });
  const decisionOps = useRef(new Map<Operation, { colleagueId: string; record: StoredDecision; previous?: StoredDecision }>());
  const repaintRef = useRef<(mine?: readonly Annotation[]) => void>(() => undefined);
  const paintMine = useCallback((annotations: readonly Annotation[]) => repaintRef.current(annotations), []);
  const notice = useRef(props.onNotice);
  notice.current = props.onNotice;

  const session = useArticleSession(props.opened, props.onSummary, (_fresh, message) => props.onNotice(message, 'error'), paintMine);

  // ——— derived state ———
  const activeNow = useCallback((): Colleague | undefined => {
    const r = store.current();
    return r?.colleagues.find((c) => c.id === r.activeColleagueId) ?? r?.colleagues[0];
  }, [store]);
  const active = review?.colleagues.find((c) => c.id === review.activeColleagueId) ?? review?.colleagues[0];
  const layout: ReviewLayout = review?.layout ?? 'together';
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const names = useMemo(() => {
    const list = review?.colleagues ?? [];
    const short = shortNames(list.map((c) => c.label));
    return new Map(list.map((c, i) => [c.id, short[i]!]));
  }, [review?.colleagues]);
  const nameOf = useCallback((c: Colleague | undefined) => (c ? (names.get(c.id) ?? c.label) : 'Colleague'), [names]);

  /** Pairing + decisions, cached for the last two states of mine (the painted one and React's). */
  const snapCache = useRef<{ mine: readonly Annotation[]; colleague: Colleague; snap: ReviewSnapshot }[]>([]);
  const snapshotOf = useCallback((mine: readonly Annotation[], colleague: Colleague): ReviewSnapshot => {
    const hit = snapCache.current.find((c) => c.mine === mine && c.colleague === colleague);
    if (hit) return hit.snap;
    const snap = reviewSnapshot(mine, colleague.annotations, colleague.decisions);
    snapCache.current = [{ mine, colleague, snap }, ...snapCache.current].slice(0, 2);
    return snap;
  }, []);
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
  const curationRef = useRef(curation);
  curationRef.current = curation;
  const n = curation.files.length;
  const kEffective = k >= 1 && k <= n ? k : Math.floor(n / 2) + 1;
  kRef.current = kEffective;

  // ——— painting ———
  const repaint = useCallback(
    (mine: readonly Annotation[] = session.current()) => {
      const painter = painterRef.current;
      if (!painter?.ready || !store.current()) return;
      if (tabRef.current === 'curation') {
        const index = mineIndex(mine);
        const missing = consensus(curationRef.current.groups, kRef.current).filter((c) => !index.tagged.has(`${c.tag}:${spansKey(c.spans)}`));
        painter.paint({
          mine,
          theirs: [],
          todo: { mine: missing.map((c) => c.spans), theirs: [] },
          current: { mine: groupSpansRef.current ? [groupSpansRef.current] : [], theirs: [] },
        });
        return;
      }
      const colleague = activeNow();
      if (!colleague) {
        painter.paint({ mine, theirs: [], todo: NOTHING, current: NOTHING });
        markReviewPaintedNextFrame({ pairs: 0 });
        return;
      }
      const s = snapshotOf(mine, colleague);
      const holds = holdsIn(s);
      const todo = s.reviewable.filter((p) => !holds(p));
      const current = locate(s, cursorRef.current);
      painter.paint(
        {
          mine,
          theirs: colleague.annotations,
          todo: { mine: todo.flatMap((p) => (p.mine ? [p.mine.spans] : [])), theirs: todo.flatMap((p) => (p.theirs ? [p.theirs.spans] : [])) },
          ...currentMarks(current),
        },
        s,
      );
      markReviewPaintedNextFrame({ pairs: s.pairing.pairs.length });
    },
    [activeNow, session, snapshotOf, store],
  );
  repaintRef.current = repaint;

  const syncSources = useCallback(() => {
    const painter = painterRef.current;
    if (!painter) return;
    const { mine, theirs } = columns.current;
    painter.setSources(mine?.painter ?? null, layoutRef.current === 'side-by-side' ? (theirs?.painter ?? null) : (mine?.painter ?? null));
    repaintRef.current();
  }, []);

  useLayoutEffect(() => {
    painterRef.current = new ReviewPainter();
    syncSources();
    return () => {
      painterRef.current?.dispose();
      painterRef.current = null;
    };
  }, [syncSources]);

  const onMineReady = useCallback(
    (h: ArticleTextHandle | null) => {
      columns.current.mine = h;
      syncSources();
    },
    [syncSources],
  );
  const onTheirsReady = useCallback(
    (h: ArticleTextHandle | null) => {
      columns.current.theirs = h;
      syncSources();
    },
    [syncSources],
  );

  useLayoutEffect(() => syncSources(), [layout, syncSources]);
  useLayoutEffect(() => repaint(), [review, cursor, tab, kEffective, groupKey, repaint]);

  // ——— moving between pairs ———
  const scrollTo = useCallback((offset: number) => {
    columns.current.mine?.scrollToOffset(offset);
    if (layoutRef.current === 'side-by-side') columns.current.theirs?.scrollToOffset(offset);
  }, []);

  const select = useCallback(
    (pair: Pair | undefined, scroll = true) => {
      const id = pair?.id ?? null;
      cursorRef.current = id;
      const colleague = activeNow();
      if (colleague) store.setCursor(colleague.id, id);
      repaintRef.current();
      setCursorState(id);
      if (pair && scroll) scrollTo(leadOf(pair).spans[0]!.start);
    },
    [activeNow, scrollTo, store],
  );

  const describePair = useCallback(
    (s: ReviewSnapshot, p: Pair) => {
      const i = s.reviewable.findIndex((x) => x.id === p.id);
      const d = s.decided.get(p.id);
      const status = d && decisionHolds(p, d) ? `, ${DECISION_LABELS[d.decision.kind].toLowerCase()}` : '';
      return `${CATEGORY_LABELS[p.category]}${p.links === 'different' ? ', links differ' : ''}${i >= 0 ? `, ${i + 1} of ${s.reviewable.length}` : ''}${status}`;
    },
    [],
  );

  const go = useCallback(
    (direction: 'next' | 'previous', all: boolean) => {
      const colleague = activeNow();
      if (!colleague) return announce('Open a colleague’s annotations first (Ctrl+Shift+O).');
      const s = snapshotOf(session.current(), colleague);
      const from = locate(s, cursorRef.current);
      const next = step(s.reviewable, from, direction, all ? {} : { skip: holdsIn(s) });
      if (!next) return announce(s.reviewable.length === 0 ? 'No disagreements.' : 'Every disagreement is decided. Shift+N steps through them again.');
      select(next);
      announce(describePair(s, next));
    },
    [activeNow, describePair, select, session, snapshotOf],
  );

  // Resume where the review stopped: the saved pair, else the first one to decide.
  const resumed = useRef<string | null>(null);
  useEffect(() => {
    if (!review || !active || resumed.current === active.id) return;
    resumed.current = active.id;
    const s = snapshotOf(session.current(), active);
    const saved = locate(s, active.cursor ?? null);
    const first = saved ?? step(s.reviewable, undefined, 'next', { skip: holdsIn(s) });
    // Select now; scroll once the text is laid out, unless the reviewer has moved on since.
    select(first, false);
    if (first) {
      requestAnimationFrame(() => {
        if (cursorRef.current === first.id) scrollTo(leadOf(first).spans[0]!.start);
      });
    }
  }, [active, review, scrollTo, select, session, snapshotOf]);

  // ——— deciding ———
  const readSelection = useCallback((): Span | null => {
    for (const h of [columns.current.mine, columns.current.theirs]) {
      const sel = h?.readSelection();
      if (sel && sel.end > sel.start) return spanFromSelection(text, sel.start, sel.end, { snapToWords: true });
    }
    return null;
  }, [text]);

  const decide = useCallback(
    (kind: DecisionKind, edit?: EditResult) => {
      const colleague = activeNow();
      if (!colleague) return announce('Open a colleague’s annotations first (Ctrl+Shift+O).');
      const mine = session.current();
      const s = snapshotOf(mine, colleague);
      const pair = locate(s, cursorRef.current);
      if (!pair) return announce('No pair selected: press N for the next disagreement.');
      if (!allowedDecisions(pair).includes(kind)) return announce(`${CATEGORY_LABELS[pair.category]}: merge needs both sides. Accept, reject or edit.`);
      if (kind === 'edit' && !edit) return setEditing({ pair, selection: readSelection() });
      const decision: Decision = kind === 'edit' ? { kind: 'edit', patch: { tag: edit!.tag, spans: edit!.spans, note: edit!.note } } : { kind };
      const at = new Date().toISOString();
      let result;
      try {
        result = decisionOperation(pair, decision, {
          mine,
          pairing: s.pairing,
          colleague: { file: colleague.file, author: colleague.author ?? { id: `colleague:${colleague.id}`, name: colleague.label } },
          at,
          newId: () => crypto.randomUUID(),
        });
      } catch (error) {
        return notice.current(`Could not ${kind}: ${errorMessage(error)}`, 'error');
      }
      // A fresh batch per decision, so undo can tell which decision it takes back.
      const op: Operation = { type: 'batch', ops: [result.op] };
      const record: StoredDecision = {
        pairId: pair.id,
        decision,
        decidedAt: at,
        category: pair.category,
        ...(pair.links ? { links: pair.links } : {}),
        ...(pair.mine ? { mine: pair.mine } : {}),
        ...(pair.theirs ? { theirs: pair.theirs } : {}),
      };
      const previous = colleague.decisions.find((d) => d.pairId === pair.id);
      decisionOps.current.set(op, { colleagueId: colleague.id, record, ...(previous ? { previous } : {}) });
      store.decide(colleague.id, { set: record });
      session.apply(op);
      if (result.unresolvedLinks.length) {
        notice.current(
          `${DECISION_LABELS[kind]}, without ${result.unresolvedLinks.length} link${result.unresolvedLinks.length === 1 ? '' : 's'}: ${nameOf(colleague)} attributes it to an attribution you do not have. Accept that attribution first, then decide this pair again.`,
        );
      }
      // On to the next pair still to decide.
      const after = snapshotOf(session.current(), activeNow()!);
      const next = step(after.reviewable, pair, 'next', { skip: holdsIn(after) });
      announce(`${DECISION_LABELS[kind]}. ${next ? `Next: ${describePair(after, next)}` : 'Every disagreement is decided.'}`);
      if (next) select(next);
      else select(locate(after, pair.id));
    },
    [activeNow, describePair, nameOf, readSelection, select, session, snapshotOf, store],
  );

  const undoOrRedo = useCallback(
    (which: 'undo' | 'redo') => {
      const op = which === 'undo' ? session.undo() : session.redo();
      if (!op) return announce(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
      const d = decisionOps.current.get(op);
      if (d) {
        if (which === 'redo') store.decide(d.colleagueId, { set: d.record });
        else if (d.previous && d.previous.pairId === d.record.pairId) store.decide(d.colleagueId, { set: d.previous });
        else store.decide(d.colleagueId, { forget: d.record.pairId });
        const colleague = activeNow();
        if (colleague?.id === d.colleagueId) select(locate(snapshotOf(session.current(), colleague), d.record.pairId));
        announce(`${which === 'undo' ? 'Undone' : 'Redone'}: ${DECISION_LABELS[d.record.decision.kind].toLowerCase()}`);
      } else announce(which === 'undo' ? 'Undone' : 'Redone');
      repaintRef.current();
    },
    [activeNow, select, session, snapshotOf, store],
  );

  // ——— colleagues, layout, export ———
  const openColleagues = useCallback(async () => {
    try {
      await store.whenSaved();
      const r = await api().invoke('review:load', { articleId: article.id });
      if ('canceled' in r) return;
      resumed.current = null;
      store.replace(r.review);
      setTab('review');
      const short = shortNames(r.review.colleagues.map((c) => c.label));
      const shortOf = new Map(r.review.colleagues.map((c, i) => [c.id, short[i]!]));
      // One notice for the whole batch: each colleague, what was placed and what was not.
      const lines = r.loaded.map((l) => {
        const parts = [`${l.placed} annotation${l.placed === 1 ? '' : 's'}`];
        if (l.fuzzy) parts.push(`${l.fuzzy} re-anchored approximately`);
        if (l.orphans) parts.push(`${l.orphans} could not be placed (listed beside the file)`);
        if (l.droppedLinks) parts.push(`${l.droppedLinks} links to those left out`);
        return `${shortOf.get(l.colleagueId) ?? l.label}: ${parts.join(', ')}${l.replaced ? ' (reloaded; decisions kept)' : ''}`;
      });
      notice.current(r.loaded.length === 1 ? `Loaded ${lines[0]}.` : `Loaded ${r.loaded.length} colleagues’ files:\n${lines.join('\n')}`);
    } catch (error) {
      notice.current(errorMessage(error), 'error');
    }
  }, [article.id, store]);

  const chooseColleague = useCallback(
    (id: string) => {
      if (id === store.current()?.activeColleagueId) return;
      store.update({ activeColleagueId: id });
    },
    [store],
  );

  const removeColleague = useCallback(
    async (id: string) => {
      try {
        await store.whenSaved();
        const next = await api().invoke('review:remove', { articleId: article.id, colleagueId: id });
        resumed.current = null;
        store.replace(next);
      } catch (error) {
        notice.current(errorMessage(error), 'error');
      }
    },
    [article.id, store],
  );

  const setLayout = useCallback((next: ReviewLayout) => store.update({ layout: next }), [store]);
  const toggleLayout = useCallback(() => {
    setLayout(layoutRef.current === 'together' ? 'side-by-side' : 'together');
    announce(layoutRef.current === 'together' ? 'Side by side' : 'Together');
  }, [setLayout]);

  const exportReport = useCallback(
    async (format: ReportFormat) => {
      const colleague = activeNow();
      if (!colleague) return notice.current('Open a colleague’s annotations first: the report compares yours with theirs.', 'error');
      try {
        await session.whenSaved();
        await store.whenSaved();
        const r = await api().invoke('review:export-report', { articleId: article.id, colleagueId: colleague.id, format });
        if ('path' in r) notice.current(`Exported the review report (${r.rows} pairs) to ${r.path}`);
      } catch (error) {
        notice.current(`Export failed: ${errorMessage(error)}`, 'error');
      }
    },
    [activeNow, article.id, session, store],
  );

  const exportAnnotations = useCallback(async () => {
    try {
      await session.whenSaved();
      const r = await api().invoke('annotations:export', { articleId: article.id, format: 'newsmark' });
      if ('path' in r) notice.current(`Exported ${session.current().length} annotations to ${r.path}`);
    } catch (error) {
      notice.current(`Export failed: ${errorMessage(error)}`, 'error');
    }
  }, [article.id, session]);

  const exit = useCallback(async () => {
    await session.whenSaved();
    await store.whenSaved();
    props.onExit();
  }, [props, session, store]);

  // ——— curation ———
  const selectGroup = useCallback(
    (spans: Span[]) => {
      groupSpansRef.current = spans;
      setGroupKey(spansKey(spans));
      scrollTo(spans[0]!.start);
      repaintRef.current();
    },
    [scrollTo],
  );

  const acceptMajority = useCallback(
    (atLeast: number) => {
      const model = curationRef.current;
      const { op, added, droppedLinks } = acceptConsensus(consensus(model.groups, atLeast), {
        mine: session.current(),
        files: model.files,
        at: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      });
      if (added === 0) return announce('Nothing to add: you have all of it already.');
      session.apply(op);
      notice.current(
        `Added ${added} annotation${added === 1 ? '' : 's'} that at least ${atLeast} of ${model.files.length} agree on${droppedLinks ? `; ${droppedLinks} link${droppedLinks === 1 ? '' : 's'} left out (the attribution did not reach ${atLeast})` : ''}. Undo takes them all back.`,
      );
    },
    [session],
  );

  // ——— clicks in the text ———
  const pickAt = useCallback(
    (offset: number, side: 'mine' | 'theirs' | 'both') => {
      if (tabRef.current === 'curation') {
        const hits = curationRef.current.groups.filter((g) => g.spans.some((s) => s.start <= offset && offset < s.end));
        hits.sort((a, b) => coveredLength(a.spans) - coveredLength(b.spans));
        if (hits[0]) selectGroup(hits[0].spans);
        return;
      }
      const colleague = activeNow();
      if (!colleague) return;
      const s = snapshotOf(session.current(), colleague);
      const hits = s.pairing.pairs.filter((p) => (side !== 'theirs' && p.mine && containsOffset(p.mine, offset)) || (side !== 'mine' && p.theirs && containsOffset(p.theirs, offset)));
      if (hits.length === 0) return;
      const size = (p: Pair) => Math.min(p.mine ? coveredLength(p.mine.spans) : Infinity, p.theirs ? coveredLength(p.theirs.spans) : Infinity);
      const order = new Set(s.reviewable.map((p) => p.id));
      hits.sort((a, b) => Number(order.has(b.id)) - Number(order.has(a.id)) || size(a) - size(b));
      select(hits[0], false);
      announce(describePair(s, hits[0]!));
    },
    [activeNow, describePair, select, selectGroup, session, snapshotOf],
  );
  const onMineClick = useStable((offset: number) => pickAt(offset, layoutRef.current === 'together' ? 'both' : 'mine'));
  const onTheirsClick = useStable((offset: number) => pickAt(offset, 'theirs'));
  const noSelection = useCallback(() => undefined, []);

  // ——— side by side: the two texts scroll together ———
  const following = useRef<Element | null>(null);
  const onColumnScroll = useCallback((event: React.UIEvent<HTMLElement>) => {
    const el = event.currentTarget;
    if (following.current === el) {
      following.current = null;
      return;
    }
    const other = el.parentElement?.querySelector(el.classList.contains('review-column-mine') ? '.review-column-theirs' : '.review-column-mine');
    if (other && Math.abs(other.scrollTop - el.scrollTop) > 1) {
      following.current = other;
      other.scrollTop = el.scrollTop;
    }
  }, []);

  // ——— keys and commands ———
  const actions = useRef({ go, decide, toggleLayout });
  actions.current = { go, decide, toggleLayout };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || tabRef.current !== 'review') return;
      if (isTextField(event.target) || document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      const a = actions.current;
      if (key === 'n' || key === 'p') a.go(key === 'n' ? 'next' : 'previous', event.shiftKey);
      else if (key === 'a') a.decide('accept');
      else if (key === 'r') a.decide('reject');
      else if (key === 'm') a.decide('merge');
      else if (key === 'e') a.decide('edit');
      else if (key === 's') a.toggleLayout();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
          else notice.current('Curation needs three or more colleagues’ files.');
          return true;
        }
        if (command === 'export-annotations') return void exportAnnotations(), true;
        return false;
      }),
    [exit, exportAnnotations, exportReport, n, openColleagues, undoOrRedo],
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
  const counts = useMemo(() => {
    const c = Object.fromEntries(PAIR_CATEGORIES.map((x) => [x, 0])) as Record<PairCategory, number>;
    let links = 0;
    for (const p of snap?.pairing.pairs ?? []) {
      c[p.category]++;
      if (p.links === 'different') links++;
    }
    return { categories: c, links };
  }, [snap]);
  const holds = useMemo(() => (snap ? holdsIn(snap) : () => false), [snap]);
  // The list follows the marks: it renders after the first paint (and off the key path after that).
  const listPairs = useDeferredValue(snap?.reviewable ?? NO_PAIRS, NO_PAIRS);
  const decidedCount = snap ? snap.reviewable.filter(holds).length : 0;
  // Accepting "only mine" removes mine, and its pair with it: still a decision taken (and a report row).
  const goneDecided = snap?.stale.length ?? 0;
  const currentPair = snap ? locate(snap, cursor) : undefined;
  const mineById = useMemo(() => new Map(session.annotations.map((a) => [a.id, a])), [session.annotations]);
  const theirsById = useMemo(() => new Map((active?.annotations ?? []).map((a) => [a.id, a])), [active?.annotations]);
  const onSelectGroup = useStable(selectGroup);
  const onSelectPair = useStable((id: string) => {
    const colleague = activeNow();
    if (!colleague) return;
    select(locate(snapshotOf(session.current(), colleague), id));
  });
  const annotators = useMemo<Annotator[]>(
    () => [
      { key: 'mine', name: `Me (${props.user.name})`, annotations: session.annotations },
      ...(review?.colleagues ?? []).map((c) => ({ key: c.id, name: names.get(c.id) ?? c.label, annotations: c.annotations })),
    ],
    [names, props.user.name, review?.colleagues, session.annotations],
  );

  const tabs: { id: Tab; label: string; disabled?: boolean; title?: string }[] = [
    { id: 'review', label: 'Review' },
    { id: 'agreement', label: 'Agreement', disabled: !review?.colleagues.length },
    { id: 'curation', label: 'Curation', disabled: n < 3, title: n < 3 ? 'Needs three or more colleagues’ files' : `${n} colleagues` },
  ];

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
        <div className="toolbar review-toolbar" role="toolbar" aria-label="Review tools">
          <div className="view-tabs" role="group" aria-label="View">
            {tabs.map((t) => (
              <button key={t.id} type="button" aria-pressed={tab === t.id} disabled={t.disabled} title={t.title} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <div className="layout-toggle" role="group" aria-label="Layout">
            <button type="button" aria-pressed={layout === 'together'} onClick={() => setLayout('together')} onMouseDown={(e) => e.preventDefault()}>
              Together
            </button>
            <button type="button" aria-pressed={layout === 'side-by-side'} onClick={() => setLayout('side-by-side')} onMouseDown={(e) => e.preventDefault()}>
              Side by side <kbd>S</kbd>
            </button>
          </div>
          <span className="toolbar-gap" />
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => undoOrRedo('undo')} disabled={!session.canUndo}>
            Undo
          </button>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => undoOrRedo('redo')} disabled={!session.canRedo}>
            Redo
          </button>
          <button type="button" disabled={!active} onClick={() => void exportReport('csv')}>
            Report CSV…
          </button>
          <button type="button" disabled={!active} onClick={() => void exportReport('json')}>
            Report JSON…
          </button>
        </div>
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
            <PairList pairs={listPairs} text={text} currentId={currentPair?.id} decided={snap.decided} holds={holds} colleague={nameOf(active)} onSelect={onSelectPair} />
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
