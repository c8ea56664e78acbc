import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { Operation } from '../../../shared/model/operations';
import type { Annotation, Span } from '../../../shared/model/types';
import { allowedDecisions, decisionOperation, type Decision, type DecisionKind } from '../../../shared/review/decisions';
import { describePair } from '../../../shared/review/describe';
import { CATEGORY_LABELS, DECISION_LABELS } from '../../../shared/review/labels';
import { holdsIn, locatePair } from '../../../shared/review/locate';
import { step } from '../../../shared/review/navigate';
import type { Pair } from '../../../shared/review/pair';
import type { ReviewSnapshot } from '../../../shared/review/review-session';
import type { Colleague, StoredDecision } from '../../../shared/review/review-state';
import { spanFromSelection } from '../../../shared/text/selection';
import { errorMessage } from '../api';
import type { ArticleSession } from '../article/useArticleSession';
import { announce } from '../common/announcer';
import type { EditResult } from './EditDialog';
import type { LiveRef } from './review-live';
import type { ReviewColumns } from './useReviewPainting';
import type { ReviewStore } from './useReviewState';
import { plural } from '../common/format';

interface Options {
  text: string;
  live: LiveRef;
  store: ReviewStore;
  session: ArticleSession;
  columns: MutableRefObject<ReviewColumns>;
  activeNow(): Colleague | undefined;
  snapshotOf(mine: readonly Annotation[], colleague: Colleague): ReviewSnapshot;
  nameOf(colleague: Colleague | undefined): string;
  select(pair: Pair | undefined, scroll?: boolean): void;
  repaint(): void;
  notice(message: string, kind?: 'info' | 'error'): void;
}

/** What a decision did, so undo and redo can take it back from the review too. */
interface DecisionRecord {
  colleagueId: string;
  record: StoredDecision;
  previous?: StoredDecision;
}

/**
 * Deciding the current pair (A/R/M/E): one undoable operation on my annotations, recorded
 * with the review at once, then on to the next pair still to decide. Undo and redo take
 * the decision back (or give it again) along with its change to my annotations.
 */
export function useDecisions({ text, live, store, session, columns, activeNow, snapshotOf, nameOf, select, repaint, notice }: Options) {
  const [editing, setEditing] = useState<{ pair: Pair; selection: Span | null } | null>(null);
  const decisionOps = useRef(new Map<Operation, DecisionRecord>());

  const readSelection = useCallback((): Span | null => {
    for (const h of [columns.current.mine, columns.current.theirs]) {
      const sel = h?.readSelection();
      if (sel && sel.end > sel.start) return spanFromSelection(text, sel.start, sel.end, { snapToWords: true });
    }
    return null;
  }, [columns, text]);

  const decide = useCallback(
    (kind: DecisionKind, edit?: EditResult) => {
      const colleague = activeNow();
      if (!colleague) return announce('Open a colleague’s annotations first (Ctrl+Shift+O).');
      const mine = session.current();
      const s = snapshotOf(mine, colleague);
      const pair = locatePair(s, live.current.cursor);
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
        return notice(`Could not ${kind}: ${errorMessage(error)}`, 'error');
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
        notice(
          `${DECISION_LABELS[kind]}, without ${plural(result.unresolvedLinks.length, 'link')}: ${nameOf(colleague)} attributes it to an attribution you do not have. Accept that attribution first, then decide this pair again.`,
        );
      }
      // On to the next pair still to decide.
      const after = snapshotOf(session.current(), activeNow()!);
      const next = step(after.reviewable, pair, 'next', { skip: holdsIn(after) });
      announce(`${DECISION_LABELS[kind]}. ${next ? `Next: ${describePair(after, next)}` : 'Every disagreement is decided.'}`);
      if (next) select(next);
      else select(locatePair(after, pair.id));
    },
    [activeNow, live, nameOf, notice, readSelection, select, session, snapshotOf, store],
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
        if (colleague?.id === d.colleagueId) select(locatePair(snapshotOf(session.current(), colleague), d.record.pairId));
        announce(`${which === 'undo' ? 'Undone' : 'Redone'}: ${DECISION_LABELS[d.record.decision.kind].toLowerCase()}`);
      } else announce(which === 'undo' ? 'Undone' : 'Redone');
      repaint();
    },
    [activeNow, repaint, select, session, snapshotOf, store],
  );

  return { decide, undoOrRedo, editing, setEditing };
}
